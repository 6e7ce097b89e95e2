import type { ArchiveKind as ArchiveDepartment } from '../archive/archive-kind'
import { isRealIsoDate } from '../time'
import { DomainError } from '../model/domain-error'
import type { ReconciliationRule } from '../policy/reconciliation-policy'
import { normalizeInput } from '../validation/normalize-input'
import type { SystemRecord } from './system-record'
import { reconciliationKey } from './system-record'

// The count the policies ask for (FAW-VW 二4, 五(一)3(2), 五(二)4(3); SVW-Skoda 二.5): the system's list
// for a period against the archives customer care received. An archive in the system with no archive is
// missing unless the policy in force allows the reason (FAW-VW 二5: 未开发票 → 《未上报记录》).

/** An archive customer care holds, as the count sees it. */
export interface ReceivedArchive {
  readonly archiveId: string
  readonly department: ArchiveDepartment
  readonly vin: string
  readonly repairOrderNo: string | null
  /** YYYY-MM-DD (China date) of the delivery (sales) or the car handed back (service); null when unknown. */
  readonly date: string | null
  readonly advisor: string
}

/** An allowed reason, told by the user for one line of the system's list. */
export interface DeclaredException {
  readonly vin: string
  /** Service: the repair order the reason is for. */
  readonly repairOrderNo?: string | null
  /** One of the policy rule's exception codes. */
  readonly code: string
  /** What the user adds, e.g. 客户要求延期开票. */
  readonly note?: string
}

export interface ReconciliationPeriod {
  /** YYYY-MM-DD, both days included. */
  readonly from: string
  readonly to: string
}

export interface ReconcileInput {
  readonly department: ArchiveDepartment
  readonly period: ReconciliationPeriod
  readonly rule: ReconciliationRule
  readonly system: readonly SystemRecord[]
  readonly received: readonly ReceivedArchive[]
  readonly exceptions?: readonly DeclaredException[]
}

export interface ReconciliationLine {
  readonly vin: string
  /** Service: the repair order; sales: ''. */
  readonly repairOrderNo: string
  readonly date: string | null
  readonly advisor: string
  readonly customer: string
  readonly plate: string
  readonly model: string
  /** The row of the system's export; null for an archive the system does not know. */
  readonly sourceRow: number | null
  readonly archiveIds: readonly string[]
}

export interface ExceptedLine extends ReconciliationLine {
  readonly exception: { readonly code: string; readonly label: string; readonly note: string }
}

export interface ReconciliationResult {
  readonly department: ArchiveDepartment
  readonly period: ReconciliationPeriod
  readonly system: string
  readonly clause: string
  /** In the system for the period, with an archive. */
  readonly matched: readonly ReconciliationLine[]
  /** In the system for the period, no archive and no allowed reason. */
  readonly missing: readonly ReconciliationLine[]
  /** In the system for the period, no archive, with a reason the policy allows. */
  readonly excepted: readonly ExceptedLine[]
  /** Archives of the period the system does not list at all. */
  readonly extra: readonly ReconciliationLine[]
  /** Lines of the system's list outside the period, not counted. */
  readonly outsidePeriod: number
}

function assertPeriod(period: ReconciliationPeriod): void {
  if (!isRealIsoDate(period.from) || !isRealIsoDate(period.to) || period.from > period.to)
    throw new DomainError(
      'RECONCILIATION_PERIOD_INVALID',
      `核对期间“${period.from} 至 ${period.to}”无效，开始日期应为不晚于结束日期的有效日期`,
      { from: period.from, to: period.to }
    )
}

const code = (text: string | null | undefined): string => normalizeInput(text ?? '').toUpperCase()
const byDateThenVin = (a: ReconciliationLine, b: ReconciliationLine): number =>
  // Stryker disable next-line StringLiteral: every line is of the period, so its date is never null and the fallback never read
  (a.date ?? '').localeCompare(b.date ?? '') ||
  a.vin.localeCompare(b.vin) ||
  a.repairOrderNo.localeCompare(b.repairOrderNo)

