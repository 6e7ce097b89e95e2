import type { ArchiveTemplate } from '../policy/archive-template'
import type { ArchiveFailure } from '../rules'

// What a failed item says about a file, for the monthly report's rates. The texts set targets without
// defining them (FAW-VW 五(二)5「档案完整性 99%以上，档案真实性 95%以上」; SVW-Skoda 五.8 上交及时率和完整率);
// the judgement made here, in one place:
// - incomplete: a required document missing or in the wrong form, a blank item, a required fact not entered;
// - not authentic: a signature missing, wrong, undated or out of order, or documents that contradict each
//   other (texts, dates, lists, amounts, times that must agree);
// - any failure at all makes the file nonconforming. A manual item counts only as nonconforming.

const INCOMPLETE_RULES: ReadonlySet<string> = new Set(['no-blank-items', 'facts-required'])

const INAUTHENTIC_RULES: ReadonlySet<string> = new Set([
  'signatures-present',
  'signature-count',
  'signatures-dated',
  'signature-dates-equal',
  'signature-times-chronological',
  'leaders-sign-in-working-hours',
  'texts-match',
  'dates-equal',
  'lists-equal',
  'amount-within-percent',
  'datetimes-within-hours'
])

/** Which rule each auto check of a template runs, by document and check code. */
export function checkRulesOf(template: Pick<ArchiveTemplate, 'documents'>): Map<string, string> {
  const rules = new Map<string, string>()
  for (const document of template.documents)
    for (const check of document.checks)
      if (check.mode === 'auto') rules.set(`${document.code}\u0000${check.code}`, check.ruleId)
  return rules
}

export interface RoundQuality {
  complete: boolean
  authentic: boolean
  conforming: boolean
}

/** A round's failures read as completeness, authenticity and conformity. */
export function roundQuality(
  failures: readonly Pick<ArchiveFailure, 'documentCode' | 'checkCode'>[],
  checkRules: ReadonlyMap<string, string>
): RoundQuality {
  let complete = true
  let authentic = true
  for (const failure of failures) {
    if (failure.checkCode === null) {
      complete = false
      continue
    }
    const rule = checkRules.get(`${failure.documentCode}\u0000${failure.checkCode}`)
    if (rule === undefined) continue
    if (INCOMPLETE_RULES.has(rule)) complete = false
    if (INAUTHENTIC_RULES.has(rule)) authentic = false
  }
  return { complete, authentic, conforming: failures.length === 0 }
}
