// Types mirroring docs/api.md (Lianxin HTTP API v1). Names follow shared/GLOSSARY.md.

export type Id = number

/** A paged answer: `?page=0&size=20` (size ≤ 100). */
export interface Page<T> {
  content: T[]
  page: number
  size: number
  totalElements: number
  totalPages: number
}

export interface PageQuery {
  page?: number
  size?: number
}

/** One entry of a ProblemDetail's `errors`. */
export interface FieldError {
  field: string
  message: string
}

/** RFC 9457 ProblemDetail as the server sends it. */
export interface ProblemDetail {
  type?: string
  title?: string
  status?: number
  detail?: string
  instance?: string
  errors?: FieldError[]
  /** present on 423 `account-locked` */
  lockedUntil?: string
  [extra: string]: unknown
}

// ---- access ----------------------------------------------------------------

export interface RoleGrant {
  id: Id
  role: string
  roleLabel: string
  areaId: Id
  areaName: string
  areaLevel: string
}

export interface Me {
  id: Id
  username: string
  displayName: string
  roles: RoleGrant[]
  permissions: string[]
  /** the second factor (TOTP) is on for this account */
  totpEnabled?: boolean
  /** an administrator without a second factor: the console suggests turning it on */
  totpRecommended?: boolean
}

export interface TotpSetup {
  secret: string
  otpauthUri: string
}

export interface LoginForm {
  username: string
  password: string
}

export interface Role {
  code: string
  label: string
  permissions: string[]
}

export interface AccountView {
  id: Id
  username: string
  displayName: string
  enabled: boolean
  locked: boolean
  lockedUntil: string | null
  lastLoginAt: string | null
  totpEnabled?: boolean
  roles: RoleGrant[]
  version: number
}

export interface AccountCreateForm {
  username: string
  displayName: string
  password: string
}

export interface AccountUpdateForm {
  displayName: string
  enabled: boolean
  version: number
}

export interface RoleAssignmentForm {
  role: string
  areaId: Id
}

export interface AuditEntryView {
  seq: number
  occurredAt: string
  actor: string
  action: string
  objectType: string | null
  objectId: string | null
  result: string
  sourceAddress: string | null
  detail: string | null
  hash: string
}

export interface AuditQuery extends PageQuery {
  action?: string
  actor?: string
  result?: string
}

export interface AuditVerification {
  intact: boolean
  checked: number
  firstBrokenSeq: number | null
  message: string
}

// ---- GeoJSON ---------------------------------------------------------------

export type Position = number[]

export interface Polygon {
  type: 'Polygon'
  coordinates: Position[][]
}

export interface MultiPolygon {
  type: 'MultiPolygon'
  coordinates: Position[][][]
}

/** An area boundary: a Polygon or a MultiPolygon. */
export type Boundary = Polygon | MultiPolygon

export interface AreaMapProperties {
  id: Id
  name: string
  level: string
  levelLabel?: string
  role: 'self' | 'child'
}

export interface AreaMapFeature {
  type: 'Feature'
  geometry: Boundary
  properties: AreaMapProperties
}

export interface AreaMap {
  type: 'FeatureCollection'
  features: AreaMapFeature[]
}

// ---- organization: areas ---------------------------------------------------

export interface AreaLevel {
  code: string
  label: string
  parents: string[]
}

export interface AreaView {
  id: Id
  parentId: Id | null
  level: string
  levelLabel: string
  name: string
  code: string | null
  path: string
  childCount: number
  boundary: Boundary | null
  version: number
}

export interface AreaAncestor {
  id: Id
  name: string
  level: string
}

export interface AreaDetail extends AreaView {
  ancestors: AreaAncestor[]
}

export interface AreaQuery extends PageQuery {
  parentId?: Id
  level?: string
  q?: string
}

export interface AreaCreateForm {
  parentId: Id | null
  level: string
  name: string
  code?: string | null
  boundary?: Boundary | null
}

export interface AreaUpdateForm {
  name: string
  code?: string | null
  boundary?: Boundary | null
  version: number
}

export interface MoveForm {
  parentId: Id
  version: number
}

// ---- organization: Party organisation --------------------------------------

export interface OrgUnitLevel {
  code: string
  label: string
  parents: string[]
  areaLevels: string[]
}

export interface OrgUnitView {
  id: Id
  parentId: Id | null
  level: string
  levelLabel: string
  name: string
  areaId: Id
  areaName: string
  childCount: number
  version: number
}

export interface OrgUnitCreateForm {
  parentId: Id | null
  level: string
  name: string
  areaId: Id
}

export interface OrgUnitUpdateForm {
  name: string
  areaId: Id
  version: number
}

// ---- organization: partner units -------------------------------------------

export interface PartnerUnitKind {
  code: string
  label: string
}

export interface PartnerContact {
  id: Id
  name: string
  position: string | null
  /** masked, e.g. 138****5678 */
  phone: string
  username: string | null
}

export interface Pairing {
  id: Id
  communityId: Id
  communityName: string
  since: string
  until: string | null
  note: string | null
  active: boolean
}

