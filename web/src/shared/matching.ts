// Service matching (三单): needs, offers with ranked proposals, dispatch and take order (发单/接单), and service
// tasks claimed by skill; types and API calls next to api.ts like wishes.ts.
import { API_BASE, request } from './api'
import type { Id, Page, PageQuery } from './types'
import type { CampaignTag } from './campaignTags'

export type NeedState = 'SUBMITTED' | 'DISPATCHED' | 'RETURNED' | 'TAKEN' | 'FULFILLED' | 'CLOSED' | 'CANCELLED'
export const NEED_STATES: readonly NeedState[] = ['SUBMITTED', 'DISPATCHED', 'RETURNED', 'TAKEN', 'FULFILLED', 'CLOSED', 'CANCELLED']
export type NeedAction = 'dispatch' | 'cancel' | 'take' | 'decline' | 'fulfil' | 'confirm'
export type Urgency = 'NORMAL' | 'URGENT' | 'CRITICAL'
export const URGENCIES: readonly Urgency[] = ['NORMAL', 'URGENT', 'CRITICAL']
export type IdentityVisibility = 'STAFF' | 'HELPER'

export interface Label {
  code: string
  label: string
}

export interface NeedStep {
  action: string
  by: string
  at: string
  note: string | null
}

export interface UnitChoice {
  id: Id
  name: string
  declined: boolean
}

/** One need as the caller may see it: the requester is null unless staff, himself, or (if allowed) the helper. */
export interface NeedView {
  id: Id
  title: string
  description: string
  category: string
  categoryLabel: string
  urgency: Urgency
  place: string | null
  requesterName: string | null
  doorNumber: string | null
  phone: string | null
  identityVisibility: IdentityVisibility | null
  source: 'RESIDENT' | 'LEADER' | 'STAFF' | 'MAILBOX' | 'VISIT'
  state: NeedState
  submittedAt: string
  submittedBy: string | null
  submittedOnBehalf: boolean | null
  pool: boolean | null
  units: UnitChoice[] | null
  dispatchedBy: string | null
  dispatchedAt: string | null
  takeDueAt: string | null
  takerName: string | null
  takenAt: string | null
  fulfilNote: string | null
  fulfilledAt: string | null
  hasPhoto: boolean
  confirmedBy: string | null
  confirmedOnBehalf: boolean | null
  confirmedAt: string | null
  rating: number | null
  comment: string | null
  steps: NeedStep[] | null
  mine: 'REQUESTER' | 'HELPER' | 'OFFERED' | null
  actions: NeedAction[]
  version: number
}

export interface ProposalPart {
  factor: 'category' | 'area' | 'capacity' | 'record'
  points: number
  reason: string
}

export interface Proposal {
  offerId: Id
  title: string
  ownerKind: 'UNIT' | 'MEMBER'
  unitId: Id | null
  ownerName: string
  category: string
  categoryLabel: string
  remaining: number
  capacityPerMonth: number
  score: number
  parts: ProposalPart[]
}

export interface NeedForm {
  title: string
  description: string
  category: string
  urgency: Urgency
  residentId?: Id | null
  areaId?: Id | null
  place?: string | null
  identityVisibility: IdentityVisibility
}

export interface NeedQuery extends PageQuery {
  state?: NeedState | ''
  category?: string
  urgency?: Urgency | ''
  q?: string
}

export interface OfferView {
  id: Id
  ownerKind: 'UNIT' | 'MEMBER'
  unitId: Id | null
  ownerName: string
  title: string
  description: string
  category: string
  categoryLabel: string
  capacityPerMonth: number
  areas: { id: Id; name: string }[]
  contactName: string
  contactPhone: string
  validFrom: string
  validUntil: string
  valid: boolean
  withdrawn: boolean
  mine: boolean
  editable: boolean
  version: number
}

export interface OfferForm {
  title: string
  description: string
  category: string
  capacityPerMonth: number | null
  areaIds: Id[]
  contactName: string
  contactPhone: string
  validFrom: string | null
  validUntil: string | null
  unitId?: Id | null
  version?: number
}

export interface TaskFit {
  skills: string[]
  time: boolean
  score: number
}

