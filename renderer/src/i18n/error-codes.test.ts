import { describe, expect, it } from 'vitest'
import { BackupErrorCode } from '@shared/backup/backup-format'
import { BackupKeyErrorCode } from '@shared/backup/backup-crypto'
import { VALIDATION_CODES, VALIDATION_MESSAGES } from '@shared/validation/validation-messages'
import { STORAGE_FULL } from '../data/storage-errors'
import { zhCN } from './zh-CN'
import { enUS } from './en-US'

// The source text of the app (tests left out), read by the bundler rather than the file system.
const SOURCES: Readonly<Record<string, string>> = import.meta.glob(
  ['../../../shared/**/*.ts', '../../../electron/**/*.ts', '../../src/**/*.{ts,tsx}', '!../../../**/*.test.{ts,tsx}'],
  { query: '?raw', import: 'default', eager: true }
)

const CONSTANTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  BackupErrorCode,
  BackupKeyErrorCode
}

/** Every code a `new DomainError(…)` in the app's source can carry, and the calls whose code is not written out. */
function thrownCodes(): { codes: Map<string, string>; unresolved: string[] } {
  const codes = new Map<string, string>()
  const unresolved: string[] = []
  for (const [file, text] of Object.entries(SOURCES)) {
    for (const call of text.matchAll(/new DomainError\(\s*([^,]+),/g)) {
      const first = call[1]!.trim()
      const literal = /^'([A-Z][A-Z0-9_]*)'$/.exec(first)
      const constant = /^(\w+)\.(\w+)$/.exec(first)
      const code = literal
        ? literal[1]
        : first === 'STORAGE_FULL'
          ? STORAGE_FULL
          : constant
            ? CONSTANTS[constant[1]!]?.[constant[2]!]
            : undefined
      const named = /^[A-Z][A-Z0-9_]*$/.test(first)
        ? new RegExp(`const ${first} = '([A-Z][A-Z0-9_]*)'`).exec(text)?.[1]
        : undefined
      if (code) codes.set(code, file)
      else if (named) codes.set(named, file)
      else if (first === 'code') {
        // A module's one refusal helper, refuse('CODE', …): every code the module passes it.
        for (const passed of text.matchAll(/\(\s*'([A-Z][A-Z0-9_]{2,})'/g)) codes.set(passed[1]!, file)
      }
      // A row's refusal passed on with its row number keeps the code it was made with.
      else if (first !== 'error.code') unresolved.push(`${file}: ${first}`)
    }
  }
  return { codes, unresolved }
}

const zhErrors = zhCN.errors as Readonly<Record<string, string>>
const enErrors = enUS.errors as Readonly<Record<string, string>>

describe('error texts', () => {
  const { codes, unresolved } = thrownCodes()

  it('finds the codes of the refusals in shared/, the data layer and the shell', () => {
    expect(unresolved).toEqual([])
    expect(codes.size).toBeGreaterThan(60)
    expect(codes.has('PERMISSION_DENIED')).toBe(true)
    expect(codes.has(BackupKeyErrorCode.wrongPassphrase)).toBe(true)
  })

  it('has a Chinese and an English text for every code thrown', () => {
    const missing = [...codes].filter(([code]) => !zhErrors[code] || !enErrors[code]).map(([c, f]) => `${c} (${f})`)
    expect(missing).toEqual([])
  })

  it('has a text for every backup code, including those only the shell throws', () => {
    const all = [...Object.values(BackupErrorCode), ...Object.values(BackupKeyErrorCode)]
    expect(all.filter((code) => !zhErrors[code] || !enErrors[code])).toEqual([])
  })

  it('words a variant only of a refusal that has a text of its own', () => {
    const variants = Object.keys(zhErrors).filter((key) => /_[a-z]\w*$/.test(key))
    expect(variants.length).toBeGreaterThan(0)
    expect(variants.filter((key) => !zhErrors[key.replace(/_[a-z]\w*$/, '')])).toEqual([])
  })
})

type Section = Readonly<Record<string, string>>
const zhLabels = zhCN.labels as unknown as Readonly<Record<string, Section | string>>
const enLabels = enUS.labels as unknown as Readonly<Record<string, Section | string>>

describe('label texts', () => {
  it('has every label section the screens ask for, in both languages', () => {
    const asked = new Set<string>()
    for (const text of Object.values(SOURCES))
      for (const use of text.matchAll(/['`]labels\.(\w+)\./g)) asked.add(use[1]!)
    expect(asked.size).toBeGreaterThan(10)
    expect(
      [...asked].filter((section) => typeof zhLabels[section] !== 'object' || typeof enLabels[section] !== 'object')
    ).toEqual([])
  })

  it('labels every code of a section in both languages, the English ones in English', () => {
    const han = /[\u4e00-\u9fff]/
    for (const [section, zh] of Object.entries(zhLabels)) {
      if (typeof zh === 'string') continue
      const en = enLabels[section] as Section
      expect(Object.keys(en).sort(), section).toEqual(Object.keys(zh).sort())
      for (const [code, text] of Object.entries(en)) expect(text, `${section}.${code}`).not.toMatch(han)
    }
  })
})

const zhValidation = zhCN.validation as Readonly<Record<string, string>>
const enValidation = enUS.validation as Readonly<Record<string, string>>
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)

describe('validation texts', () => {
  it('has the domain’s own Chinese and an English text for every validation code', () => {
    expect(VALIDATION_CODES.length).toBeGreaterThan(90)
    const missing = VALIDATION_CODES.filter(
      (code) => zhValidation[code] !== VALIDATION_MESSAGES[code] || !enValidation[code]
    )
    expect(missing).toEqual([])
  })

  it('uses in English only parameters the refusal carries', () => {
    const unknown = VALIDATION_CODES.flatMap((code) =>
      placeholders(enValidation[code]!)
        .filter((name) => !placeholders(VALIDATION_MESSAGES[code]).includes(name))
        .map((name) => `${code}: {{${name}}}`)
    )
    expect(unknown).toEqual([])
  })

  it('says everything in English, quoting Chinese only where a plate or a stand-in name is the example', () => {
    const quoting = (code: string) => code.startsWith('PLATE_') || code === 'PERSON_NAME_PLACEHOLDER'
    const chinese = VALIDATION_CODES.filter((code) => !quoting(code) && /[\u4e00-\u9fff]/.test(enValidation[code]!))
    expect(chinese).toEqual([])
  })
})
