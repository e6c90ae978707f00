// Idempotency-Key values for POSTs that must not run twice (a case report retried after a lost answer).
// One key per attempt: made when the form opens or is reset, kept while the user retries, renewed after success.

/** The parts of Web Crypto the key needs; `randomUUID` is missing outside secure contexts (plain http, not localhost). */
export interface RandomSource {
  randomUUID?: () => string
  getRandomValues?: (array: Uint8Array) => unknown
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * A random version-4 UUID (36 characters; the server takes up to 40): `crypto.randomUUID` where the browser has it,
 * else built from `crypto.getRandomValues` (available on plain-http origins too), else — only in a browser without
 * Web Crypto — from the clock and Math.random, still unique enough for one user's retries.
 */
export function newIdempotencyKey(source: RandomSource | undefined = globalThis.crypto): string {
  if (typeof source?.randomUUID === 'function') {
    try {
      return source.randomUUID()
    } catch {
      // some browsers define it but throw outside a secure context: fall through
    }
  }
  const bytes = new Uint8Array(16)
  if (typeof source?.getRandomValues === 'function') {
    source.getRandomValues(bytes)
  } else {
    const now = Date.now()
    for (let i = 0; i < 16; i++) bytes[i] = i < 6 ? Math.floor(now / 2 ** (8 * i)) & 0xff : Math.floor(Math.random() * 256)
  }
  bytes[6] = (bytes[6] & 0x0f) | 0x40 // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80 // RFC 4122 variant
  const h = hex(bytes)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

/** The key of the current attempt: `current` until `renew()` (after success or when the form is reset). */
export function idempotencyKeys(source?: RandomSource) {
  let key = newIdempotencyKey(source)
  return {
    get current(): string {
      return key
    },
    renew(): string {
      key = newIdempotencyKey(source)
      return key
    },
  }
}