export interface ServiceTaskView {
  id: Id
  title: string
  description: string
  skills: Label[]
  place: string
  startsAt: string
  endsAt: string
  places: number
  taken: number
  areaName: string
  state: 'OPEN' | 'COMPLETED' | 'CANCELLED'
  createdBy: string
  fit: TaskFit | null
  myClaimId: Id | null
  myClaimState: 'CLAIMED' | 'CANCELLED' | 'COMPLETED' | null
  actions: ('claim' | 'cancel-claim' | 'complete' | 'cancel' | 'tag')[]
  version: number
  /** The campaign action the task is tagged to (主题行动), if any. */
  campaignAction: CampaignTag | null
}

export interface ServiceTaskForm {
  title: string
  description: string
  skills: string[]
  place: string
  startsAt: string | null
  endsAt: string | null
  places: number | null
  campaignActionId?: Id | null
}

export interface TaskClaimView {
  id: Id
  taskId: Id
  memberName: string
  state: 'CLAIMED' | 'CANCELLED' | 'COMPLETED'
  claimedAt: string
  completedAt: string | null
  minutes: number | null
}

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body })

export const needApi = {
  categories: () => request<Label[]>('/need-categories'),
  list: (query: NeedQuery) => request<Page<NeedView>>('/needs', { query }),
  counts: () => request<Record<NeedState, number>>('/needs/counts'),
  orders: (query: { open?: boolean } & PageQuery) => request<Page<NeedView>>('/needs/orders', { query }),
  mine: () => request<NeedView[]>('/needs/mine'),
  get: (id: Id) => request<NeedView>(`/needs/${id}`),
  photoUrl: (id: Id) => `${API_BASE}/needs/${id}/photo`,
  proposals: (id: Id) => request<Proposal[]>(`/needs/${id}/proposals`),
  poolUnits: (id: Id) => request<UnitChoice[]>(`/needs/${id}/units`),
  submit: (form: NeedForm) => post<NeedView>('/needs', form),
  dispatch: (id: Id, body: { unitIds?: Id[]; pool?: boolean; offerId?: Id | null }) => post<NeedView>(`/needs/${id}/dispatch`, body),
  take: (id: Id) => post<NeedView>(`/needs/${id}/take`),
  decline: (id: Id, reason: string) => post<NeedView>(`/needs/${id}/decline`, { reason }),
  cancel: (id: Id, reason: string) => post<NeedView>(`/needs/${id}/cancel`, { reason }),
  fulfil: (id: Id, note: string, photo: string | null) => post<NeedView>(`/needs/${id}/fulfil`, { note, photo }),
  confirm: (id: Id, rating: number, comment: string) => post<NeedView>(`/needs/${id}/confirm`, { rating, comment }),
}

export const offerApi = {
  list: (query: { category?: string; unitId?: Id; q?: string; validOnly?: boolean } & PageQuery) =>
    request<Page<OfferView>>('/offers', { query }),
  areas: () => request<{ id: Id; name: string }[]>('/offers/areas'),
  create: (form: OfferForm) => post<OfferView>('/offers', form),
  update: (id: Id, form: OfferForm) => request<OfferView>(`/offers/${id}`, { method: 'PUT', body: form }),
  withdraw: (id: Id) => post<OfferView>(`/offers/${id}/withdraw`),
}

export const serviceTaskApi = {
  skills: () => request<Label[]>('/service-tasks/skills'),
  list: (query: { state?: string } & PageQuery) => request<Page<ServiceTaskView>>('/service-tasks', { query }),
  mine: () => request<ServiceTaskView[]>('/service-tasks/mine'),
  get: (id: Id) => request<ServiceTaskView>(`/service-tasks/${id}`),
  claims: (id: Id) => request<TaskClaimView[]>(`/service-tasks/${id}/claims`),
  create: (form: ServiceTaskForm) => post<ServiceTaskView>('/service-tasks', form),
  claim: (id: Id) => post<ServiceTaskView>(`/service-tasks/${id}/claims`),
  cancelClaim: (id: Id, claimId: Id) => post<ServiceTaskView>(`/service-tasks/${id}/claims/${claimId}/cancel`),
  complete: (id: Id) => post<ServiceTaskView>(`/service-tasks/${id}/complete`),
  cancel: (id: Id) => post<ServiceTaskView>(`/service-tasks/${id}/cancel`),
}
