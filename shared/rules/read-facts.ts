import type { FactRef } from '../policy/fact-ref'
import { factLabel } from './archive-facts'
import type { ArchiveFacts } from './archive-facts'
import { failed, incomplete } from './check-outcome'
import type { CheckOutcome } from './check-outcome'
import type { SignatureEntry } from './fact-value'
import { parseWrittenDate, parseWrittenMoment } from './written-date-time'
import type { WrittenMoment } from './written-date-time'

// Every rule reads its facts through here, so "not entered yet" (incomplete), "blank on the paper"
// and "written wrong" (fail) are told apart the same way everywhere.

export interface ReadAs {
  date: string
  moment: WrittenMoment
  text: string
  number: number
  boolean: boolean
  list: readonly string[]
  signatures: readonly SignatureEntry[]
  measurements: Readonly<Record<string, number | null>>
}

export interface FactSpec {
  readonly ref: FactRef
  readonly as: keyof ReadAs
  /** Not entered or blank gives undefined instead of stopping the rule. */
  readonly optional?: boolean
}

export type ValuesOf<S extends Record<string, FactSpec>> = {
  [K in keyof S]: S[K] extends { optional: true } ? ReadAs[S[K]['as']] | undefined : ReadAs[S[K]['as']]
}

export type FactsRead<S extends Record<string, FactSpec>> =
  { ok: true; values: ValuesOf<S> } | { ok: false; outcome: CheckOutcome }

type Reading =
  | { state: 'value'; value: unknown }
  | { state: 'not_entered' }
  | { state: 'blank' }
  | { state: 'invalid'; reason: string }

function isSignatureList(value: unknown): value is readonly SignatureEntry[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) => typeof entry === 'object' && entry !== null && typeof (entry as SignatureEntry).role === 'string'
    )
  )
}

function readOne(raw: unknown, as: keyof ReadAs): Reading {
  if (raw === undefined) return { state: 'not_entered' }
  if (raw === null) return { state: 'blank' }
  if (typeof raw === 'string' && raw.trim() === '' && as !== 'list') return { state: 'blank' }
  switch (as) {
    case 'date': {
      if (typeof raw !== 'string') break
      const parsed = parseWrittenDate(raw)
      return parsed.ok ? { state: 'value', value: parsed.date } : { state: 'invalid', reason: parsed.reason }
    }
    case 'moment': {
      if (typeof raw !== 'string') break
      const parsed = parseWrittenMoment(raw)
      return parsed.ok ? { state: 'value', value: parsed.moment } : { state: 'invalid', reason: parsed.reason }
    }
    case 'text':
      if (typeof raw === 'string') return { state: 'value', value: raw.trim() }
      break
    case 'number':
      if (typeof raw === 'number' && Number.isFinite(raw)) return { state: 'value', value: raw }
      break
    case 'boolean':
      if (typeof raw === 'boolean') return { state: 'value', value: raw }
      break
    case 'list':
      if (Array.isArray(raw) && raw.every((item) => typeof item === 'string')) {
        return { state: 'value', value: raw.map((item: string) => item.trim()).filter((item) => item !== '') }
      }
      break
    case 'signatures':
      if (isSignatureList(raw)) return { state: 'value', value: raw }
      break
    case 'measurements':
      if (typeof raw === 'object' && !Array.isArray(raw)) return { state: 'value', value: raw }
      break
  }
  return { state: 'invalid', reason: '录入的值格式不正确' }
}

/** Reads the facts a rule needs; the first problem found becomes the rule's outcome. */
export function readFacts<S extends Record<string, FactSpec>>(facts: ArchiveFacts, spec: S): FactsRead<S> {
  const values: Record<string, unknown> = {}
  const notEntered: string[] = []
  const wrong: string[] = []
  for (const [name, { ref, as, optional }] of Object.entries(spec)) {
    const reading = readOne(facts.values[ref], as)
    const label = factLabel(facts, ref)
    if (reading.state === 'value') values[name] = reading.value
    else if (reading.state === 'invalid') wrong.push(`${label}：${reading.reason}`)
    else if (optional === true) values[name] = undefined
    else if (reading.state === 'blank') wrong.push(`${label}未填写`)
    else notEntered.push(label)
  }
  if (wrong.length > 0) return { ok: false, outcome: failed(wrong.join('；')) }
  if (notEntered.length > 0) return { ok: false, outcome: incomplete(`尚未录入：${notEntered.join('、')}`) }
  return { ok: true, values: values as ValuesOf<S> }
}

/** Whether a raw value counts as filled in (for required-fact checks): a blank, an empty list or an empty set of readings is not. */
export function isFilledIn(raw: unknown): boolean {
  if (raw === undefined || raw === null) return false
  if (typeof raw === 'string') return raw.trim() !== ''
  if (Array.isArray(raw)) return raw.length > 0
  if (typeof raw === 'object') return Object.values(raw).some((value) => value !== null && value !== undefined)
  return true
}
