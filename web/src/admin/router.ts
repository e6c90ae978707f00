// Console routes (hash history: the server needs no fallback). Each page names its permission.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from '@/shared/auth'
import { ADMIN_MENU, hasPermission, visibleMenu } from '@/shared/permissions'
import LoginPage from './access/LoginPage.vue'
import AdminLayout from './layout/AdminLayout.vue'
import WelcomePage from './layout/WelcomePage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: string
  }
}

const permissionOf = (key: string) => ADMIN_MENU.find((m) => m.key === key)?.permission

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
  {
    path: '/',
    component: AdminLayout,
    children: [
      { path: '', name: 'home', component: WelcomePage },
      { path: 'areas', name: 'areas', component: () => import('./organization/AreasPage.vue'), meta: { permission: permissionOf('areas') } },
      { path: 'org-units', name: 'org-units', component: () => import('./organization/OrgUnitsPage.vue'), meta: { permission: permissionOf('org-units') } },
      { path: 'partner-units', name: 'partner-units', component: () => import('./organization/PartnerUnitsPage.vue'), meta: { permission: permissionOf('partner-units') } },
      { path: 'my-partner-units', name: 'my-partner-units', component: () => import('./organization/MyPartnerUnitsPage.vue'), meta: { permission: permissionOf('my-partner-units') } },
      { path: 'accounts', name: 'accounts', component: () => import('./access/AccountsPage.vue'), meta: { permission: permissionOf('accounts') } },
      { path: 'audit', name: 'audit', component: () => import('./access/AuditPage.vue'), meta: { permission: permissionOf('audit') } },
      { path: 'residents', name: 'residents', component: () => import('./resident/ResidentsPage.vue'), meta: { permission: permissionOf('residents') } },
      { path: 'resident-signups', name: 'resident-signups', component: () => import('./resident/SignupsPage.vue'), meta: { permission: permissionOf('resident-signups') } },
      { path: 'members', name: 'members', component: () => import('./member/MembersPage.vue'), meta: { permission: permissionOf('members') } },
      { path: 'working-calendar', name: 'working-calendar', component: () => import('./casework/WorkingCalendarPage.vue'), meta: { permission: permissionOf('working-calendar') } },
      { path: 'points', name: 'points', component: () => import('./points/PointsPage.vue'), meta: { permission: permissionOf('points') } },
      { path: 'registrations', name: 'registrations', component: () => import('./member/RegistrationsPage.vue'), meta: { permission: permissionOf('registrations') } },
      { path: 'public-boards', name: 'public-boards', component: () => import('./member/PublicBoardPage.vue'), meta: { permission: permissionOf('public-boards') } },
      { path: 'wishes', name: 'wishes', component: () => import('./wish/WishesPage.vue'), meta: { permission: permissionOf('wishes') } },
      { path: 'micro-projects', name: 'micro-projects', component: () => import('./wish/MicroProjectsPage.vue'), meta: { permission: permissionOf('micro-projects') } },
      { path: 'care', name: 'care', component: () => import('./care/CarePage.vue'), meta: { permission: permissionOf('care') } },
      { path: 'building-leaders', name: 'building-leaders', component: () => import('./member/BuildingLeadersPage.vue'), meta: { permission: permissionOf('building-leaders') } },
      { path: 'needs', name: 'needs', component: () => import('./matching/NeedsPage.vue'), meta: { permission: permissionOf('needs') } },
      { path: 'offers', name: 'offers', component: () => import('./matching/OffersPage.vue'), meta: { permission: permissionOf('offers') } },
      { path: 'my-offers', name: 'my-offers', component: () => import('./matching/OffersPage.vue'), meta: { permission: permissionOf('my-offers') } },
      { path: 'service-tasks', name: 'service-tasks', component: () => import('./matching/ServiceTasksPage.vue'), meta: { permission: permissionOf('service-tasks') } },
      { path: 'orders', name: 'orders', component: () => import('./matching/OrdersPage.vue'), meta: { permission: permissionOf('orders') } },
      { path: 'activities', name: 'activities', component: () => import('./volunteer/ActivitiesPage.vue'), meta: { permission: permissionOf('activities') } },
      { path: 'service-teams', name: 'service-teams', component: () => import('./volunteer/ServiceTeamsPage.vue'), meta: { permission: permissionOf('service-teams') } },
      { path: 'campaigns', name: 'campaigns', component: () => import('./volunteer/CampaignsPage.vue'), meta: { permission: permissionOf('campaigns') } },
      { path: 'cases', name: 'cases', component: () => import('./casework/CasesPage.vue'), meta: { permission: permissionOf('cases') } },
      { path: 'return-visits', name: 'return-visits', component: () => import('./casework/ReturnVisitsPage.vue'), meta: { permission: permissionOf('return-visits') } },
      { path: 'case-categories', name: 'case-categories', component: () => import('./casework/CaseCategoriesPage.vue'), meta: { permission: permissionOf('case-categories') } },
      { path: 'matching-statistics', name: 'matching-statistics', component: () => import('./matching/MatchingStatisticsPage.vue'), meta: { permission: permissionOf('matching-statistics') } },
      { path: 'case-statistics', name: 'case-statistics', component: () => import('./casework/CaseStatisticsPage.vue'), meta: { permission: permissionOf('case-statistics') } },
      { path: 'volunteer-reports', name: 'volunteer-reports', component: () => import('./volunteer/VolunteerReportsPage.vue'), meta: { permission: permissionOf('volunteer-reports') } },
    ],
  },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({ history: createWebHashHistory(), routes })

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const auth = useAuthStore()
  if (!auth.me) {
    try {
      await auth.load()
    } catch {
      // the server cannot be reached: the login page says so when the user tries
    }
    if (!auth.me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  // the start page: the first capability this user has
  if (to.name === 'home') {
    const first = visibleMenu(auth.permissions)[0]
    return first ? first.path : true
  }
  return hasPermission(auth.permissions, to.meta.permission) ? true : { name: 'home' }
})
