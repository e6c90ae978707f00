// Typed fetch client for the Lianxin HTTP API v1 (docs/api.md).
import type {
  AccountCreateForm,
  AccountUpdateForm,
  AccountView,
  AreaCreateForm,
  AreaDetail,
  AreaLevel,
  AreaMap,
  AreaQuery,
  AreaUpdateForm,
  AreaView,
  AuditEntryView,
  AuditQuery,
  AuditVerification,
  ContactForm,
  FieldError,
  GridRoleForm,
  GridRoleKind,
  GridRoleView,
  Id,
  LoginForm,
  Me,
  TotpSetup,
  MoveForm,
  OrgUnitCreateForm,
  OrgUnitLevel,
  OrgUnitUpdateForm,
  OrgUnitView,
  Page,
  PageQuery,
  PairingEndForm,
  PairingForm,
  PartnerUnitCreateForm,
  PartnerUnitKind,
  PartnerUnitQuery,
  PartnerUnitUpdateForm,
  PartnerUnitView,
  ProblemDetail,
  Role,
  RoleAssignmentForm,
} from './types'
import type {
  ApproveForm,
  GridOverview,
  MemberForm,
  MemberMe,
  MemberOptions,
  MemberQuery,
  MemberView,
  RegistrationForm,
  RegistrationState,
  RegistrationView,
  UnitRegistrationView,
} from './types'

export const API_BASE = '/api/v1'
const XSRF_COOKIE = 'XSRF-TOKEN'
const XSRF_HEADER = 'X-XSRF-TOKEN'
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** A failed call: the server's ProblemDetail, or a network failure (status 0). */
export class ApiError extends Error {
  readonly status: number
  readonly type: string
  readonly title: string
  readonly detail: string
  readonly errors: FieldError[]
  readonly body: ProblemDetail

  constructor(status: number, body: ProblemDetail = {}) {
    super(body.detail || body.title || `HTTP ${status}`)
    this.name = 'ApiError'
    this.status = status
    this.body = body
    this.type = body.type ?? 'about:blank'
    this.title = body.title ?? ''
    this.detail = body.detail ?? ''
    this.errors = Array.isArray(body.errors) ? body.errors : []
  }

  /** The stable suffix of `type`, e.g. `validation`, `account-locked`, `network`. */
  get kind(): string {
    if (this.status === 0) return 'network'
    const slash = this.type.lastIndexOf('/')
    return slash >= 0 ? this.type.slice(slash + 1) : this.type
  }

  /** Field name → message (the first message per field). */
  get fieldErrors(): Record<string, string> {
    const result: Record<string, string> = {}
    for (const e of this.errors) {
      if (e.field && !(e.field in result)) result[e.field] = e.message
    }
    return result
  }

  /** ISO instant when a locked account opens again (423 `account-locked`). */
  get lockedUntil(): string | undefined {
    return typeof this.body.lockedUntil === 'string' ? this.body.lockedUntil : undefined
  }
}

export interface ApiConfig {
  /** The chosen UI locale, sent as Accept-Language. */
  locale: () => string
  /** Called on 401 for every call except those made with `authRedirect: false`. */
  onUnauthorized: () => void
}

const config: ApiConfig = {
  locale: () => 'zh-CN',
  onUnauthorized: () => {
    window.location.hash = '#/login'
  },
}

export function configureApi(partial: Partial<ApiConfig>): void {
  Object.assign(config, partial)
}

