// Building leaders (党员楼长) and the building mailbox (楼长信箱): types and API calls, kept next to
// api.ts so that the modules added in parallel do not all edit one file.
import { API_BASE, request } from './api'
import type { Id, Page, PageQuery } from './types'

export interface Place {
  id: Id
  name: string
}

export type RecruitmentState = 'OPEN' | 'CLOSED'
export type NominationState = 'PENDING' | 'APPROVED' | 'DECLINED' | 'WITHDRAWN'
export type LeaderState = 'ACTIVE' | 'STEPPED_DOWN' | 'DISMISSED' | 'EXPIRED'
export type MailboxState = 'NEW' | 'ANSWERED' | 'CLOSED' | 'HANDED_OVER'

export interface RecruitmentView {
  id: Id
  communityId: Id
  compoundId: Id
  compoundName: string
  title: string
  body: string
  buildings: Place[]
  closesOn: string
  state: RecruitmentState
  createdBy: string
  createdAt: string
  pendingNominations: number
  version: number
}

export interface RecruitmentForm {
  compoundId: Id | null
  title: string
  body: string
  buildingIds: Id[]
  closesOn: string
}

export interface NominationView {
  id: Id
  recruitmentId: Id
  recruitmentTitle: string
  compoundName: string
  memberId: Id
  memberName: string
  kind: 'SELF' | 'RECOMMENDATION'
  buildings: Place[]
  statement: string | null
  recommenderName: string | null
  state: NominationState
  reason: string | null
  createdAt: string
  decidedAt: string | null
  decidedBy: string | null
  version: number
}

export interface NominationForm {
  kind: 'SELF' | 'RECOMMENDATION'
  buildingIds: Id[]
  statement?: string
  memberId?: Id | null
  name?: string
  phone?: string
}

export interface Candidate {
  memberId: Id
  name: string
  phone: string | null
  building: string | null
}

export interface LeaderView {
  id: Id
  memberId: Id
  memberName: string
  phone: string | null
  compoundId: Id
  compoundName: string
  buildings: Place[]
  termStart: string
  termEnd: string
  letterNumber: string
  state: LeaderState
  reason: string | null
  appointedBy: string
  appointedAt: string
  endedAt: string | null
  version: number
}

export interface MailboxMessageView {
  id: Id
  buildingId: Id
  buildingName: string
  compoundName: string
  writerName: string
  doorNumber: string | null
  phone: string | null
  anonymous: boolean
  text: string
  photoIds: Id[]
  state: MailboxState
  overdue: boolean
  answer: string | null
  answeredBy: string | null
  answeredAt: string | null
  handedOverTo: 'NEED' | 'CASE' | null
  handedOverBy: string | null
  closedAt: string | null
  createdAt: string
  mine: boolean
  canAnswer: boolean
  canHandle: boolean
  version: number
}

export interface MailboxWriteForm {
  text: string
  anonymous: boolean
  photos: { data: string }[]
}

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body })

export const recruitmentApi = {
  list: (query: { compoundId?: Id; open?: boolean } & PageQuery) =>
    request<Page<RecruitmentView>>('/building-leader-recruitments', { query }),
  get: (id: Id) => request<RecruitmentView>(`/building-leader-recruitments/${id}`),
  open: (form: RecruitmentForm) => post<RecruitmentView>('/building-leader-recruitments', form),
  close: (id: Id) => post<RecruitmentView>(`/building-leader-recruitments/${id}/close`),
  candidates: (id: Id) => request<Candidate[]>(`/building-leader-recruitments/${id}/candidates`),
  nominate: (id: Id, form: NominationForm) => post<NominationView>(`/building-leader-recruitments/${id}/nominations`, form),
}

export const nominationApi = {
  list: (query: { state?: NominationState | ''; recruitmentId?: Id } & PageQuery) =>
    request<Page<NominationView>>('/building-leader-nominations', { query }),
  mine: () => request<NominationView[]>('/building-leader-nominations/mine'),
  approve: (id: Id, buildingIds: Id[]) => post<LeaderView>(`/building-leader-nominations/${id}/approve`, { buildingIds }),
  decline: (id: Id, reason: string) => post<NominationView>(`/building-leader-nominations/${id}/decline`, { reason }),
  withdraw: (id: Id) => post<NominationView>(`/building-leader-nominations/${id}/withdraw`),
}

export const leaderApi = {
  list: (query: { compoundId?: Id; buildingId?: Id; memberId?: Id; state?: LeaderState | '' } & PageQuery) =>
    request<Page<LeaderView>>('/building-leaders', { query }),
  mine: () => request<LeaderView[]>('/building-leaders/mine'),
  letterUrl: (id: Id) => `${API_BASE}/building-leaders/${id}/letter`,
  stepDown: (id: Id, reason: string) => post<LeaderView>(`/building-leaders/${id}/step-down`, { reason }),
  dismiss: (id: Id, reason: string) => post<LeaderView>(`/building-leaders/${id}/dismiss`, { reason }),
}

export const mailboxApi = {
  list: (query: { state?: MailboxState | ''; buildingId?: Id; overdue?: boolean } & PageQuery) =>
    request<Page<MailboxMessageView>>('/mailbox-messages', { query }),
  get: (id: Id) => request<MailboxMessageView>(`/mailbox-messages/${id}`),
  photoUrl: (id: Id, photoId: Id) => `${API_BASE}/mailbox-messages/${id}/photos/${photoId}`,
  write: (form: MailboxWriteForm) => post<MailboxMessageView>('/mailbox-messages', form),
  answer: (id: Id, text: string) => post<MailboxMessageView>(`/mailbox-messages/${id}/answer`, { text }),
  resolve: (id: Id) => post<MailboxMessageView>(`/mailbox-messages/${id}/resolve`),
  close: (id: Id) => post<MailboxMessageView>(`/mailbox-messages/${id}/close`),
  handOver: (id: Id, target: 'NEED' | 'CASE') => post<MailboxMessageView>(`/mailbox-messages/${id}/hand-over`, { target }),
}
