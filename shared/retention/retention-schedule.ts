import { dayAfterYears, isCalendarDate } from '../dates/calendar-period'
import { DomainError } from '../model/domain-error'
import type { DormancyClock, RetentionPolicy } from '../policy/retention-policy'
import { LEGAL_MINIMUM_RETENTION_YEARS } from '../policy/retention-policy'

// When a vehicle file is due for sealing (封存) and for destruction review, from the policy in force.
//
// FAW-VW 四.1: a vehicle serviced here is kept until its last repair + 5 years.
// FAW-VW 四.2: with no repair or maintenance here within 3 years, the file is kept 5 years from its
// creation, then moved to the archive store and sealed.
// A file is due for sealing only when no clause still keeps it: the latest of the dates they give.
//
// The 3-year window of 四.2 has no stated start. DEFAULT_DORMANCY_CLOCK is 'since_last_visit': every
// visit restarts it, so a customer who still comes back never has his file sealed under him, and this
// reading never seals a file earlier than the other one (sealing moves the paper to the store and makes
// the file read-only: sealing too late costs shelf space, sealing too early costs the service history
// the workshop needs). 'since_creation' (only a visit in the first 3 years after creation counts; a file
// without one is sealed 5 years after creation whatever came later) is the policy's option.
//
// Destruction floor: 《汽车销售管理办法》(商务部令 2017 年第 1 号) requires dealers to keep sales and
// customer archives at least 10 years (LEGAL_MINIMUM_RETENTION_YEARS, DOMAIN §9), counted here from
// the file's creation; a policy may ask for more (destroyNotBeforeYears), never less. A file is never
// reviewed for destruction before it is due for sealing.
//
// Legal hold (a complaint, dispute or investigation; DOMAIN §9): a held file is never due for either.

export const DEFAULT_DORMANCY_CLOCK: DormancyClock = 'since_last_visit'

export type VehicleFileStage = 'active' | 'sealed' | 'destroyed'

/** What retention needs to know of one vehicle file. */
export interface RetentionFacts {
  readonly fileId: string
  /** The day the file was created (建档), China date. */
  readonly createdOn: string
  /** Repair and maintenance visits at this dealership, China dates, any order. */
  readonly visitDates: readonly string[]
  readonly legalHold: boolean
  /** Absent = 'active'. */
  readonly stage?: VehicleFileStage
}

/** Why a file has (or has no) sealing date. */
export type SealBasis =
  /** 四.1: last repair or maintenance + N years. */
  | 'after_last_visit'
  /** 四.2: no visit within the window; N years from creation. */
  | 'dormant_from_creation'
  /** The policy sets no period (SVW-Skoda): nothing is sealed by age. */
  | 'no_period'
  | 'legal_hold'

export interface RetentionSchedule {
  readonly fileId: string
  /** The first day the file is due for sealing, or null when it never is by age. */
  readonly sealDueOn: string | null
  readonly sealBasis: SealBasis
  /** The first day the file may be proposed for destruction, or null while on legal hold. */
  readonly destructionReviewOn: string | null
  readonly clause: string
}

function refuseDate(code: string, message: string, details: Record<string, string>): never {
  throw new DomainError(code, message, details)
}

function assertFileDates(facts: RetentionFacts): void {
  const { fileId, createdOn } = facts
  if (!isCalendarDate(createdOn)) {
    refuseDate('RETENTION_CREATED_ON_INVALID', `档案 ${fileId} 的建档日期“${createdOn}”不是有效日期（应为 年-月-日）`, {
      fileId,
      value: createdOn
    })
  }
  for (const visit of facts.visitDates) {
    if (!isCalendarDate(visit)) {
      refuseDate(
        'RETENTION_VISIT_DATE_INVALID',
        `档案 ${fileId} 的维修保养日期“${visit}”不是有效日期（应为 年-月-日）`,
        {
          fileId,
          value: visit
        }
      )
    }
  }
}

function latest(dates: readonly string[]): string | null {
  let max: string | null = null
  for (const d of dates) if (max === null || d > max) max = d
  return max
}

