// Permission strings (module:resource:action) and what each one opens in the two apps.

export const P = {
  areaRead: 'organization:area:read',
  areaWrite: 'organization:area:write',
  orgUnitRead: 'organization:org-unit:read',
  orgUnitWrite: 'organization:org-unit:write',
  partnerUnitRead: 'organization:partner-unit:read',
  partnerUnitWrite: 'organization:partner-unit:write',
  partnerUnitOwn: 'organization:partner-unit:own',
  gridRoleRead: 'organization:grid-role:read',
  gridRoleWrite: 'organization:grid-role:write',
  accountRead: 'access:account:read',
  accountWrite: 'access:account:write',
  roleAssign: 'access:role:assign',
  accountUnlock: 'access:account:unlock',
  auditRead: 'access:audit:read',
  householdRead: 'resident:household:read',
  householdWrite: 'resident:household:write',
  householdOwn: 'resident:household:own',
  residentRead: 'resident:resident:read',
  residentWrite: 'resident:resident:write',
  piiReveal: 'resident:pii:reveal',
  signupConfirm: 'resident:signup:confirm',
  memberRead: 'member:member:read',
  memberWrite: 'member:member:write',
  memberSensitive: 'member:sensitive:read',
  memberReveal: 'member:pii:reveal',
  registrationApply: 'member:registration:apply',
  registrationReview: 'member:registration:review',
  calendarRead: 'casework:calendar:read',
  calendarWrite: 'casework:calendar:write',
  leaderRead: 'member:leader:read',
  leaderManage: 'member:leader:manage',
  leaderApprove: 'member:leader:approve',
  mailboxRead: 'member:mailbox:read',
  mailboxHandle: 'member:mailbox:handle',
  leaderNominate: 'member:leader:nominate',
  mailboxUse: 'member:mailbox:use',
  memberImport: 'member:member:import',
  memberExportUnmasked: 'member:export:unmasked',
  residentExportUnmasked: 'resident:export:unmasked',
  wishRead: 'wish:wish:read',
  wishReview: 'wish:wish:review',
  wishSubmit: 'wish:wish:submit',
  wishClaim: 'wish:wish:claim',
  projectRead: 'wish:project:read',
  projectManage: 'wish:project:manage',
  projectClaim: 'wish:project:claim',
  careContactRead: 'care:contact:read',
  careContactWrite: 'care:contact:write',
  careVisitRead: 'care:visit:read',
  careVisitLog: 'care:visit:log',
  careVisitUse: 'care:visit:use',
  needRead: 'matching:need:read',
  needWrite: 'matching:need:write',
  needSubmit: 'matching:need:submit',
  needTake: 'matching:need:take',
  offerRead: 'matching:offer:read',
  offerWrite: 'matching:offer:write',
  offerOwn: 'matching:offer:own',
  taskRead: 'matching:task:read',
  taskWrite: 'matching:task:write',
  taskClaim: 'matching:task:claim',
  pointsOwn: 'points:own:read',
  pointsRead: 'points:entry:read',
  pointsCorrect: 'points:entry:correct',
  pointsRuleRead: 'points:rule:read',
  pointsRuleWrite: 'points:rule:write',
  activityRead: 'volunteer:activity:read',
  activityManage: 'volunteer:activity:manage',
  activityJoin: 'volunteer:activity:join',
  caseRead: 'casework:case:read',
  caseReport: 'casework:case:report',
  caseReturnVisit: 'casework:case:return-visit',
  categoryWrite: 'casework:category:write',
} as const

export type Permission = (typeof P)[keyof typeof P]

export function hasPermission(permissions: readonly string[] | undefined, needed: string | undefined): boolean {
  if (!needed) return true
  return !!permissions && permissions.includes(needed)
}

/** An entry of the admin side menu; `label` is an i18n key. */
export interface MenuEntry {
  key: string
  path: string
  label: string
  icon: string
  permission: Permission
  testId: string
}

