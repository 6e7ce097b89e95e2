import { describe, expect, it } from 'vitest'
import { zhCN } from './zh-CN'
import { enUS } from './en-US'

// The screens' source (tests left out), read by the bundler: every key they ask for by name must exist.
const SCREENS: Readonly<Record<string, string>> = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}'], {
  query: '?raw',
  import: 'default',
  eager: true
})

type Tree = { [key: string]: string | Tree }

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of leaves(value, path)) out.set(k, v)
  }
  return out
}

const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()

describe('translations', () => {
  const zh = leaves(zhCN as Tree)
  const en = leaves(enUS as Tree)

  it('has an English text for every Chinese one, and no English text without a Chinese one', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort())
    for (const [key, text] of en) expect(text.trim(), key).not.toBe('')
  })

  it('keeps the same placeholders in both languages', () => {
    for (const [key, text] of zh) {
      // A validation text may leave out a parameter that only Chinese needs (the field's Chinese label).
      if (key.startsWith('validation.'))
        expect(variables(text), key).toEqual(expect.arrayContaining(variables(en.get(key) ?? '')))
      else expect(variables(en.get(key) ?? ''), key).toEqual(variables(text))
    }
  })

  it('speaks Chinese in the Chinese resources', () => {
    const han = /[\u3001-\u303f\u4e00-\u9fff\uff01-\uff5e]/ // Chinese characters or Chinese punctuation
    // A refusal whose own Chinese sentence is the whole text (validation reasons) is Chinese too.
    const latinOnly = [...zh].filter(
      ([key, text]) =>
        !han.test(text) &&
        !((key.startsWith('errors.') || key.startsWith('validation.')) && ['{{message}}', '{{problem}}'].includes(text))
    )
    expect(latinOnly).toEqual([])
  })

  it('has a text for every key a screen asks for by name, so no screen shows a bare key', () => {
    const keys = new Set(zh.keys())
    const missing: string[] = []
    for (const [file, source] of Object.entries(SCREENS)) {
      for (const match of source.matchAll(/\bt\(\s*'([a-zA-Z][\w]*(?:\.[\w]+)+)'/g)) {
        const key = match[1]!
        // A key asked with a count or a context resolves to its variants (key_one, key_other, key_<context>).
        const found = keys.has(key) || [...keys].some((k) => k.startsWith(`${key}_`))
        if (!found) missing.push(`${file}: ${key}`)
      }
    }
    expect(missing).toEqual([])
  })
})