function sealDate(policy: RetentionPolicy, facts: RetentionFacts): { on: string | null; basis: SealBasis } {
  const lastVisit = latest(facts.visitDates)
  const { dormancy, keepYearsAfterLastService } = policy
  const afterService =
    lastVisit !== null && keepYearsAfterLastService !== null
      ? dayAfterYears(lastVisit, keepYearsAfterLastService)
      : null
  if (dormancy === null) {
    return afterService === null ? { on: null, basis: 'no_period' } : { on: afterService, basis: 'after_last_visit' }
  }
  const fromCreation = dayAfterYears(facts.createdOn, dormancy.keepYearsFromCreation)
  const clock = policy.dormancyClock ?? DEFAULT_DORMANCY_CLOCK
  if (clock === 'since_creation') {
    const windowEnd = dayAfterYears(facts.createdOn, dormancy.noServiceYears)
    const visitedInWindow = facts.visitDates.some((d) => d >= facts.createdOn && d < windowEnd)
    if (!visitedInWindow || afterService === null) return { on: fromCreation, basis: 'dormant_from_creation' }
    return { on: afterService, basis: 'after_last_visit' }
  }
  const lastActivity = latest([facts.createdOn, ...facts.visitDates]) ?? facts.createdOn
  const dormantFrom = dayAfterYears(lastActivity, dormancy.noServiceYears)
  const dormantSeal = dormantFrom > fromCreation ? dormantFrom : fromCreation
  if (afterService !== null && afterService >= dormantSeal) return { on: afterService, basis: 'after_last_visit' }
  return { on: dormantSeal, basis: 'dormant_from_creation' }
}

/** The sealing and destruction-review dates of one file under `policy`. */
export function retentionSchedule(policy: RetentionPolicy, facts: RetentionFacts): RetentionSchedule {
  assertFileDates(facts)
  if (facts.legalHold) {
    return {
      fileId: facts.fileId,
      sealDueOn: null,
      sealBasis: 'legal_hold',
      destructionReviewOn: null,
      clause: policy.clause
    }
  }
  const seal = sealDate(policy, facts)
  const floorYears = Math.max(policy.destroyNotBeforeYears, LEGAL_MINIMUM_RETENTION_YEARS)
  const floor = dayAfterYears(facts.createdOn, floorYears)
  const destructionReviewOn = seal.on !== null && seal.on > floor ? seal.on : floor
  return { fileId: facts.fileId, sealDueOn: seal.on, sealBasis: seal.basis, destructionReviewOn, clause: policy.clause }
}

/** The active files of `files` due for sealing on China date `onDate`, earliest due first. */
export function filesDueForSealing(
  policy: RetentionPolicy,
  files: readonly RetentionFacts[],
  onDate: string
): RetentionSchedule[] {
  return dueOn(
    policy,
    files,
    onDate,
    (f) => (f.stage ?? 'active') === 'active',
    (s) => s.sealDueOn
  )
}

/** The files of `files` not yet destroyed that may be proposed for destruction on `onDate`, earliest first. */
export function filesDueForDestructionReview(
  policy: RetentionPolicy,
  files: readonly RetentionFacts[],
  onDate: string
): RetentionSchedule[] {
  return dueOn(
    policy,
    files,
    onDate,
    (f) => f.stage !== 'destroyed',
    (s) => s.destructionReviewOn
  )
}

function dueOn(
  policy: RetentionPolicy,
  files: readonly RetentionFacts[],
  onDate: string,
  eligible: (facts: RetentionFacts) => boolean,
  dateOf: (schedule: RetentionSchedule) => string | null
): RetentionSchedule[] {
  if (!isCalendarDate(onDate)) {
    refuseDate('RETENTION_ON_DATE_INVALID', `查询日期“${onDate}”不是有效日期（应为 年-月-日）`, { value: onDate })
  }
  const due: RetentionSchedule[] = []
  for (const facts of files) {
    if (!eligible(facts)) continue
    const schedule = retentionSchedule(policy, facts)
    const date = dateOf(schedule)
    if (date !== null && date <= onDate) due.push(schedule)
  }
  return due.sort((a, b) => (dateOf(a)! < dateOf(b)! ? -1 : dateOf(a)! > dateOf(b)! ? 1 : 0))
}
