import { describe, expect, it } from 'vitest'
import { meetsPasswordPolicy } from '@/admin/access/passwordPolicy'

describe('password policy hint', () => {
  it('needs eight characters', () => {
    expect(meetsPasswordPolicy('Ab1!')).toBe(false)
  })
  it('needs three of upper, lower, digits, symbols', () => {
    expect(meetsPasswordPolicy('abcdefgh1')).toBe(false)
    expect(meetsPasswordPolicy('Abcdefgh1')).toBe(true)
    expect(meetsPasswordPolicy('abcdefg1!')).toBe(true)
  })
})
