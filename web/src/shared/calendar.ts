// The working calendar (工作日历): a year's holidays and adjusted working days, deadline trials, and the
// plain-text format administrators paste the State Council's schedule in.
import { request } from './api'

export type DayKind = 'HOLIDAY' | 'WORKDAY'

export interface CalendarDayItem {
  date: string
  kind: DayKind
  name: string
  weekday?: string
}

export interface CalendarYearView {
  year: number
  loaded: boolean
  loadedAt: string | null
  loadedBy: string | null
  source: string | null
  version: number | null
  holidays: number
  workdays: number
  days: CalendarDayItem[]
}

export interface DeadlineView {
  start: string
  workingDays: number | null
  workingHours: number | null
  deadline: string
  yearLoaded: boolean
}

export const calendarApi = {
  year: (year: number) => request<CalendarYearView>('/working-calendar', { query: { year } }),
  load: (form: { year: number; source: string; version: number | null; days: CalendarDayItem[] }) =>
    request<CalendarYearView>('/working-calendar', { method: 'PUT', body: form }),
  deadline: (form: { start: string; workingDays?: number; workingHours?: number }) =>
    request<DeadlineView>('/working-calendar/deadline', { method: 'POST', body: form }),
}

const KIND_WORDS: Record<string, DayKind> = { 放假: 'HOLIDAY', 休: 'HOLIDAY', HOLIDAY: 'HOLIDAY', 上班: 'WORKDAY', 班: 'WORKDAY', WORKDAY: 'WORKDAY' }

export interface ParsedLines {
  days: CalendarDayItem[]
  /** 1-based line numbers that could not be read, with the line's text. */
  unreadable: { line: number; text: string }[]
  /** index in `days` → 1-based line number, to place the server's days[i] errors */
  lineOf: number[]
}

/**
 * One day per line: `2026-10-01 放假 国庆节` or `2026-10-10 上班 国庆节调休上班` (commas or tabs also separate;
 * HOLIDAY/WORKDAY also accepted). Blank lines and lines starting with # are skipped.
 */
export function parseDayLines(text: string): ParsedLines {
  const result: ParsedLines = { days: [], unreadable: [], lineOf: [] }
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim()
    if (!line || line.startsWith('#')) return
    const parts = line.split(/[\s,，\t]+/)
    const word = parts[1] ?? ''
    const kind = KIND_WORDS[word] ?? KIND_WORDS[word.toUpperCase()]
    if (parts.length < 3 || !/^\d{4}-\d{2}-\d{2}$/.test(parts[0]) || !kind) {
      result.unreadable.push({ line: i + 1, text: line })
      return
    }
    result.days.push({ date: parts[0], kind, name: parts.slice(2).join(' ') })
    result.lineOf.push(i + 1)
  })
  return result
}

export function formatDayLines(days: CalendarDayItem[]): string {
  return days.map((d) => `${d.date} ${d.kind === 'HOLIDAY' ? '放假' : '上班'} ${d.name}`).join('\n')
}
