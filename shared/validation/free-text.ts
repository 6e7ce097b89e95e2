import { z } from 'zod'
import { validationSentence } from './validation-messages'
import { problem } from './validation-result'
import type { ValidationProblem, ValidationResult } from './validation-result'

// Free text (names, notes, reasons, titles) is shown on screens, printed on signed sheets and kept as
// evidence. Control characters (NUL, BEL…) and bidirectional overrides/isolates (U+202A–U+202E,
// U+2066–U+2069) let text display as something other than what is stored ("spoofing"), so they are
// removed from every free-text field, and every field has a maximum length.

// C0 and C1 controls and DEL; TAB, LF and CR are handled as whitespace below.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g
// Bidi embeddings, overrides, isolates and marks; zero-width and other invisible format characters.
const BIDI_AND_INVISIBLES = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085]/g

export interface FreeTextRule {
  /** What the field is called in messages, e.g. 交档人姓名. */
  label: string
  /** Most characters (code points) kept. */
  max: number
  /** Fewest characters when filled; 1 by default. */
  min?: number
  /** Keeps line breaks (at most one blank line in a row); otherwise every line break becomes a space. */
  multiline?: boolean
  /** Said when the field is empty or shorter than `min`, instead of the general wording. */
  requiredMessage?: string
}

/**
 * The one sanitiser of free text: removes control, bidi and invisible characters; collapses runs of
 * spaces; keeps line breaks only where the field is multi-line; trims.
 */
export function cleanFreeText(input: string, multiline = false): string {
  const text = input.replace(BIDI_AND_INVISIBLES, '').replace(LINE_BREAKS, '\n').replace(CONTROLS, '')
  if (!multiline) return text.replace(/\s+/g, ' ').trim()
  return text
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

const lengthOf = (text: string) => [...text].length

/** Why `value` (already cleaned) breaks `rule`, or null when it keeps it; empty passes unless `required`. */
function freeTextProblem(value: string, rule: FreeTextRule, required: boolean): ValidationProblem | null {
  if (value === '' && !required) return null
  const min = rule.min ?? 1
  if (lengthOf(value) < min) {
    if (rule.requiredMessage !== undefined) return problem('TEXT_REQUIRED_WORDED', { message: rule.requiredMessage })
    return value === ''
      ? problem('TEXT_REQUIRED', { label: rule.label })
      : problem('TEXT_TOO_SHORT', { label: rule.label, min: String(min) })
  }
  if (lengthOf(value) > rule.max) return problem('TEXT_TOO_LONG', { label: rule.label, max: String(rule.max) })
  return null
}

/** Cleans `input` and checks it against `rule`; an empty result is refused (use `optionalFreeText` where empty is fine). */
export function checkFreeText(input: string, rule: FreeTextRule): ValidationResult {
  const value = cleanFreeText(input, rule.multiline)
  const refused = freeTextProblem(value, rule, true)
  return refused ? { ok: false, ...refused } : { ok: true, value }
}

/** A zod check refusing what `freeTextProblem` refuses; the code and parameters ride in the issue's params. */
function freeTextCheck(rule: FreeTextRule, required: boolean) {
  return (ctx: z.core.ParsePayload<string>) => {
    const refused = freeTextProblem(ctx.value, rule, required)
    if (refused)
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: refused.reason,
        params: { reasonCode: refused.code, ...refused.params },
        continue: true
      })
  }
}

/**
 * A required free-text field as a zod schema: cleaned, then checked, with Chinese messages. The checks
 * do not abort, so a form or a policy still hears about its other problems.
 */
export function freeText(rule: FreeTextRule) {
  return z
    .string({ error: rule.requiredMessage ?? validationSentence('TEXT_REQUIRED', { label: rule.label }) })
    .overwrite((input) => cleanFreeText(input, rule.multiline))
    .check(freeTextCheck(rule, true))
}

/** A free-text field that may stay empty (''): cleaned; when filled, checked like `freeText`. */
export function freeTextOrEmpty(rule: FreeTextRule) {
  return z
    .string({ error: validationSentence('TEXT_NOT_TEXT', { label: rule.label }) })
    .overwrite((input) => cleanFreeText(input, rule.multiline))
    .check(freeTextCheck(rule, false))
}

/** An optional free-text field: absent, null or blank (after cleaning) is null; otherwise as `freeText`. */
export function optionalFreeText(rule: FreeTextRule) {
  return freeTextOrEmpty(rule)
    .nullish()
    .transform((value) => (value ? value : null))
}
