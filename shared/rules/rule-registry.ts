import type { AutoRule } from './rule-definition'
import { amountWithinPercent } from './auto/amount-within-percent'
import { datesEqual } from './auto/dates-equal'
import { datetimesWithinHours } from './auto/datetimes-within-hours'
import { factsRequired } from './auto/facts-required'
import { factsTrue } from './auto/facts-true'
import { leadersSignInWorkingHours } from './auto/leaders-sign-in-working-hours'
import { listContains } from './auto/list-contains'
import { listsEqual } from './auto/lists-equal'
import { mileageInTenThousandKm } from './auto/mileage-in-ten-thousand-km'
import { mileageSuggestions } from './auto/mileage-suggestions'
import { noBlankItems } from './auto/no-blank-items'
import { phoneValid } from './auto/phone-valid'
import { plateValid } from './auto/plate-valid'
import { signatureCount } from './auto/signature-count'
import { signatureDatesEqual } from './auto/signature-dates-equal'
import { signatureTimesChronological } from './auto/signature-times-chronological'
import { signaturesDated } from './auto/signatures-dated'
import { signaturesPresent } from './auto/signatures-present'
import { textsMatch } from './auto/texts-match'
import { treadDepthReplacement } from './auto/tread-depth-replacement'

// Every automatic rule, by id. Policies refer to rules by these ids, so an id is never renamed or reused.

const ALL_RULES: readonly AutoRule[] = [
  datetimesWithinHours,
  datesEqual,
  textsMatch,
  amountWithinPercent,
  mileageSuggestions,
  treadDepthReplacement,
  noBlankItems,
  factsRequired,
  factsTrue,
  phoneValid,
  plateValid,
  signaturesPresent,
  signatureCount,
  signaturesDated,
  signatureDatesEqual,
  signatureTimesChronological,
  listsEqual,
  listContains,
  mileageInTenThousandKm,
  leadersSignInWorkingHours
]

export const RULES: Readonly<Record<string, AutoRule>> = Object.freeze(
  Object.fromEntries(ALL_RULES.map((rule) => [rule.id, rule]))
)

export function findRule(ruleId: string): AutoRule | undefined {
  return Object.prototype.hasOwnProperty.call(RULES, ruleId) ? RULES[ruleId] : undefined
}