export function readCookie(name: string): string | null {
  if (typeof document === 'undefined') return null
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    if (part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

type QueryValue = string | number | boolean | null | undefined
export type Query = Record<string, QueryValue>

export function queryString(query?: object): string {
  if (!query) return ''
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query as Query)) {
    if (value === undefined || value === null || value === '') continue
    params.append(key, String(value))
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  query?: object
  body?: unknown
  /** false: a 401 is just an error (login, probing the session). */
  authRedirect?: boolean
  /** Extra request headers, e.g. `Idempotency-Key` (see `./idempotency`). */
  headers?: Record<string, string>
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': config.locale(),
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (options.headers) Object.assign(headers, options.headers)
  if (WRITES.has(method)) {
    const token = readCookie(XSRF_COOKIE)
    if (token) headers[XSRF_HEADER] = token
  }

  let response: Response
  try {
    response = await fetch(API_BASE + path + queryString(options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch {
    throw new ApiError(0, {})
  }

  if (!response.ok) {
    const error = new ApiError(response.status, await readProblem(response))
    if (response.status === 401 && options.authRedirect !== false) config.onUnauthorized()
    throw error
  }
  if (response.status === 204) return undefined as T
  const text = await response.text()
  return (text ? JSON.parse(text) : undefined) as T
}

async function readProblem(response: Response): Promise<ProblemDetail> {
  try {
    const text = await response.text()
    if (!text) return { status: response.status }
    const parsed: unknown = JSON.parse(text)
    return parsed && typeof parsed === 'object' ? (parsed as ProblemDetail) : { status: response.status }
  } catch {
    return { status: response.status }
  }
}

/** Every page of a paged list (the server caps `size` at 100). */
export async function fetchAll<T>(load: (page: number) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = []
  for (let page = 0; ; page++) {
    const answer = await load(page)
    items.push(...answer.content)
    if (page + 1 >= answer.totalPages || answer.content.length === 0) return items
  }
}

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body })
const put = <T>(path: string, body: unknown) => request<T>(path, { method: 'PUT', body })
const del = (path: string) => request<void>(path, { method: 'DELETE' })

export const authApi = {
  login: (form: LoginForm) =>
    request<Me>('/auth/login', { method: 'POST', body: form, authRedirect: false }),
  logout: () => request<void>('/auth/logout', { method: 'POST', authRedirect: false }),
  me: () => request<Me>('/auth/me', { authRedirect: false }),
  /** the second step of a login when the account has a second factor */
  loginTotp: (code: string) =>
    request<Me>('/auth/login/totp', { method: 'POST', body: { code }, authRedirect: false }),
  totpSetup: () => post<TotpSetup>('/auth/totp/setup'),
  totpEnable: (code: string) => post<void>('/auth/totp/enable', { code }),
  totpDisable: (code: string) => post<void>('/auth/totp/disable', { code }),
}

export const areaApi = {
  levels: () => request<AreaLevel[]>('/areas/levels'),
  roots: () => request<AreaView[]>('/areas/roots'),
  list: (query: AreaQuery) => request<Page<AreaView>>('/areas', { query }),
  children: (parentId: Id) =>
    fetchAll((page) => areaApi.list({ parentId, page, size: 100 })),
  get: (id: Id) => request<AreaDetail>(`/areas/${id}`),
  map: (id: Id) => request<AreaMap>(`/areas/${id}/map`),
  create: (form: AreaCreateForm) => post<AreaView>('/areas', form),
  update: (id: Id, form: AreaUpdateForm) => put<AreaView>(`/areas/${id}`, form),
  move: (id: Id, form: MoveForm) => post<AreaView>(`/areas/${id}/move`, form),
  remove: (id: Id) => del(`/areas/${id}`),
}

export const orgUnitApi = {
  levels: () => request<OrgUnitLevel[]>('/org-units/levels'),
  roots: () => request<OrgUnitView[]>('/org-units/roots'),
  list: (query: { parentId: Id } & PageQuery) => request<Page<OrgUnitView>>('/org-units', { query }),
  children: (parentId: Id) =>
    fetchAll((page) => orgUnitApi.list({ parentId, page, size: 100 })),
  get: (id: Id) => request<OrgUnitView>(`/org-units/${id}`),
  create: (form: OrgUnitCreateForm) => post<OrgUnitView>('/org-units', form),
  update: (id: Id, form: OrgUnitUpdateForm) => put<OrgUnitView>(`/org-units/${id}`, form),
  move: (id: Id, form: MoveForm) => post<OrgUnitView>(`/org-units/${id}/move`, form),
  remove: (id: Id) => del(`/org-units/${id}`),
}

export const partnerUnitApi = {
  kinds: () => request<PartnerUnitKind[]>('/partner-units/kinds'),
  list: (query: PartnerUnitQuery) => request<Page<PartnerUnitView>>('/partner-units', { query }),
  mine: () => request<PartnerUnitView[]>('/partner-units/mine'),
  get: (id: Id) => request<PartnerUnitView>(`/partner-units/${id}`),
  create: (form: PartnerUnitCreateForm) => post<PartnerUnitView>('/partner-units', form),
  update: (id: Id, form: PartnerUnitUpdateForm) => put<PartnerUnitView>(`/partner-units/${id}`, form),
  addContact: (id: Id, form: ContactForm) => post<unknown>(`/partner-units/${id}/contacts`, form),
  removeContact: (id: Id, contactId: Id) => del(`/partner-units/${id}/contacts/${contactId}`),
  addPairing: (id: Id, form: PairingForm) => post<unknown>(`/partner-units/${id}/pairings`, form),
  endPairing: (id: Id, pairingId: Id, form: PairingEndForm = {}) =>
    post<unknown>(`/partner-units/${id}/pairings/${pairingId}/end`, form),
}

export const gridRoleApi = {
  kinds: () => request<GridRoleKind[]>('/grid-roles/kinds'),
  list: (gridId: Id) => request<GridRoleView[]>('/grid-roles', { query: { gridId } }),
  create: (form: GridRoleForm) => post<GridRoleView>('/grid-roles', form),
  remove: (id: Id) => del(`/grid-roles/${id}`),
}

export const roleApi = {
  list: () => request<Role[]>('/roles'),
}

export const accountApi = {
  list: (query: { q?: string } & PageQuery) => request<Page<AccountView>>('/accounts', { query }),
  get: (id: Id) => request<AccountView>(`/accounts/${id}`),
  create: (form: AccountCreateForm) => post<AccountView>('/accounts', form),
  update: (id: Id, form: AccountUpdateForm) => put<AccountView>(`/accounts/${id}`, form),
  assignRole: (id: Id, form: RoleAssignmentForm) =>
    post<AccountView>(`/accounts/${id}/role-assignments`, form),
  revokeRole: (id: Id, assignmentId: Id) => del(`/accounts/${id}/role-assignments/${assignmentId}`),
  unlock: (id: Id) => post<AccountView>(`/accounts/${id}/unlock`),
  resetPassword: (id: Id, password: string) => post<void>(`/accounts/${id}/password`, { password }),
  resetTotp: (id: Id) => post<AccountView>(`/accounts/${id}/totp/reset`),
}

export const auditApi = {
  list: (query: AuditQuery) => request<Page<AuditEntryView>>('/audit-entries', { query }),
  verify: () => post<AuditVerification>('/audit-entries/verify'),
}

// ---- resident: households, residents, signups, developer inbox ----
import type {
  CodeView,
  DevInboxMessage,
  HouseholdQuery,
  HouseholdView,
  Relation,
  ResidentForm,
  ResidentQuery,
  ResidentUpdateForm,
  ResidentView,
  RevealView,
  SignupForm,
  SignupStatus,
  SignupView,
} from './types'

export const householdApi = {
  list: (query: HouseholdQuery) => request<Page<HouseholdView>>('/households', { query }),
  mine: () => request<HouseholdView[]>('/households/mine'),
  get: (id: Id) => request<HouseholdView>(`/households/${id}`),
  create: (form: { buildingId: Id; doorNumber: string }) => post<HouseholdView>('/households', form),
  renumber: (id: Id, form: { doorNumber: string; version: number }) => put<HouseholdView>(`/households/${id}`, form),
  move: (id: Id, form: { buildingId: Id; doorNumber?: string; version: number }) =>
    post<HouseholdView>(`/households/${id}/move`, form),
}

export const residentApi = {
  list: (query: ResidentQuery) => request<Page<ResidentView>>('/residents', { query }),
  /** Exact lookup; the number travels in the body, never in the URL. */
  search: (form: { idNumber?: string; phone?: string }) => post<ResidentView[]>('/residents/search', form),
  get: (id: Id) => request<ResidentView>(`/residents/${id}`),
  create: (form: ResidentForm) => post<ResidentView>('/residents', form),
  update: (id: Id, form: ResidentUpdateForm) => put<ResidentView>(`/residents/${id}`, form),
  remove: (id: Id) => del(`/residents/${id}`),
  reveal: (id: Id, field: 'idNumber' | 'phone') => post<RevealView>(`/residents/${id}/reveal`, { field }),
}

export const signupApi = {
  sendCode: (phone: string) =>
    request<CodeView>('/resident-signups/codes', { method: 'POST', body: { phone }, authRedirect: false }),
  signUp: (form: SignupForm) =>
    request<SignupView>('/resident-signups', { method: 'POST', body: form, authRedirect: false }),
  list: (query: { status?: SignupStatus | '' } & PageQuery) => request<Page<SignupView>>('/resident-signups', { query }),
  mine: () => request<SignupView[]>('/resident-signups/mine'),
  confirm: (id: Id, form: { householdId?: Id | null; relation?: Relation | null }) =>
    post<SignupView>(`/resident-signups/${id}/confirm`, form),
  reject: (id: Id, reason: string) => post<SignupView>(`/resident-signups/${id}/reject`, { reason }),
}

export const devInboxApi = {
  latest: () => request<DevInboxMessage[]>('/dev-inbox'),
}

export const memberApi = {
  options: () => request<MemberOptions>('/members/options'),
  list: (query: MemberQuery) => request<Page<MemberView>>('/members', { query }),
  get: (id: Id) => request<MemberView>(`/members/${id}`),
  me: () => request<MemberMe>('/members/me'),
  create: (form: MemberForm) => post<MemberView>('/members', form),
  update: (id: Id, form: MemberForm) => put<MemberView>(`/members/${id}`, form),
  /** Exact lookup: the number goes in the body, never in the URL. */
  search: (form: { idNumber?: string; phone?: string }) => post<MemberView[]>('/members/search', form),
  reveal: (id: Id, field: 'idNumber' | 'phone') =>
    post<{ field: string; value: string }>(`/members/${id}/reveal`, { field }),
}

export const registrationApi = {
  list: (query: { state?: RegistrationState | ''; communityId?: Id; gridId?: Id; branchId?: Id } & PageQuery) =>
    request<Page<RegistrationView>>('/registrations', { query }),
  mine: () => request<RegistrationView[]>('/registrations/mine'),
  byGrid: (communityId: Id) => request<GridOverview[]>('/registrations/by-grid', { query: { communityId } }),
  apply: (form: RegistrationForm) => post<RegistrationView>('/registrations', form),
  approve: (id: Id, form: ApproveForm) => post<RegistrationView>(`/registrations/${id}/approve`, form),
  reject: (id: Id, reason: string) => post<RegistrationView>(`/registrations/${id}/reject`, { reason }),
  withdraw: (id: Id) => post<RegistrationView>(`/registrations/${id}/withdraw`),
  /** Mark the placed member as secretary / group leader / zone leader; null: he steps down. */
  lead: (id: Id, role: Leadership | null) => post<RegistrationView>(`/registrations/${id}/lead`, { role }),
}

export const unitRegistrationApi = {
  list: (query: { state?: RegistrationState | '' } & PageQuery) =>
    request<Page<UnitRegistrationView>>('/unit-registrations', { query }),
  approve: (id: Id) => post<UnitRegistrationView>(`/unit-registrations/${id}/approve`),
  reject: (id: Id, reason: string) => post<UnitRegistrationView>(`/unit-registrations/${id}/reject`, { reason }),
}

// ---- public board (公示), responsibility cards (党员责任卡), zones' households ----
import type { Leadership, PublicBoard, ZoneResult } from './types'

export const publicBoardApi = {
  get: (gridId: Id) => request<PublicBoard>(`/public-boards/${gridId}`),
  /** Links the browser opens (PDF, inline): the session cookie goes along. */
  pdfUrl: (gridId: Id) => `${API_BASE}/public-boards/${gridId}/pdf`,
  cardsUrl: (gridId: Id) => `${API_BASE}/public-boards/${gridId}/cards`,
  cardUrl: (memberId: Id) => `${API_BASE}/members/${memberId}/responsibility-card`,
  myCardUrl: () => `${API_BASE}/responsibility-cards/mine`,
  /** Households into a responsibility zone (划入责任区), or out of their zone with zoneId null. */
  placeInZone: (householdIds: Id[], zoneId: Id | null) =>
    post<ZoneResult>('/households/responsibility-zone', { householdIds, zoneId }),
}
