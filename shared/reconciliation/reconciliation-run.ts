import type { ArchiveKind as ArchiveDepartment } from '../archive/archive-kind'
import type { Actor, SyncMeta } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { ExceptedLine, ReconciliationLine, ReconciliationResult } from './reconcile'
import { reconciliationKey } from './system-record'

// A count kept as evidence: the run (who, when, which period, under which policy, the counts, the
// 《档案缺失报告》 deadline) and its lines as flat child rows. The missing lines are the archives still
// expected from the advisors: on the work list until the archive arrives, and the input of archive_missing.

export type ReconciliationOutcome = 'matched' | 'missing' | 'excepted' | 'extra'

export const RECONCILIATION_OUTCOMES: readonly ReconciliationOutcome[] = ['matched', 'missing', 'excepted', 'extra']

export interface ReconciliationRunRow extends SyncMeta {
  department: ArchiveDepartment
  periodFrom: string
  periodTo: string
  system: string
  clause: string
  policyId: string
  policyVersion: number
  reconciledAt: string
  reconciledBy: string
  matched: number
  missing: number
  excepted: number
  extra: number
  outsidePeriod: number
  /** When the 《档案缺失报告》 of this count is due (the policy's deadline from the count). */
  reportDueAt: string
}

export interface ReconciliationLineRow extends SyncMeta {
  reconciliationId: string
  outcome: ReconciliationOutcome
  department: ArchiveDepartment
  vin: string
  repairOrderNo: string
  date: string | null
  advisor: string
  plate: string
  model: string
  sourceRow: number | null
  /** The matching archives' ids, space-separated ('' for none). */
  archiveIds: string
  exceptionCode: string | null
  exceptionLabel: string | null
  exceptionNote: string | null
}

export interface RunContext {
  id: string
  actor: Actor
  at: string
  reconciledBy: string
  policyId: string
  policyVersion: number
  reportDueAt: string
  newId: () => string
}

/** The rows that keep a count: the run and one line per matched, missing, excepted and extra archive. */
export function reconciliationRows(
  result: ReconciliationResult,
  context: RunContext
): { run: ReconciliationRunRow; lines: ReconciliationLineRow[] } {
  const run: ReconciliationRunRow = {
    ...newSyncMeta(context.id, context.actor, context.at),
    department: result.department,
    periodFrom: result.period.from,
    periodTo: result.period.to,
    system: result.system,
    clause: result.clause,
    policyId: context.policyId,
    policyVersion: context.policyVersion,
    reconciledAt: context.at,
    reconciledBy: context.reconciledBy,
    matched: result.matched.length,
    missing: result.missing.length,
    excepted: result.excepted.length,
    extra: result.extra.length,
    outsidePeriod: result.outsidePeriod,
    reportDueAt: context.reportDueAt
  }
  const lineRow = (outcome: ReconciliationOutcome, line: ReconciliationLine | ExceptedLine): ReconciliationLineRow => {
    const exception = 'exception' in line ? line.exception : null
    return {
      ...newSyncMeta(context.newId(), context.actor, context.at),
      reconciliationId: context.id,
      outcome,
      department: result.department,
      vin: line.vin,
      repairOrderNo: line.repairOrderNo,
      date: line.date,
      advisor: line.advisor,
      plate: line.plate,
      model: line.model,
      sourceRow: line.sourceRow,
      archiveIds: line.archiveIds.join(' '),
      exceptionCode: exception?.code ?? null,
      exceptionLabel: exception?.label ?? null,
      exceptionNote: exception?.note ?? null
    }
  }
  const lines = [
    ...result.matched.map((line) => lineRow('matched', line)),
    ...result.missing.map((line) => lineRow('missing', line)),
    ...result.excepted.map((line) => lineRow('excepted', line)),
    ...result.extra.map((line) => lineRow('extra', line))
  ]
  return { run, lines }
}

