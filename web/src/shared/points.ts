// Points (积分): types and API calls, kept next to api.ts like wishes.ts so that modules added in
// parallel do not all edit one file.
import { API_BASE, request } from './api'
import type { Id, Page, PageQuery } from './types'

export type PointsKind =
  | 'ACTIVITY'
  | 'ATTENDANCE_REVERSAL'
  | 'ATTENDANCE_CORRECTED'
  | 'WISH'
  | 'NEED'
  | 'SERVICE_TASK'
  | 'MAILBOX_ANSWER'
  | 'REVERSAL'
export const POINTS_KINDS: readonly PointsKind[] = ['ACTIVITY', 'ATTENDANCE_REVERSAL', 'ATTENDANCE_CORRECTED', 'WISH', 'NEED', 'SERVICE_TASK', 'MAILBOX_ANSWER', 'REVERSAL']

export interface PointsEntryView {
  id: Id
  memberId: Id
  memberName: string
  amount: number
  kind: PointsKind
  /** in Chinese, as the member reads it */
  reason: string
  minutes: number
  at: string
  recordedBy: string
  reversesEntryId: Id | null
  reversedByEntryId: Id | null
  canReverse: boolean
}

export interface PointsMine {
  memberId: Id | null
  name: string
  communityName: string | null
  balance: number
  minutes: number
  entries: Page<PointsEntryView>
}

export interface RankRow {
  rank: number
  memberId: Id
  name: string
  communityName: string | null
  points: number
  minutes: number
}

export interface PointsRates {
  perActivityHour: number
  perWish: number
  perNeed: number
  perServiceTask: number
  perMailboxAnswer: number
}

export interface PointsRuleView extends PointsRates {
  subdistrictId: Id
  subdistrictName: string
  own: boolean
  updatedBy: string | null
  updatedAt: string | null
  version: number | null
  editable: boolean
}

export interface PointsRulesView {
  defaults: PointsRates
  subdistricts: PointsRuleView[]
}

export interface PointsEntryQuery extends PageQuery {
  areaId?: Id
  memberId?: Id
  kind?: PointsKind | ''
}

/** Hours from minutes, one decimal (2.5). */
export const hours = (minutes: number): string => (Math.round(minutes / 6) / 10).toFixed(1)

export const pointsApi = {
  mine: (query: PageQuery) => request<PointsMine>('/points/mine', { query }),
  ranking: (areaId: Id, query: PageQuery) => request<Page<RankRow>>('/points/ranking', { query: { areaId, ...query } }),
  entries: (query: PointsEntryQuery) => request<Page<PointsEntryView>>('/points/entries', { query }),
  reverse: (id: Id, reason: string) => request<PointsEntryView>(`/points/entries/${id}/reverse`, { method: 'POST', body: { reason } }),
  rules: () => request<PointsRulesView>('/points/rules'),
  setRules: (subdistrictId: Id, form: PointsRates & { version: number | null }) =>
    request<PointsRuleView>(`/points/rules/${subdistrictId}`, { method: 'PUT', body: form }),
  myCertificateUrl: () => `${API_BASE}/points/certificate/mine`,
  certificateUrl: (memberId: Id) => `${API_BASE}/points/certificates/${memberId}`,
}
