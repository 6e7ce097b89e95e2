import type { PrintStamp } from '../audit/print-record'
import type { ExportTable } from '../export/xlsx-export'
import { capitalYuan } from './capital-amount'
import type { FineNoticeInput, FineNoticeLine, FineNoticePerson } from './fine-notice'
import { decidedFineLines, fineTotals, monthText } from './fine-notice'
import type { FinesPolicy } from '../policy/fine-schedule'
import type { FineLine } from './violation'
import type { ViolationRecord, ViolationStatus } from './violation-record'

// 月度奖罚明细: one person's whole month as the record holds it — what is charged (the notice's lines),
// what was waived and why, what still waits for the director — and the payroll export of every person's
// month (one row each). Both read the amounts through decidedFineLines, as the notice does.

export const FINE_STATEMENT_TITLE = '月度奖罚明细'

/** A violation that is on the statement without an amount: waived (with the reason) or still proposed. */
export interface FineStatementEntry {
  violationId: string
  day: string
  clause: string
  archiveNo: string
  reason: string
  status: ViolationStatus
  /** The waiver's reason and approver; absent while proposed. */
  decision?: string
}

export interface FineStatement extends PrintStamp {
  title: typeof FINE_STATEMENT_TITLE
  dealershipName: string
  person: FineNoticePerson
  month: string
  monthText: string
  charged: FineNoticeLine[]
  waived: FineStatementEntry[]
  undecided: FineStatementEntry[]
  totalYuan: number
  totalKpiPoints: number
  totalCapital: string
  payCutPercent: number | null
}

const entryOf = (v: ViolationRecord): FineStatementEntry => ({
  violationId: v.id,
  day: v.occurredOn,
  clause: v.clause,
  archiveNo: v.archiveNo ?? '',
  reason: v.reason,
  status: v.status,
  ...(v.decision ? { decision: `${v.decision.reason}（${v.decision.by}）` } : {})
})

const byDay = (a: FineStatementEntry, b: FineStatementEntry) =>
  a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.violationId < b.violationId ? -1 : 1

export function buildFineStatement(input: FineNoticeInput): FineStatement {
  const text = monthText(input.month)
  const { lines } = decidedFineLines(input.person.id, input.month, input.violations, input.lines, input.fines)
  const totals = fineTotals(lines)
  const mine = input.violations.filter((v) => v.personId === input.person.id && v.month === input.month)
  const payCut = input.payCutPercent ?? null
  return {
    title: FINE_STATEMENT_TITLE,
    dealershipName: input.dealershipName,
    person: input.person,
    month: input.month,
    monthText: text,
    charged: lines,
    waived: mine
      .filter((v) => v.status === 'waived')
      .map(entryOf)
      .sort(byDay),
    undecided: mine
      .filter((v) => v.status === 'proposed')
      .map(entryOf)
      .sort(byDay),
    totalYuan: totals.yuan,
    totalKpiPoints: totals.kpiPoints,
    totalCapital: capitalYuan(totals.yuan),
    payCutPercent: payCut !== null && payCut > 0 ? payCut : null,
    printedBy: input.printedBy,
    printedAt: input.printedAt,
    auditHead: input.auditHead
  }
}

/** One person's month for payroll. */
export interface PayrollPerson {
  person: FineNoticePerson
  /** SVW-Skoda 五.6: the cut a manager set; absent or 0: none. */
  payCutPercent?: number | null
}

export interface PayrollInput {
  month: string
  people: readonly PayrollPerson[]
  violations: readonly ViolationRecord[]
  lines: readonly FineLine[]
  fines: Pick<FinesPolicy, 'rules'>
}

export const PAYROLL_HEADERS = [
  '月份',
  '人员编号',
  '姓名',
  '岗位',
  '部门',
  '罚款（元）',
  '罚款（大写）',
  '考核扣分',
  '绩效工资扣罚（%）',
  '计罚条数',
  '待确认条数'
] as const

export interface PayrollRow {
  personId: string
  name: string
  yuan: number
  kpiPoints: number
  payCutPercent: number
  lines: number
  undecided: number
}

/** Every listed person's month, in the order given: decided amounts only; undecided counted beside. */
export function payrollRows(input: PayrollInput): PayrollRow[] {
  monthText(input.month)
  return input.people.map(({ person, payCutPercent }) => {
    const { lines, undecided } = decidedFineLines(person.id, input.month, input.violations, input.lines, input.fines)
    const totals = fineTotals(lines)
    return {
      personId: person.id,
      name: person.name,
      yuan: totals.yuan,
      kpiPoints: totals.kpiPoints,
      payCutPercent: payCutPercent ?? 0,
      lines: lines.length,
      undecided
    }
  })
}

/** The payroll sheet: one row per person; amounts as text with two decimals, so Excel shows what was printed. */
export function payrollTable(input: PayrollInput): ExportTable {
  const rows = payrollRows(input)
  return {
    sheetName: `${input.month} 奖罚汇总`,
    headers: PAYROLL_HEADERS,
    rows: rows.map((row, i) => {
      const person = input.people[i]!.person
      return [
        input.month,
        person.id,
        person.name,
        person.roleLabel,
        person.department,
        row.yuan.toFixed(2),
        capitalYuan(row.yuan),
        String(row.kpiPoints),
        String(row.payCutPercent),
        String(row.lines),
        String(row.undecided)
      ]
    })
  }
}
