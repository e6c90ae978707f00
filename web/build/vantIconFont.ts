// Vant's icon font, served from our own origin.
//
// Vant 4 declares `@font-face { font-family: vant-icon }` with the woff2 inlined as a data: URL
// and a fallback on at.alicdn.com. The server's CSP (`default-src 'self'`, no font-src) blocks
// both, and intranets have no internet anyway, so every van-icon drew a missing-glyph box.
// This plugin drops that rule from Vant's CSS; src/mobile/vant-icon.css declares the same face
// from src/mobile/assets/vant-icon.woff2 (the very font Vant inlines), which Vite emits into
// dist/assets. The build stops if an upgraded Vant inlines a different font than the local copy.
import { readFileSync } from 'node:fs'
import type { Plugin } from 'vite'

const VANT_CSS = /[\\/]node_modules[\\/]vant[\\/].+\.css(?:\?.*)?$/
const ICON_FONT_FACE = /@font-face\s*\{[^}]*font-family:\s*["']?vant-icon["']?[^}]*\}/g
const INLINED_WOFF2 = /url\(\s*["']?data:font\/woff2;[^,]*?base64,([A-Za-z0-9+/=]+)/

/** The woff2 Vant inlines in its icon @font-face, or null when the CSS has none. */
export function inlinedVantIconFont(css: string): Buffer | null {
  for (const face of css.match(ICON_FONT_FACE) ?? []) {
    const data = INLINED_WOFF2.exec(face)
    if (data) return Buffer.from(data[1], 'base64')
  }
  return null
}

/** Vant's CSS without its `vant-icon` @font-face rule(s). */
export function withoutVantIconFontFace(css: string): string {
  return css.replace(ICON_FONT_FACE, '')
}

export function vantIconFont(localFont: string): Plugin {
  return {
    name: 'lianxin:vant-icon-font',
    enforce: 'pre',
    transform(code, id) {
      if (!VANT_CSS.test(id) || !code.includes('vant-icon')) return null
      const inlined = inlinedVantIconFont(code)
      if (inlined && !inlined.equals(readFileSync(localFont))) {
        this.error(
          `Vant's icon font differs from ${localFont}; copy the woff2 inlined in ${id} ` +
            '(the data:font/woff2 URL of the vant-icon @font-face, base64-decoded) over it.',
        )
      }
      return { code: withoutVantIconFontFace(code), map: null }
    },
  }
}
