// The steps a phone may take on a case, shared by the case lists (我的上报, 网格待办) and the case detail.
import { ACTION_INPUT, deadlineTag } from '@/shared/cases'
import type { CaseAction, CaseView, StepBody } from '@/shared/cases'

/** What a phone may do: the steps that need no more than a line of text or a rating. */
export const MOBILE_ACTIONS: CaseAction[] = ['accept', 'register', 'dispatch', 'start', 'handle', 'verify', 'escalate', 'reply', 'rate', 'reopen']

/** On the phone a dispatch goes to the worker himself; the console dispatches to others. */
export const needsInput = (a: CaseAction | '') => a !== '' && ACTION_INPUT[a] !== 'none' && a !== 'dispatch'

/**
 * The steps offered on a phone. 申请重办 only while its time runs (the server lists it for a closed case even after
 * \`reopenUntil\`, and refuses it then): a button that can only fail is not shown.
 */
export const phoneActions = (c: CaseView, now: number = Date.now()) => c.actions.filter((a) => MOBILE_ACTIONS.includes(a)
  && (a !== 'reopen' || c.reopenUntil == null || Date.parse(c.reopenUntil) > now))

/** The Vant tag colour of a case's deadline (Vant has no grey "info" tag: blue stands in). */
export const vantTag = (c: CaseView): 'primary' | 'success' | 'warning' | 'danger' => {
  const tag = deadlineTag(c.deadlineStatus)
  return tag === 'info' ? 'primary' : tag
}

/** The body of a step from what the phone asked for: a line of text, and for 评价 the stars. */
export function stepBody(action: CaseAction, text: string, rating: number): StepBody {
  const body: StepBody = {}
  const input = ACTION_INPUT[action]
  if (input === 'comment') body.comment = text
  if (input === 'reason' || input === 'escalate') body.reason = text
  if (input === 'rating') Object.assign(body, { rating, comment: text || undefined })
  return body
}
