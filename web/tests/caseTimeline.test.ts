import { describe, expect, it } from 'vitest'
import { caseTimeline } from '@/shared/cases'
import type { CaseStep } from '@/shared/cases'

const step = (action: string, at: string): CaseStep =>
  ({ action, fromState: null, toState: 'REPORTED', by: null, at, comment: null, photoIds: [] })

describe('caseTimeline', () => {
  it('puts the newest step on top, whatever order the steps came in', () => {
    const steps = [step('accept', '2026-11-01T02:30:00Z'), step('report', '2026-11-01T02:00:00Z'), step('return-visit', '2026-11-05T08:00:00+08:00')]
    expect(caseTimeline(steps).map((s) => s.action)).toEqual(['return-visit', 'accept', 'report'])
  })

  it('shows steps of the same instant in the reverse of the order they were recorded', () => {
    const steps = [step('report', '2026-11-01T02:00:00Z'), step('handle', '2026-11-02T02:00:00Z'), step('reopen', '2026-11-02T02:00:00Z')]
    expect(caseTimeline(steps).map((s) => s.action)).toEqual(['reopen', 'handle', 'report'])
  })

  it('leaves the case as it is and takes a case without steps', () => {
    const steps = [step('report', '2026-11-01T02:00:00Z'), step('accept', '2026-11-01T03:00:00Z')]
    caseTimeline(steps)
    expect(steps.map((s) => s.action)).toEqual(['report', 'accept'])
    expect(caseTimeline(null)).toEqual([])
    expect(caseTimeline(undefined)).toEqual([])
  })
})
