import { describe, expect, it } from 'vitest'
import { formatDayLines, parseDayLines } from '@/shared/calendar'

describe('the pasted holiday schedule', () => {
  it('reads one day per line in Chinese or code words, with spaces, commas or tabs', () => {
    const parsed = parseDayLines('# 2026 国庆\n2026-10-01 放假 国庆节\n\n2026-10-10,上班,国庆节调休上班\n2026-10-02\tHOLIDAY\t国庆节 假期')
    expect(parsed.unreadable).toEqual([])
    expect(parsed.days).toEqual([
      { date: '2026-10-01', kind: 'HOLIDAY', name: '国庆节' },
      { date: '2026-10-10', kind: 'WORKDAY', name: '国庆节调休上班' },
      { date: '2026-10-02', kind: 'HOLIDAY', name: '国庆节 假期' },
    ])
    expect(parsed.lineOf).toEqual([2, 4, 5])
  })

  it('names the lines it cannot read instead of guessing', () => {
    const parsed = parseDayLines('2026-10-01 放假 国庆节\n10月8日 上班 调休\n2026-10-09 加班 国庆')
    expect(parsed.days).toHaveLength(1)
    expect(parsed.unreadable.map((u) => u.line)).toEqual([2, 3])
  })

  it('writes back what it reads', () => {
    const days = parseDayLines('2026-10-01 放假 国庆节\n2026-10-10 上班 国庆节调休上班').days
    expect(parseDayLines(formatDayLines(days)).days).toEqual(days)
  })
})
