import { describe, expect, it } from 'vitest'
import { finished, percent, sheetApi } from '@/shared/sheets'
import type { ImportJob } from '@/shared/types'

const job = (state: ImportJob['state'], processed: number, total: number): ImportJob => ({
  id: 1, kind: 'MEMBERS', username: 'beijiang', fileName: 'a.xlsx', state, total, processed, imported: 0, skipped: 0,
  rejected: 0, createdAt: '2026-11-24T00:00:00Z', startedAt: null, finishedAt: null,
})

describe('spreadsheet import and export', () => {
  it('shows progress as processed lines over the total, 0 while counting and 100 when over', () => {
    expect(percent(job('QUEUED', 0, 0))).toBe(0)
    expect(percent(job('RUNNING', 500, 2000))).toBe(25)
    expect(percent(job('DONE', 0, 0))).toBe(100)
    expect(finished(job('RUNNING', 1, 2))).toBe(false)
    expect(finished(job('FAILED', 1, 2))).toBe(true)
  })

  it('exports with the list filters and asks for full numbers only when told', () => {
    expect(sheetApi.exportUrl('members', { q: '刘', employment: '', skill: null })).toBe('/api/v1/members/export?q=%E5%88%98')
    expect(sheetApi.exportUrl('residents', { tag: 'ELDERLY' }, true)).toBe('/api/v1/residents/export?tag=ELDERLY&unmasked=true')
    expect(sheetApi.templateUrl('residents')).toBe('/api/v1/residents/import-template')
  })
})
