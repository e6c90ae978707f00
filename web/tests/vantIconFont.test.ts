// @vitest-environment node
// The mobile H5 must draw Vant's icons from a font on our own origin: the CSP has no font-src
// (so default-src 'self' refuses data: fonts) and intranets cannot reach a CDN.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { inlinedVantIconFont, withoutVantIconFontFace } from '../build/vantIconFont'

const require = createRequire(import.meta.url)
const vantCss = readFileSync(require.resolve('vant/lib/index.css'), 'utf8')
const localFont = readFileSync(fileURLToPath(new URL('../src/mobile/assets/vant-icon.woff2', import.meta.url)))
const localFace = readFileSync(fileURLToPath(new URL('../src/mobile/vant-icon.css', import.meta.url)), 'utf8')

describe('Vant icon font', () => {
  it('the local woff2 is the very font the installed Vant inlines', () => {
    const inlined = inlinedVantIconFont(vantCss)
    expect(inlined).not.toBeNull()
    expect(inlined!.equals(localFont)).toBe(true)
  })

  it("Vant's CSS keeps no font source of its own once the rule is dropped", () => {
    const stripped = withoutVantIconFontFace(vantCss)
    expect(stripped).not.toMatch(/@font-face/)
    expect(stripped).not.toMatch(/data:font|alicdn|jsdelivr|fastly/)
    expect(stripped).not.toMatch(/url\(\s*["']?(https?:)?\/\//)
    // the icon classes themselves stay
    expect(stripped).toMatch(/\.van-icon\{/)
  })

  it('the local @font-face names the same family and only a relative file', () => {
    expect(localFace).toMatch(/font-family:\s*'vant-icon'/)
    const urls = [...localFace.matchAll(/url\(\s*['"]?([^'")]+)/g)].map((m) => m[1])
    expect(urls).toEqual(['./assets/vant-icon.woff2'])
  })
})