/** Matched, missing, excepted and extra for one department and period. */
export function reconcile(input: ReconcileInput): ReconciliationResult {
  const { department, period, rule } = input
  assertPeriod(period)
  const inPeriod = (date: string | null): boolean =>
    // Stryker disable next-line ConditionalExpression: null >= 'YYYY-MM-DD' is false too; the check is for the type
    date !== null && date >= period.from && date <= period.to
  const keyOf = (vin: string, repairOrderNo: string | null) =>
    reconciliationKey(department, code(vin), code(repairOrderNo))

  const allowed = new Map(rule.exceptions.map((exception) => [exception.code, exception.label]))
  const declared = new Map<string, ExceptedLine['exception']>()
  for (const exception of input.exceptions ?? []) {
    const label = allowed.get(exception.code)
    if (label === undefined)
      throw new DomainError(
        'RECONCILIATION_EXCEPTION_UNKNOWN',
        `“${exception.code}”不是现行制度允许的未上报原因（${rule.system}核对，${rule.clause}）`,
        { code: exception.code, system: rule.system, clause: rule.clause }
      )
    declared.set(keyOf(exception.vin, exception.repairOrderNo ?? null), {
      code: exception.code,
      label,
      note: exception.note?.trim() ?? ''
    })
  }
  // The system's own status may already say it, e.g. a DMS line whose status is 在修.
  const byStatus = (status: string): ExceptedLine['exception'] | undefined => {
    const text = normalizeInput(status)
    const found = rule.exceptions.find((exception) => text === exception.label)
    return found && { code: found.code, label: found.label, note: '' }
  }

  const archivesByKey = new Map<string, ReceivedArchive[]>()
  for (const archive of input.received) {
    if (archive.department !== department) continue
    const key = keyOf(archive.vin, archive.repairOrderNo)
    archivesByKey.set(key, [...(archivesByKey.get(key) ?? []), archive])
  }

  const systemKeys = new Set<string>()
  const matched: ReconciliationLine[] = []
  const missing: ReconciliationLine[] = []
  const excepted: ExceptedLine[] = []
  let outsidePeriod = 0
  for (const record of input.system) {
    const key = keyOf(record.vin, record.repairOrderNo)
    systemKeys.add(key)
    if (!inPeriod(record.date)) {
      outsidePeriod++
      continue
    }
    const archives = archivesByKey.get(key) ?? []
    const line: ReconciliationLine = {
      vin: code(record.vin),
      repairOrderNo: department === 'sales' ? '' : code(record.repairOrderNo),
      date: record.date,
      advisor: record.advisor || (archives[0]?.advisor ?? ''),
      customer: record.customer,
      plate: record.plate,
      model: record.model,
      sourceRow: record.row,
      archiveIds: archives.map((archive) => archive.archiveId)
    }
    if (archives.length > 0) {
      matched.push(line)
      continue
    }
    const exception = declared.get(key) ?? byStatus(record.status)
    if (exception) excepted.push({ ...line, exception })
    else missing.push(line)
  }

  const extra: ReconciliationLine[] = []
  for (const [key, archives] of archivesByKey) {
    if (systemKeys.has(key)) continue
    for (const archive of archives) {
      if (!inPeriod(archive.date)) continue
      extra.push({
        vin: code(archive.vin),
        repairOrderNo: department === 'sales' ? '' : code(archive.repairOrderNo),
        date: archive.date,
        advisor: archive.advisor,
        customer: '',
        plate: '',
        model: '',
        sourceRow: null,
        archiveIds: [archive.archiveId]
      })
    }
  }

  return {
    department,
    period,
    system: rule.system,
    clause: rule.clause,
    matched: matched.sort(byDateThenVin),
    missing: missing.sort(byDateThenVin),
    excepted: excepted.sort(byDateThenVin),
    extra: extra.sort(byDateThenVin),
    outsidePeriod
  }
}

/** The archives the missing lines say are still to come, each with the advisor responsible for it. */
export function expectedArchivesFrom(result: ReconciliationResult): readonly {
  vin: string
  repairOrderNo: string | null
  department: ArchiveDepartment
  advisor: string
  date: string
}[] {
  return result.missing.map((line) => ({
    vin: line.vin,
    repairOrderNo: result.department === 'service' ? line.repairOrderNo : null,
    department: result.department,
    advisor: line.advisor,
    // Stryker disable next-line StringLiteral: a missing line is of the period, so its date is never null
    date: line.date ?? ''
  }))
}
