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
