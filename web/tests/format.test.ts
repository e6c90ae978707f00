import { describe, expect, it } from 'vitest'
import { shortAreaName } from '@/shared/format'

describe('shortAreaName', () => {
  it("drops the parent's name in front", () => {
    expect(shortAreaName('北江社区第一网格', '北江社区')).toBe('第一网格')
    expect(shortAreaName('北江社区·第二网格', '北江社区')).toBe('第二网格')
  })

  it('keeps names that do not start with the parent’s name', () => {
    expect(shortAreaName('滨江小区', '北江社区')).toBe('滨江小区')
  })

  it('keeps the name when nothing would be left, or without a parent', () => {
    expect(shortAreaName('北江社区', '北江社区')).toBe('北江社区')
    expect(shortAreaName('北江社区第一网格', undefined)).toBe('北江社区第一网格')
    expect(shortAreaName('北江社区第一网格', '  ')).toBe('北江社区第一网格')
  })
})