function lineOf(row: ReconciliationLineRow): ReconciliationLine {
  return {
    vin: row.vin,
    repairOrderNo: row.repairOrderNo,
    date: row.date,
    advisor: row.advisor,
    customer: '',
    plate: row.plate,
    model: row.model,
    sourceRow: row.sourceRow,
    archiveIds: row.archiveIds === '' ? [] : row.archiveIds.split(' ')
  }
}

/** A kept count read back as the result its reports and export are made from. */
export function resultOfRun(run: ReconciliationRunRow, lines: readonly ReconciliationLineRow[]): ReconciliationResult {
  // The count's own order: by date, then VIN, then repair order.
  const of = (outcome: ReconciliationOutcome) =>
    lines
      .filter((row) => row.outcome === outcome)
      .sort(
        (a, b) =>
          (a.date ?? '').localeCompare(b.date ?? '') ||
          a.vin.localeCompare(b.vin) ||
          a.repairOrderNo.localeCompare(b.repairOrderNo)
      )
  return {
    department: run.department,
    period: { from: run.periodFrom, to: run.periodTo },
    system: run.system,
    clause: run.clause,
    matched: of('matched').map(lineOf),
    missing: of('missing').map(lineOf),
    excepted: of('excepted').map((row) => ({
      ...lineOf(row),
      exception: { code: row.exceptionCode ?? '', label: row.exceptionLabel ?? '', note: row.exceptionNote ?? '' }
    })),
    extra: of('extra').map(lineOf),
    outsidePeriod: run.outsidePeriod
  }
}

/** An archive a count found missing and that has not arrived since: on the work list, and the input of archive_missing. */
export interface ExpectedArchive {
  department: ArchiveDepartment
  vin: string
  /** Service: the repair order; sales: ''. */
  repairOrderNo: string
  /** Delivery (sales) or settlement (service) date from the system. */
  date: string
  /** The advisor responsible for handing it in. */
  advisor: string
  plate: string
  model: string
  reconciliationId: string
  reconciledAt: string
  /** When the 《档案缺失报告》 of that count was due. */
  reportDueAt: string
}

/**
 * The archives still expected: for each key, the latest count that listed it decides (a later count that
 * found it, or excepted it, closes it); a key an archive has arrived for since is closed too. Oldest first.
 */
export function expectedArchives(
  runs: readonly ReconciliationRunRow[],
  lines: readonly ReconciliationLineRow[],
  received: ReadonlySet<string>
): ExpectedArchive[] {
  const runById = new Map(runs.filter((run) => !run.deletedAt).map((run) => [run.id, run]))
  const latest = new Map<string, { line: ReconciliationLineRow; run: ReconciliationRunRow }>()
  for (const line of lines) {
    const run = runById.get(line.reconciliationId)
    if (!run || line.deletedAt || line.outcome === 'extra') continue
    const key = `${line.department}:${reconciliationKey(line.department, line.vin, line.repairOrderNo)}`
    const seen = latest.get(key)
    if (!seen || seen.run.reconciledAt < run.reconciledAt) latest.set(key, { line, run })
  }
  const open: ExpectedArchive[] = []
  for (const [key, { line, run }] of latest) {
    if (line.outcome !== 'missing' || received.has(key)) continue
    open.push({
      department: line.department,
      vin: line.vin,
      repairOrderNo: line.repairOrderNo,
      date: line.date ?? '',
      advisor: line.advisor,
      plate: line.plate,
      model: line.model,
      reconciliationId: run.id,
      reconciledAt: run.reconciledAt,
      reportDueAt: run.reportDueAt
    })
  }
  return open.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || a.vin.localeCompare(b.vin) || a.repairOrderNo.localeCompare(b.repairOrderNo)
  )
}

/** The key an archive received is known by in `expectedArchives`. */
export function receivedKey(department: ArchiveDepartment, vin: string, repairOrderNo: string | null): string {
  return `${department}:${reconciliationKey(department, vin, (repairOrderNo ?? '').toUpperCase())}`
}
