// Grid cases (网格事件): types and API calls, next to api.ts like wishes.ts.
import { API_BASE, request } from './api'
import type { AreaMap, Id, Page, PageQuery } from './types'

export type CaseState = 'REPORTED' | 'ACCEPTED' | 'REGISTERED' | 'DISPATCHED' | 'HANDLING' | 'HANDLED' | 'VERIFIED' | 'CLOSED' | 'RATED' | 'REJECTED' | 'DUPLICATE'
export const CASE_STATES: readonly CaseState[] = ['REPORTED', 'ACCEPTED', 'REGISTERED', 'DISPATCHED', 'HANDLING', 'HANDLED', 'VERIFIED', 'CLOSED', 'RATED', 'REJECTED', 'DUPLICATE']
export type CaseAction = 'accept' | 'register' | 'dispatch' | 'start' | 'handle' | 'verify' | 'close' | 'rate' | 'return' | 'reject' | 'reopen' | 'escalate' | 'urge' | 'supervise' | 'reply' | 'duplicate'
/** What each step needs from the user: nothing, a comment, a reason (+ where to go), a rating, a unit, an original case. */
export const ACTION_INPUT: Record<CaseAction, 'none' | 'comment' | 'reason' | 'reject' | 'rating' | 'escalate' | 'dispatch' | 'duplicate'> = {
  accept: 'none', register: 'none', dispatch: 'dispatch', start: 'none', handle: 'comment', verify: 'none', close: 'none',
  rate: 'rating', return: 'reason', reject: 'reject', reopen: 'reason', escalate: 'escalate', urge: 'none',
  supervise: 'comment', reply: 'comment', duplicate: 'duplicate',
}

export interface CaseCategory {
  code: string
  label: string
  acceptLimit: string
  dispatchLimit: string
  gridLimit: string
  communityLimit: string
  subdistrictLimit: string
  verifyLimit: string
}

export interface CaseStep {
  action: string
  fromState: CaseState | null
  toState: CaseState
  by: string | null
  at: string
  comment: string | null
  photoIds: Id[]
}

export interface CaseView {
  id: Id
  category: string
  categoryLabel: string
  description: string
  address: string | null
  channel: string
  longitude: number | null
  latitude: number | null
  gridName: string
  level: 'GRID' | 'COMMUNITY' | 'SUBDISTRICT' | 'UNIT'
  responsibleName: string
  state: CaseState
  stateSince: string
  deadline: string | null
  deadlineStatus: 'GREEN' | 'YELLOW' | 'RED' | null
  reporterName: string | null
  reportedAt: string
  closedAt: string | null
  rating: number | null
  ratingComment: string | null
  rejectReason: string | null
  rejectRedirect: string | null
  duplicateOf: Id | null
  urgeCount: number
  supervisionOpen: boolean
  photoIds: Id[]
  steps: CaseStep[] | null
  mine: boolean
  reopenUntil: string | null
  actions: CaseAction[]
  version: number
}

export interface CaseReport {
  category: string
  description: string
  address?: string
  longitude: number | null
  latitude: number | null
  coordSystem: 'WGS84' | 'GCJ02'
  photos?: string[]
  channel?: string
  reporterName?: string
}

export interface StepBody {
  comment?: string
  reason?: string
  redirect?: string
  rating?: number
  username?: string
  unit?: string
  originalId?: number
  photos?: string[]
}

export interface NearbyCase {
  id: Id
  categoryLabel: string
  description: string | null
  state: CaseState
  reportedAt: string
  distanceMetres: number
}

export interface CaseQuery extends PageQuery {
  state?: CaseState | ''
  category?: string
  level?: string
  gridId?: Id | null
  overdue?: boolean
}

export interface PatrolView {
  id: Id
  gridName: string
  workerName: string
  startedAt: string
  endedAt: string | null
  note: string | null
  active: boolean
  points: { longitude: number; latitude: number; at: string }[]
  casesFound: number
}

export interface ClearanceItem {
  id: Id
  categoryLabel: string
  description: string
  state: CaseState
  reportedAt: string
  closedAt: string | null
  deadline: string | null
  deadlineStatus: CaseView['deadlineStatus']
  responsibleName: string
  lastNote: string | null
}

