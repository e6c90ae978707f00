import { describe, expect, it } from 'vitest'
import zhCN from '@/shared/i18n/zh-CN'
import en from '@/shared/i18n/en'

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const result = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') result.set(path, value)
    else for (const [k, v] of leaves(value, path)) result.set(k, v)
  }
  return result
}

const zh = leaves(zhCN as Tree)
const english = leaves(en as Tree)

describe('locales', () => {
  it('every zh-CN key exists in en', () => {
    expect([...zh.keys()].filter((k) => !english.has(k))).toEqual([])
  })

  it('every en key exists in zh-CN', () => {
    expect([...english.keys()].filter((k) => !zh.has(k))).toEqual([])
  })

  it('no message is empty', () => {
    const empty = [...zh, ...english].filter(([, v]) => v.trim() === '').map(([k]) => k)
    expect(empty).toEqual([])
  })

  it('both locales use the same placeholders in each message', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    const differing = [...zh.keys()].filter((k) => names(zh.get(k)!).join() !== names(english.get(k) ?? '').join())
    expect(differing).toEqual([])
  })

  it('no message uses a character the message compiler treats specially', () => {
    // { } are placeholders; @ starts a linked message and | a plural form
    const special = [...zh, ...english].filter(([, v]) => /[@|$]/.test(v.replace(/\{\w+\}/g, ''))).map(([k]) => k)
    expect(special).toEqual([])
  })
})
