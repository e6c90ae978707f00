// Micro-wishes (微心愿): types and API calls, kept next to api.ts like leaders.ts so that modules
// added in parallel do not all edit one file.
import { API_BASE, request } from './api'
import type { Id, Page, PageQuery } from './types'
import type { CampaignTag } from './campaignTags'

export type WishState = 'SUBMITTED' | 'PUBLISHED' | 'DECLINED' | 'CLAIMED' | 'FULFILLED' | 'CONFIRMED'
export const WISH_STATES: readonly WishState[] = ['SUBMITTED', 'PUBLISHED', 'DECLINED', 'CLAIMED', 'FULFILLED', 'CONFIRMED']
export type WishAction = 'publish' | 'decline' | 'claim' | 'release' | 'fulfil' | 'confirm' | 'tag'

export interface WishCategory {
  code: string
  label: string
}

export interface WishStep {
  action: string
  by: string
  at: string
  note: string | null
}

/** One wish; on the wall residentName/doorNumber/phone are null and only the compound is shown. */
export interface WishView {
  id: Id
  title: string
  story: string
  category: string
  categoryLabel: string
  estimatedValue: number
  compoundName: string | null
  residentName: string | null
  doorNumber: string | null
  phone: string | null
  state: WishState
  hasPhoto: boolean
  hasFulfilmentPhoto: boolean
  submittedAt: string
  submittedBy: string | null
  submittedOnBehalf: boolean | null
  reviewedBy: string | null
  reviewedAt: string | null
  declineReason: string | null
  claimantKind: 'MEMBER' | 'UNIT' | null
  claimantName: string | null
  claimedAt: string | null
  claimDueAt: string | null
  fulfilNote: string | null
  fulfilledAt: string | null
  confirmedBy: string | null
  confirmedOnBehalf: boolean | null
  confirmedAt: string | null
  thankYou: string | null
  steps: WishStep[] | null
  mine: 'RESIDENT' | 'CLAIMANT' | null
  actions: WishAction[]
  version: number
  /** The campaign action the wish is tagged to (主题行动), if any. */
  campaignAction: CampaignTag | null
}

export interface WishForm {
  title: string
  story: string
  category: string
  estimatedValue: number | null
  photo?: string | null
  residentId?: Id | null
}

export interface WishQuery extends PageQuery {
  state?: WishState | ''
  category?: string
  q?: string
}

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body })

export const wishApi = {
  categories: () => request<WishCategory[]>('/wishes/categories'),
  list: (query: WishQuery) => request<Page<WishView>>('/wishes', { query }),
  counts: () => request<Record<WishState, number>>('/wishes/counts'),
  wall: (query: { category?: string } & PageQuery) => request<Page<WishView>>('/wishes/wall', { query }),
  mine: () => request<WishView[]>('/wishes/mine'),
  get: (id: Id) => request<WishView>(`/wishes/${id}`),
  photoUrl: (id: Id) => `${API_BASE}/wishes/${id}/photo`,
  fulfilmentPhotoUrl: (id: Id) => `${API_BASE}/wishes/${id}/fulfilment-photo`,
  submit: (form: WishForm) => post<WishView>('/wishes', form),
  publish: (id: Id) => post<WishView>(`/wishes/${id}/publish`),
  decline: (id: Id, reason: string) => post<WishView>(`/wishes/${id}/decline`, { reason }),
  claim: (id: Id) => post<WishView>(`/wishes/${id}/claim`),
  release: (id: Id) => post<WishView>(`/wishes/${id}/release`),
  fulfil: (id: Id, note: string, photo: string) => post<WishView>(`/wishes/${id}/fulfil`, { note, photo }),
  confirm: (id: Id, thankYou: string) => post<WishView>(`/wishes/${id}/confirm`, { thankYou }),
}