export const ADMIN_MENU: readonly MenuEntry[] = [
  { key: 'areas', path: '/areas', label: 'menu.areas', icon: 'MapLocation', permission: P.areaRead, testId: 'menu-areas' },
  { key: 'org-units', path: '/org-units', label: 'menu.orgUnits', icon: 'Flag', permission: P.orgUnitRead, testId: 'menu-org-units' },
  { key: 'partner-units', path: '/partner-units', label: 'menu.partnerUnits', icon: 'OfficeBuilding', permission: P.partnerUnitRead, testId: 'menu-partner-units' },
  { key: 'my-partner-units', path: '/my-partner-units', label: 'menu.myPartnerUnits', icon: 'Connection', permission: P.partnerUnitOwn, testId: 'menu-my-partner-units' },
  { key: 'accounts', path: '/accounts', label: 'menu.accounts', icon: 'User', permission: P.accountRead, testId: 'menu-accounts' },
  { key: 'audit', path: '/audit', label: 'menu.audit', icon: 'Document', permission: P.auditRead, testId: 'menu-audit' },
  { key: 'residents', path: '/residents', label: 'resident.menu', icon: 'House', permission: P.residentRead, testId: 'menu-residents' },
  { key: 'resident-signups', path: '/resident-signups', label: 'resident.signupsMenu', icon: 'Stamp', permission: P.signupConfirm, testId: 'menu-resident-signups' },
  { key: 'members', path: '/members', label: 'member.menu', icon: 'Avatar', permission: P.memberRead, testId: 'menu-members' },
  { key: 'registrations', path: '/registrations', label: 'member.menuRegistrations', icon: 'Stamp', permission: P.registrationReview, testId: 'menu-registrations' },
  { key: 'public-boards', path: '/public-boards', label: 'board.menu', icon: 'Notebook', permission: P.memberRead, testId: 'menu-public-boards' },
  { key: 'building-leaders', path: '/building-leaders', label: 'leader.menu', icon: 'Medal', permission: P.leaderRead, testId: 'menu-building-leaders' },
  { key: 'wishes', path: '/wishes', label: 'wish.menu', icon: 'Present', permission: P.wishRead, testId: 'menu-wishes' },
  { key: 'micro-projects', path: '/micro-projects', label: 'project.menu', icon: 'OfficeBuilding', permission: P.projectRead, testId: 'menu-micro-projects' },
  { key: 'care', path: '/care', label: 'care.menu', icon: 'Guide', permission: P.careContactRead, testId: 'menu-care' },
  { key: 'working-calendar', path: '/working-calendar', label: 'calendar.menu', icon: 'Calendar', permission: P.calendarRead, testId: 'menu-working-calendar' },
  { key: 'needs', path: '/needs', label: 'matching.menuNeeds', icon: 'Help', permission: P.needRead, testId: 'menu-needs' },
  { key: 'offers', path: '/offers', label: 'matching.menuOffers', icon: 'Box', permission: P.offerRead, testId: 'menu-offers' },
  { key: 'service-tasks', path: '/service-tasks', label: 'matching.menuTasks', icon: 'List', permission: P.taskRead, testId: 'menu-service-tasks' },
  { key: 'orders', path: '/orders', label: 'matching.menuOrders', icon: 'Tickets', permission: P.needTake, testId: 'menu-orders' },
  { key: 'my-offers', path: '/my-offers', label: 'matching.menuMyOffers', icon: 'Box', permission: P.offerOwn, testId: 'menu-my-offers' },
  { key: 'points', path: '/points', label: 'points.menu', icon: 'Trophy', permission: P.pointsRead, testId: 'menu-points' },
  { key: 'activities', path: '/activities', label: 'activity.menu', icon: 'Flag', permission: P.activityRead, testId: 'menu-activities' },
  { key: 'service-teams', path: '/service-teams', label: 'serviceTeam.menu', icon: 'Connection', permission: P.activityRead, testId: 'menu-service-teams' },
  { key: 'campaigns', path: '/campaigns', label: 'campaign.menu', icon: 'Medal', permission: P.activityRead, testId: 'menu-campaigns' },
  { key: 'cases', path: '/cases', label: 'case.menu', icon: 'Warning', permission: P.caseRead, testId: 'menu-cases' },
  { key: 'return-visits', path: '/return-visits', label: 'returnVisit.menu', icon: 'PhoneFilled', permission: P.caseReturnVisit, testId: 'menu-return-visits' },
  { key: 'case-categories', path: '/case-categories', label: 'caseCategory.menu', icon: 'Collection', permission: P.categoryWrite, testId: 'menu-case-categories' },
  { key: 'matching-statistics', path: '/matching-statistics', label: 'matchingStats.menu', icon: 'DataAnalysis', permission: P.needRead, testId: 'menu-matching-statistics' },
  { key: 'case-statistics', path: '/case-statistics', label: 'caseStats.menu', icon: 'Warning', permission: P.caseRead, testId: 'menu-case-statistics' },
  { key: 'volunteer-reports', path: '/volunteer-reports', label: 'volunteerReport.menu', icon: 'Document', permission: P.activityRead, testId: 'menu-volunteer-reports' },
]