export interface PartnerUnitView {
  id: Id
  name: string
  kind: string
  kindLabel: string
  address: string | null
  description: string | null
  areaId: Id
  areaName: string
  contacts: PartnerContact[]
  pairings: Pairing[]
  version: number
}

export interface PartnerUnitQuery extends PageQuery {
  q?: string
  kind?: string
}

export interface PartnerUnitCreateForm {
  name: string
  kind: string
  address?: string | null
  description?: string | null
  areaId: Id
}

export interface PartnerUnitUpdateForm {
  name: string
  kind: string
  address?: string | null
  description?: string | null
  version: number
}

export interface ContactForm {
  name: string
  phone: string
  position?: string | null
  username?: string | null
}

export interface PairingForm {
  communityId: Id
  since: string
  note?: string | null
}

export interface PairingEndForm {
  until?: string
}

// ---- organization: grid roles (六员联动) -----------------------------------

export interface GridRoleKind {
  code: string
  label: string
}

export interface GridRoleView {
  id: Id
  gridId: Id
  role: string
  roleLabel: string
  personName: string
  /** masked */
  phone: string | null
  note: string | null
}

export interface GridRoleForm {
  gridId: Id
  role: string
  personName: string
  phone?: string | null
  note?: string | null
}

// ---- resident: households, residents, signups (docs/api.md "Residents and households") ----
export type Relation = 'HOUSEHOLDER' | 'SPOUSE' | 'CHILD' | 'PARENT' | 'GRANDCHILD' | 'OTHER_RELATIVE' | 'TENANT' | 'OTHER'
export type ResidentTag = 'LIVING_ALONE' | 'ELDERLY' | 'DISABLED' | 'RENTAL' | 'MINOR' | 'KEY_CARE'
export const RELATIONS: Relation[] = ['HOUSEHOLDER', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'OTHER_RELATIVE', 'TENANT', 'OTHER']
export const RESIDENT_TAGS: ResidentTag[] = ['LIVING_ALONE', 'ELDERLY', 'DISABLED', 'RENTAL', 'MINOR', 'KEY_CARE']

export interface ResidentView {
  id: Id
  householdId: Id
  doorNumber: string
  buildingId: Id
  buildingName: string | null
  compoundName: string | null
  name: string
  /** masked: 4406**********1234 */
  idNumber: string
  /** masked: 138****5678, or null */
  phone: string | null
  gender: 'M' | 'F'
  birthDate: string
  age: number
  relation: Relation
  tags: ResidentTag[]
  hasAccount: boolean
  version: number
}

export interface HouseholdView {
  id: Id
  buildingId: Id
  buildingName: string | null
  compoundName: string | null
  doorNumber: string
  residentCount: number
  residents: ResidentView[]
  zoneId: Id | null
  zoneName: string | null
  version: number
}

export interface HouseholdQuery extends PageQuery {
  buildingId?: Id | null
  areaId?: Id | null
  zoneId?: Id | null
  q?: string
}

export interface ResidentQuery extends PageQuery {
  buildingId?: Id | null
  householdId?: Id | null
  areaId?: Id | null
  tag?: ResidentTag | ''
  q?: string
}

export interface ResidentForm {
  householdId: Id
  name: string
  idNumber: string
  phone: string | null
  relation: Relation
  tags: ResidentTag[]
}

export interface ResidentUpdateForm {
  name: string
  /** omitted or blank: unchanged */
  idNumber?: string | null
  phone?: string | null
  relation: Relation
  tags: ResidentTag[]
  version: number
}

export interface RevealView {
  id: Id
  field: 'idNumber' | 'phone'
  value: string | null
}

export type SignupStatus = 'PENDING' | 'CONFIRMED' | 'REJECTED'

export interface SignupView {
  id: Id
  name: string
  phone: string
  idNumber: string
  buildingId: Id
  buildingName: string | null
  compoundName: string | null
  doorNumber: string
  username: string
  status: SignupStatus
  reason: string | null
  householdId: Id | null
  createdAt: string
  decidedAt: string | null
  version: number
}

export interface SignupForm {
  phone: string
  code: string
  name: string
  idNumber: string
  password: string
  buildingId: Id
  doorNumber: string
}

export interface CodeView {
  sentTo: string
  validSeconds: number
  resendAfterSeconds: number
}

export interface DevInboxMessage {
  id: Id
  phone: string
  text: string
  sentAt: string
}

// ---- member (党员, 五清, 报到) ----------------------------------------------------

export interface Label {
  code: string
  label: string
}

export interface MemberOptions {
  skills: Label[]
  employments: Label[]
  careCategories: Label[]
  availabilities: Label[]
}

export interface MemberFacts {
  address: string | null
  contact: string | null
  /** null when hidden (no member:sensitive:read) */
  health: string | null
  thinking: string | null
  wishes: string | null
}

