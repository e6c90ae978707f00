import { describe, expect, it } from 'vitest'
import { phoneActions, stepBody } from '@/mobile/casework/phoneSteps'
import type { CaseView } from '@/shared/cases'

const closed = (reopenUntil: string | null, actions: CaseView['actions']) => ({ reopenUntil, actions }) as CaseView

describe('phoneActions', () => {
  const now = Date.parse('2026-11-24T08:00:00Z')

  it('offers 申请重办 while its time runs', () => {
    expect(phoneActions(closed('2026-11-25T08:00:00Z', ['rate', 'reopen']), now)).toEqual(['rate', 'reopen'])
  })

  it('no longer offers 申请重办 once the time is over, but still 评价', () => {
    expect(phoneActions(closed('2026-11-23T08:00:00Z', ['rate', 'reopen']), now)).toEqual(['rate'])
  })

  it('leaves out the steps a phone does not take', () => {
    expect(phoneActions(closed(null, ['accept', 'close', 'urge', 'supervise', 'reopen']), now)).toEqual(['accept', 'reopen'])
  })
})

describe('stepBody', () => {
  it('sends the stars with an optional comment for 评价, the text as the reason for 申请重办', () => {
    expect(stepBody('rate', '', 4)).toEqual({ rating: 4, comment: undefined })
    expect(stepBody('rate', '修好了', 5)).toEqual({ rating: 5, comment: '修好了' })
    expect(stepBody('reopen', '灯又不亮了', 5)).toEqual({ reason: '灯又不亮了' })
    expect(stepBody('handle', '已更换', 5)).toEqual({ comment: '已更换' })
    expect(stepBody('accept', 'x', 5)).toEqual({})
  })
})
