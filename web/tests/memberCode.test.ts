import { describe, expect, it } from 'vitest'
import qrcode from 'qrcode-generator'
import { decodeFrame, isMemberCode } from '@/mobile/volunteer/scan'
import { spacedNumber } from '@/shared/activities'

/** The RGBA pixels of a QR code as qrcode-generator draws it: black modules, a white quiet zone (no canvas in jsdom). */
function pixels(text: string, scale = 4, margin = 4): { data: Uint8ClampedArray; size: number } {
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  const modules = qr.getModuleCount()
  const size = (modules + 2 * margin) * scale
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const r = Math.floor(y / scale) - margin
      const c = Math.floor(x / scale) - margin
      if (r >= 0 && c >= 0 && r < modules && c < modules && qr.isDark(r, c)) {
        const i = (y * size + x) * 4
        data[i] = data[i + 1] = data[i + 2] = 0
      }
    }
  }
  return { data, size }
}

describe('member code scanning', () => {
  const code = 'LXM.1234567.29408731.AbCdEfGhIjKlMnOpQrStUv'

  it('decodes a member code drawn by qrcode-generator with jsqr', () => {
    const { data, size } = pixels(code)
    expect(decodeFrame(data, size, size)).toBe(code)
  })

  it('finds nothing in a blank frame', () => {
    const blank = new Uint8ClampedArray(100 * 100 * 4).fill(255)
    expect(decodeFrame(blank, 100, 100)).toBeNull()
  })

  it('tells a member code from an activity code', () => {
    expect(isMemberCode(code)).toBe(true)
    expect(isMemberCode('LXA.1001.29408731.AbCdEfGhIjKlMnOpQrStUv')).toBe(false)
    expect(isMemberCode('12345678')).toBe(false)
  })

  it('spaces the number as it is read out', () => {
    expect(spacedNumber('48210937')).toBe('4821 0937')
  })
})
