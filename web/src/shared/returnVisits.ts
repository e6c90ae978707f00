// Return visits (回访) of closed cases and the console's case category editor: types and API calls.
import { request } from './api'
import type { Id, Page, PageQuery } from './types'
import type { CaseCategory, CaseState } from './cases'

export type VisitWay = 'PHONE' | 'VISIT' | 'SMS'
export const VISIT_WAYS: readonly VisitWay[] = ['PHONE', 'VISIT', 'SMS']
export type Satisfaction = 'SATISFIED' | 'BASICALLY_SATISFIED' | 'DISSATISFIED'
export const SATISFACTIONS: readonly Satisfaction[] = ['SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED']
export type VisitFilter = 'DUE' | 'OVERDUE' | 'DONE'

export interface VisitAttempt {
  way: VisitWay
  reached: boolean
  satisfaction: Satisfaction | null
  remark: string | null
  by: string
  at: string
}

export interface ReturnVisitView {
  id: Id
  caseId: Id
  categoryLabel: string
  description: string
  gridName: string
  caseState: CaseState
  reporterName: string
  maskedPhone: string | null
  rating: number | null
  reason: 'DRAWN' | 'REOPENED' | 'LOW_RATING'
  closedAt: string
  dueAt: string | null
  overdue: boolean
  status: 'DUE' | 'DONE' | 'UNREACHABLE'
  attempts: number
  satisfaction: Satisfaction | null
  reopened: boolean
  doneAt: string | null
  doneBy: string | null
  mayGiveUp: boolean
  history: VisitAttempt[]
  version: number
}

export interface ReturnVisitSummary {
  sampled: number
  due: number
  overdue: number
  done: number
  unreachable: number
  satisfied: number
  basicallySatisfied: number
  dissatisfied: number
  reopened: number
  satisfactionRate: number | null
}

export interface AttemptBody {
  way: VisitWay
  reached: boolean
  satisfaction?: Satisfaction
  remark?: string
  reopen?: boolean
  reason?: string
  version?: number
}

export const returnVisitApi = {
  list: (query: PageQuery & { filter: VisitFilter }) => request<Page<ReturnVisitView>>('/return-visits', { query }),
  summary: () => request<ReturnVisitSummary>('/return-visits/summary'),
  record: (caseId: Id, body: AttemptBody) => request<ReturnVisitView>(`/cases/${caseId}/return-visit/attempts`, { method: 'POST', body }),
  giveUp: (caseId: Id, version: number) => request<ReturnVisitView>(`/cases/${caseId}/return-visit/give-up`, { method: 'POST', body: { version } }),
  revealPhone: (caseId: Id) => request<{ caseId: Id; phone: string }>(`/cases/${caseId}/return-visit/reveal-phone`, { method: 'POST', body: {} }),
}

/** A category as the editor sees it: both labels, enabled, order, how many cases use it. */
export interface EditableCategory extends CaseCategory {
  nameZh: string
  nameEn: string
  active: boolean
  sortOrder: number
  cases: number
  version: number
}

export interface CategoryBody {
  code?: string
  nameZh: string
  nameEn: string
  acceptLimit: string
  dispatchLimit: string
  gridLimit: string
  communityLimit: string
  subdistrictLimit: string
  verifyLimit: string
  active: boolean
  sortOrder: number | null
  version?: number
}

export const LIMIT_FIELDS = ['acceptLimit', 'dispatchLimit', 'gridLimit', 'communityLimit', 'subdistrictLimit', 'verifyLimit'] as const
export type LimitField = (typeof LIMIT_FIELDS)[number]

export const categoryApi = {
  all: () => request<EditableCategory[]>('/case-categories', { query: { includeDisabled: true } }),
  create: (body: CategoryBody) => request<EditableCategory>('/case-categories', { method: 'POST', body }),
  update: (code: string, body: CategoryBody) => request<EditableCategory>(`/case-categories/${encodeURIComponent(code)}`, { method: 'PUT', body }),
}

/** A time limit split for the editor: '4h' → { amount: 4, unit: 'h' }. */
export function splitLimit(limit: string): { amount: number; unit: 'h' | 'd' } {
  const m = /^(\d+)([dh])$/.exec(limit ?? '')
  return m ? { amount: Number(m[1]), unit: m[2] as 'h' | 'd' } : { amount: 1, unit: 'd' }
}