export function visibleMenu(permissions: readonly string[] | undefined): MenuEntry[] {
  return ADMIN_MENU.filter((entry) => hasPermission(permissions, entry.permission))
}

/** A tile of the mobile home page; `label` is an i18n key. No permission: everyone sees it. */
export interface Tile {
  key:
    | 'my-grid'
    | 'my-partner'
    | 'areas'
    | 'me'
    | 'my-household'
    | 'registration'
    | 'my-card'
    | 'leaders'
    | 'mailbox'
    | 'wish-wall'
    | 'my-wishes'
    | 'care'
    | 'micro-projects'
    | 'my-needs'
    | 'report-need'
    | 'orders'
    | 'service-tasks'
    | 'points'
    | 'activities'
    | 'activity-code'
    | 'member-code'
    | 'cases'
  path: string
  label: string
  icon: string
  permission?: Permission
}

export const MOBILE_TILES: readonly Tile[] = [
  { key: 'my-grid', path: '/my-grid', label: 'tile.myGrid', icon: 'cluster-o', permission: P.gridRoleRead },
  { key: 'my-partner', path: '/my-partner', label: 'tile.myPartner', icon: 'friends-o', permission: P.partnerUnitOwn },
  { key: 'areas', path: '/areas', label: 'tile.areas', icon: 'location-o', permission: P.areaRead },
  { key: 'my-household', path: '/my-household', label: 'resident.tileMyHousehold', icon: 'home-o', permission: P.householdOwn },
  { key: 'registration', path: '/registration', label: 'member.tile', icon: 'flag-o', permission: P.registrationApply },
  { key: 'my-card', path: '/my-card', label: 'board.myCard', icon: 'idcard', permission: P.registrationApply },
  { key: 'leaders', path: '/leaders', label: 'leader.tile', icon: 'medal-o', permission: P.leaderNominate },
  { key: 'mailbox', path: '/mailbox', label: 'mailbox.tile', icon: 'envelop-o', permission: P.mailboxUse },
  { key: 'wish-wall', path: '/wishes', label: 'wish.tileWall', icon: 'gift-o', permission: P.wishClaim },
  { key: 'my-wishes', path: '/wishes', label: 'wish.tileMine', icon: 'gift-card-o', permission: P.wishSubmit },
  { key: 'micro-projects', path: '/micro-projects', label: 'project.tile', icon: 'flag-o', permission: P.projectClaim },
  { key: 'care', path: '/care', label: 'care.tile', icon: 'friends-o', permission: P.careVisitUse },
  { key: 'my-needs', path: '/needs', label: 'matching.tileMyNeeds', icon: 'comment-o', permission: P.needSubmit },
  { key: 'report-need', path: '/needs/report', label: 'matching.tileReport', icon: 'records-o', permission: P.needWrite },
  { key: 'orders', path: '/orders', label: 'matching.tileOrders', icon: 'orders-o', permission: P.needTake },
  { key: 'service-tasks', path: '/service-tasks', label: 'matching.tileTasks', icon: 'todo-list-o', permission: P.taskClaim },
  { key: 'me', path: '/me', label: 'tile.me', icon: 'user-o' },
  { key: 'points', path: '/points', label: 'points.tile', icon: 'award-o', permission: P.pointsOwn },
  { key: 'activities', path: '/activities', label: 'activity.tile', icon: 'flag-o', permission: P.activityJoin },
  { key: 'activity-code', path: '/activity-code', label: 'activity.tileCode', icon: 'qr', permission: P.activityManage },
  { key: 'member-code', path: '/member-code', label: 'activity.tileMemberCode', icon: 'qr', permission: P.activityJoin },
  { key: 'cases', path: '/cases', label: 'case.tile', icon: 'warning-o', permission: P.caseReport },
]

export function visibleTiles(permissions: readonly string[] | undefined): Tile[] {
  return MOBILE_TILES.filter((tile) => hasPermission(permissions, tile.permission))
}
