// 三单统计: the matching figures of an area (totals and one row per child area) over a date range, and the Excel export.
import { API_BASE, queryString, request } from './api'
import type { Id } from './types'

export type NeedStateCount = Record<'SUBMITTED' | 'DISPATCHED' | 'RETURNED' | 'TAKEN' | 'FULFILLED' | 'CLOSED' | 'CANCELLED', number>

export interface MatchingFigures {
  partnerUnits: number
  offers: number
  needs: number
  needsByState: NeedStateCount
  dispatched: number
  taken: number
  matchRate: number | null
  medianHoursToTake: number | null
  medianHoursToFulfil: number | null
  serviceTasks: number
  places: number
  placesFilled: number
  wishesFulfilled: number
  wishesConfirmed: number
  projectsAccepted: number
}

export interface StatisticsArea {
  id: Id
  name: string
  level: string
}

export interface MatchingStatisticsView {
  area: StatisticsArea
  parent: StatisticsArea | null
  from: string
  to: string
  totals: MatchingFigures
  rows: { area: StatisticsArea; figures: MatchingFigures }[]
}

export interface StatisticsQuery {
  areaId?: Id
  from?: string
  to?: string
}

export const matchingStatisticsApi = {
  get: (query: StatisticsQuery) => request<MatchingStatisticsView>('/matching-statistics', { query }),
  exportUrl: (query: StatisticsQuery) => `${API_BASE}/matching-statistics.xlsx${queryString(query)}`,
}
