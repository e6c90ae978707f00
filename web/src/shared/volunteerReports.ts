// Hours and participation reports (志愿服务统计): confirmed attendance in the caller's scope, per member, service
// team, community, campaign, publishing grid branch or partner unit, for a period; the Excel export is a link the
// browser downloads with the session.
import { API_BASE, queryString, request } from './api'
import type { Page } from './types'

export type ReportBy = 'COMMUNITY' | 'TEAM' | 'CAMPAIGN' | 'GRID_BRANCH' | 'PARTNER_UNIT' | 'MEMBER'
export const REPORT_BYS: readonly ReportBy[] = ['COMMUNITY', 'TEAM', 'CAMPAIGN', 'GRID_BRANCH', 'PARTNER_UNIT', 'MEMBER']

export interface ReportLine {
  id: number
  name: string
  activities: number
  members: number
  attendances: number
  minutes: number
}

export interface VolunteerReport {
  by: ReportBy
  from: string | null
  to: string | null
  lines: Page<ReportLine>
  activities: number
  members: number
  attendances: number
  minutes: number
}

export interface ReportQuery {
  by: ReportBy
  from?: string
  to?: string
  page?: number
  size?: number
}

export const volunteerReportApi = {
  report: (query: ReportQuery) => request<VolunteerReport>(`/volunteer-reports${queryString(query)}`),
  exportUrl: (query: ReportQuery) => `${API_BASE}/volunteer-reports/export${queryString({ by: query.by, from: query.from, to: query.to })}`,
}

/** Minutes as hours with one decimal, as the Excel file has them. */
export function reportHours(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toFixed(1)
}
