import { describe, expect, it, vi } from 'vitest'
import { idempotencyKeys, newIdempotencyKey } from '@/shared/idempotency'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('Idempotency-Key', () => {
  it('uses crypto.randomUUID where the browser has it', () => {
    expect(newIdempotencyKey({ randomUUID: () => '11111111-2222-4333-8444-555555555555' })).toBe(
      '11111111-2222-4333-8444-555555555555',
    )
  })

  it('falls back to getRandomValues on a plain-http origin (no randomUUID) and still makes a v4 UUID', () => {
    const getRandomValues = vi.fn((array: Uint8Array) => array.fill(0xff))
    const key = newIdempotencyKey({ getRandomValues })
    expect(getRandomValues).toHaveBeenCalledOnce()
    expect(key).toMatch(UUID_V4)
    expect(key).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff')
  })

  it('falls back when randomUUID throws (outside a secure context)', () => {
    const key = newIdempotencyKey({
      randomUUID: () => {
        throw new Error('insecure context')
      },
      getRandomValues: (a) => a,
    })
    expect(key).toBe('00000000-0000-4000-8000-000000000000')
  })

  it('makes distinct keys with the real Web Crypto and without any', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey()))
    expect(keys.size).toBe(200)
    for (const k of keys) expect(k).toMatch(UUID_V4)
    const bare = new Set(Array.from({ length: 200 }, () => newIdempotencyKey({})))
    expect(bare.size).toBe(200)
    for (const k of bare) expect(k).toMatch(UUID_V4)
    expect([...keys][0].length).toBeLessThanOrEqual(40)
  })

  it('keeps one key per attempt until renewed', () => {
    const keys = idempotencyKeys()
    const first = keys.current
    expect(keys.current).toBe(first) // a retry after a network error sends the same key
    const second = keys.renew() // after success or a reset
    expect(second).not.toBe(first)
    expect(keys.current).toBe(second)
  })
})