export interface MemberView {
  id: Id
  name: string
  gender: 'M' | 'F'
  /** masked, e.g. 4406**********123X */
  idNumber: string
  /** masked, e.g. 137****1001 */
  phone: string | null
  communityId: Id
  communityName: string
  buildingId: Id | null
  buildingName: string | null
  address: string | null
  ownOrganization: string | null
  employment: string
  employmentLabel: string
  joinedOn: string | null
  skills: Label[]
  facts: MemberFacts
  careCategory: string | null
  careCategoryLabel: string | null
  consentAt: string | null
  consentRecordedBy: string | null
  sensitiveHidden: boolean
  username: string | null
  /** the same person in the resident ledger, when the caller may read residents there */
  resident: { residentId: Id; householdId: Id; doorNumber: string; buildingName: string | null } | null
  version: number
}

export interface MemberForm {
  name: string
  idNumber: string
  phone?: string | null
  communityId: Id | null
  buildingId?: Id | null
  address?: string | null
  ownOrganization?: string | null
  employment: string
  joinedOn?: string | null
  skills: string[]
  factAddress?: string | null
  factContact?: string | null
  factHealth?: string | null
  factThinking?: string | null
  factWishes?: string | null
  careCategory?: string | null
  consent?: boolean
  username?: string | null
  version?: number
}

export interface MemberQuery extends PageQuery {
  q?: string
  employment?: string
  skill?: string
  careCategory?: string
  areaId?: Id
}

export interface Placement {
  branchId: Id | null
  branchName: string | null
  groupId: Id | null
  groupName: string | null
  zoneId: Id | null
  zoneName: string | null
}

export type RegistrationState = 'PENDING' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN'

export interface RegistrationView {
  id: Id
  memberId: Id
  memberName: string
  communityId: Id
  communityName: string
  gridId: Id
  gridName: string
  skills: Label[]
  availability: Label[]
  note: string | null
  state: RegistrationState
  stateLabel: string
  appliedAt: string
  decidedAt: string | null
  decidedBy: string | null
  reason: string | null
  placement: Placement | null
  leads: Leadership | null
  leadsLabel: string | null
  version: number
}

export interface RegistrationForm {
  communityId: Id
  gridId: Id | null
  skills: string[]
  availability: string[]
  note?: string
}

export interface ApproveForm {
  branchId: Id | null
  groupId?: Id | null
  zoneId?: Id | null
}

export interface GridOverview {
  gridId: Id
  gridName: string
  registered: number
  pending: number
  latest: string | null
  activitiesSince: number
}

export interface UnitRegistrationView {
  id: Id
  partnerUnitId: Id
  unitName: string
  partyOrganization: string
  communityId: Id
  communityName: string
  offer: string | null
  state: RegistrationState
  stateLabel: string
  appliedAt: string
  appliedBy: string
  decidedAt: string | null
  decidedBy: string | null
  reason: string | null
  version: number
}

export interface MemberMe {
  member: MemberView | null
  registrations: RegistrationView[]
  grids: { id: Id; name: string }[]
  suggestedGridId: Id | null
}

// ---- public board (公示), responsibility cards (党员责任卡), zones' households, leaders ----

export type Leadership = 'BRANCH_SECRETARY' | 'GROUP_LEADER' | 'ZONE_LEADER'
export const LEADERSHIPS: Leadership[] = ['BRANCH_SECRETARY', 'GROUP_LEADER', 'ZONE_LEADER']

/** A member as the board prints him: the phone is always masked. */
export interface BoardPerson {
  memberId: Id
  registrationId: Id
  name: string
  phone: string | null
  leads: Leadership | null
  leadsLabel: string | null
}

export interface BoardHousehold {
  id: Id
  compoundName: string | null
  buildingName: string | null
  doorNumber: string
  residentCount: number
  tags: string
}

export interface BoardZone {
  id: Id
  name: string
  leader: BoardPerson | null
  members: BoardPerson[]
  householdCount: number
  households: BoardHousehold[]
}

export interface BoardGroup {
  id: Id
  name: string
  leader: BoardPerson | null
  /** placed in the group but in no zone */
  members: BoardPerson[]
  zones: BoardZone[]
}

export interface BoardBranch {
  id: Id
  name: string
  secretary: BoardPerson | null
  /** placed in the branch but in no group */
  members: BoardPerson[]
  groups: BoardGroup[]
}

export interface PublicBoard {
  gridId: Id
  gridName: string
  communityId: Id
  communityName: string
  title: string
  date: string
  branches: BoardBranch[]
  contacts: { role: string; name: string; phone: string | null }[]
  memberCount: number
  householdCount: number
}

export interface ZoneResult {
  zoneId: Id | null
  zoneName: string | null
  households: HouseholdView[]
}

/** A spreadsheet import's progress (GET /import-jobs/{id}). */
export interface ImportJob {
  id: Id
  kind: 'MEMBERS' | 'RESIDENTS'
  username: string
  fileName: string
  state: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED'
  total: number
  processed: number
  imported: number
  skipped: number
  rejected: number
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
}

/** One rejected line of an import: its number in the file, the column and why. */
export interface ImportIssue {
  row: number
  column: string | null
  message: string
}
