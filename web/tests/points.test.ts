import { describe, expect, it } from 'vitest'
import { P, visibleMenu, visibleTiles } from '@/shared/permissions'
import { hours } from '@/shared/points'

describe('points', () => {
  it('shows hours with one decimal, as the certificate does', () => {
    expect(hours(150)).toBe('2.5')
    expect(hours(90)).toBe('1.5')
    expect(hours(0)).toBe('0.0')
    expect(hours(-120)).toBe('-2.0')
  })

  it('a member sees 我的积分 on his phone; others do not', () => {
    expect(visibleTiles([P.pointsOwn]).map((t) => t.key)).toContain('points')
    expect(visibleTiles([P.householdOwn]).map((t) => t.key)).not.toContain('points')
  })

  it('staff who read the ledger see 积分 in the console', () => {
    expect(visibleMenu([P.pointsRead]).map((m) => m.key)).toEqual(['points'])
    expect(visibleMenu([P.pointsOwn])).toEqual([])
  })
})