export interface Clearance {
  gridName: string
  weekStart: string
  weekEnd: string
  reported: number
  closed: number
  open: number
  overdue: number
  items: ClearanceItem[]
}

export const patrolApi = {
  mine: () => request<PatrolView | undefined>('/patrols/mine'),
  list: (query: PageQuery) => request<Page<PatrolView>>('/patrols', { query }),
  start: () => request<PatrolView>('/patrols', { method: 'POST', body: {} }),
  point: (id: Id, longitude: number, latitude: number, coordSystem = 'WGS84') => request<PatrolView>(`/patrols/${id}/points`, { method: 'POST', body: { longitude, latitude, coordSystem } }),
  end: (id: Id, note?: string) => request<PatrolView>(`/patrols/${id}/end`, { method: 'POST', body: { note } }),
}

export const caseApi = {
  clearance: (gridId: Id, week?: string) => request<Clearance>('/cases/weekly-clearance', { query: { gridId, week } }),
  categories: () => request<CaseCategory[]>('/case-categories'),
  list: (query: CaseQuery) => request<Page<CaseView>>('/cases', { query: { ...query, overdue: query.overdue ? true : undefined } }),
  mine: () => request<Page<CaseView>>('/cases/mine', { query: { size: 100 } }),
  get: (id: Id) => request<CaseView>(`/cases/${id}`),
  /** 在地图上选点: the boundaries of the caller's reporting area and its grids and micro-grids (every reporter). */
  reportMap: () => request<AreaMap>('/cases/report-map'),
  nearby: (q: { longitude: number; latitude: number; coordSystem: string; category: string }) => request<NearbyCase[]>('/cases/nearby', { query: q }),
  photoUrl: (id: Id, photoId: Id) => `${API_BASE}/cases/${id}/photos/${photoId}`,
  /** With an `Idempotency-Key`, a repeated POST (a retry after a lost answer) returns the first case, never a second. */
  report: (form: CaseReport, idempotencyKey?: string) =>
    request<CaseView>('/cases', { method: 'POST', body: form, headers: idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined }),
  step: (id: Id, action: CaseAction, body: StepBody = {}) => request<CaseView>(`/cases/${id}/${action}`, { method: 'POST', body }),
}

/** The tag colour of a case's deadline: yellow before, red after. */
export function deadlineTag(status: CaseView['deadlineStatus']): 'success' | 'warning' | 'danger' | 'info' {
  return status === 'RED' ? 'danger' : status === 'YELLOW' ? 'warning' : status === 'GREEN' ? 'success' : 'info'
}

/** One line of the case statistics: a child area (or the total, areaId null); rates 0–1 or null. */
export interface CaseStatisticsRow {
  areaId: Id | null
  areaName: string
  cases: number
  open: number
  overdue: number
  closed: number
  onTime: number
  onTimeRate: number | null
  medianHandlingHours: number | null
  escalated: number
  escalationRate: number | null
  contactHouseholds: number
  visitedInTime: number
  visitCoverage: number | null
}

export interface CaseStatistics {
  areaId: Id
  areaName: string
  areaLevel: string
  from: string
  to: string
  rows: CaseStatisticsRow[]
  total: CaseStatisticsRow
  categories: { code: string; label: string; count: number }[]
  states: { code: CaseState; count: number }[]
}

export interface CaseStatisticsQuery {
  areaId?: Id
  from?: string
  to?: string
}

export const caseStatisticsApi = {
  get: (query: CaseStatisticsQuery) => request<CaseStatistics>('/case-statistics', { query: { ...query } }),
  exportUrl: (query: CaseStatisticsQuery) => {
    const q = new URLSearchParams()
    Object.entries(query).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== '') q.set(k, String(v)) })
    const s = q.toString()
    return `${API_BASE}/case-statistics.xlsx${s ? '?' + s : ''}`
  },
}

/**
 * A case's steps as the phone's 办理进度 shows them: newest on top (the current step first, like Vant's vertical
 * steps), steps at the same instant in the reverse of the order they were recorded. The given list is left as it is.
 */
export function caseTimeline(steps: CaseStep[] | null | undefined): CaseStep[] {
  return (steps ?? [])
    .map((step, index) => ({ step, index, at: Date.parse(step.at) }))
    .sort((a, b) => (b.at - a.at) || (b.index - a.index))
    .map((s) => s.step)
}
