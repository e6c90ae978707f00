// 1+n contact (联系户) and visits (走访): types and API calls, kept next to api.ts so that the modules
// added in parallel do not all edit one file.
import { API_BASE, request } from './api'
import type { Id, Page } from './types'

export type DueStatus = 'OVERDUE' | 'DUE' | 'OK' | 'ENDED'
export type VisitKind = 'HOUSEHOLD' | 'CARE'
export const CARE_ITEMS = ['LOOK', 'TALK_LIFE', 'TALK_POLICY', 'DELIVER_WARMTH', 'DELIVER_SERVICE', 'DELIVER_ORGANISATION_CARE'] as const
export type CareItem = (typeof CARE_ITEMS)[number]

export interface ContactAssignmentView {
  id: Id
  memberId: Id
  memberName: string
  householdId: Id
  /** compound and door, e.g. 时代城小区 1座0301 */
  household: string
  householder: string | null
  residentCount: number
  tags: string[]
  weekly: boolean
  everyDays: number
  startedAt: string
  startedBy: string
  endedAt: string | null
  endedBy: string | null
  lastVisitAt: string | null
  dueAt: string
  status: DueStatus
  canEnd: boolean
}

export interface AssignResult {
  assignments: ContactAssignmentView[]
  households: number
  warning: string | null
}

export interface MemberContactSummary {
  memberId: Id
  memberName: string
  households: number
  overdue: number
  due: number
  overAdvised: boolean
  warning: string | null
}

export interface VisitView {
  id: Id
  kind: VisitKind
  householdId: Id | null
  household: string | null
  householder: string | null
  caredMemberId: Id | null
  caredMemberName: string | null
  visitorName: string
  visitedAt: string
  seen: string
  residentPresent: boolean
  checklist: { code: CareItem; label: string }[]
  raisedNeed: string | null
  raisedCase: string | null
  hasPhoto: boolean
  createdAt: string
}

export interface VisitForm {
  kind: VisitKind
  householdId?: Id
  caredMemberId?: Id
  visitedAt?: string
  seen: string
  residentPresent: boolean
  checklist?: CareItem[]
  raiseNeed?: string
  raiseCase?: string
  /** base64 or a data URL of a JPEG, PNG or WebP */
  photo?: string
}

export interface CareMember {
  memberId: Id
  name: string
  lastCareVisitAt: string | null
}

export interface AssignmentQuery {
  memberId?: Id
  status?: DueStatus | ''
  includeEnded?: boolean
  page?: number
  size?: number
}

export interface VisitQuery {
  householdId?: Id
  kind?: VisitKind | ''
  visitor?: string
  raised?: boolean
  page?: number
  size?: number
}

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body })

export const contactApi = {
  list: (query: AssignmentQuery) =>
    request<Page<ContactAssignmentView>>('/contact-assignments', { query }),
  byMember: () => request<MemberContactSummary[]>('/contact-assignments/by-member'),
  mine: () => request<ContactAssignmentView[]>('/contact-assignments/mine'),
  assign: (memberId: Id, householdIds: Id[]) => post<AssignResult>('/contact-assignments', { memberId, householdIds }),
  end: (id: Id) => post<ContactAssignmentView>(`/contact-assignments/${id}/end`),
}

export const visitApi = {
  list: (query: VisitQuery) => request<Page<VisitView>>('/visits', { query }),
  log: (form: VisitForm) => post<VisitView>('/visits', form),
  careMembers: () => request<CareMember[]>('/visits/care-members'),
  photoUrl: (id: Id) => `${API_BASE}/visits/${id}/photo`,
}
