import type { WorkingCalendar } from '../calendar'
import { chinaDateTimeText } from '../time'
import { computeDeadline } from '../deadlines/compute-deadline'
import type { DeadlineRule, Policy } from '../policy'
import type { ExceptedLine, ReconciliationLine, ReconciliationResult } from './reconcile'
import { systemFieldLabel } from './system-record'

// The data of the two printed reports, as rows: 《档案缺失报告》 (FAW-VW 二4: archives fewer than the
// system's count, handed in within 2 days) and 《未上报记录》 (二5: the reason and the vehicle's details).
// Customer names stay off both: the vehicle identifies the file.

export interface ReportSection {
  readonly heading: string
  readonly columns: readonly string[]
  readonly rows: readonly (readonly string[])[]
}

export interface ReconciliationReport {
  readonly title: string
  readonly dealershipName: string
  /** Label and value pairs printed under the title. */
  readonly facts: readonly { readonly label: string; readonly value: string }[]
  readonly sections: readonly ReportSection[]
  readonly summary: string
  /** The signature lines at the foot, one per signer. */
  readonly signOff: readonly string[]
}

export interface ReconciliationReportInput {
  readonly result: ReconciliationResult
  readonly policy: Pick<Policy, 'deadlines' | 'signOff'>
  /** The instant of the count (ISO). */
  readonly reconciledAt: string
  readonly calendar: WorkingCalendar
  readonly dealershipName: string
  /** Who counted, printed as 核对人. */
  readonly preparedBy: string
}

const DEPARTMENT_LABELS = { sales: '销售部', service: '服务部' } as const
const WEEKDAY_LABELS = ['一', '二', '三', '四', '五', '六', '日'] as const

/** The policy's deadline rule in words, saying which calendar it counts on. */
export function describeReportDeadline(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'calendar_days_after':
      return `核对后${rule.days}个自然日内（节假日照常计算）`
    case 'working_days_after':
      return `核对后${rule.days}个工作日内（按法定节假日及本店调休）`
    case 'hours_after':
      return `核对后${rule.hours}小时内`
    case 'next_weekday':
      return `核对后的下一个星期${WEEKDAY_LABELS[rule.weekday - 1]}（遇节假日顺延）`
    case 'days_after_at_time':
      return `核对后第${rule.days}个工作日${rule.time}前`
  }
}

/** When the 《档案缺失报告》 is due, from the policy in force. */
export function missingArchiveReportDeadline(
  policy: Pick<Policy, 'deadlines'>,
  reconciledAt: string,
  calendar: WorkingCalendar
): { dueAt: string; rule: string; clause: string } {
  const { rule, clause } = policy.deadlines.missingArchiveReport
  return { dueAt: computeDeadline(rule, reconciledAt, calendar), rule: describeReportDeadline(rule), clause }
}

function lineColumns(result: ReconciliationResult): string[] {
  const { department } = result
  return [
    '序号',
    systemFieldLabel('vin', department),
    ...(department === 'service' ? [systemFieldLabel('repairOrderNo', department)] : []),
    systemFieldLabel('date', department),
    systemFieldLabel('advisor', department),
    systemFieldLabel('plate', department),
    systemFieldLabel('model', department)
  ]
}

function lineCells(result: ReconciliationResult, line: ReconciliationLine, index: number): string[] {
  return [
    String(index + 1),
    line.vin,
    ...(result.department === 'service' ? [line.repairOrderNo] : []),
    // Stryker disable next-line StringLiteral: every line of the count is of the period, so its date is never null
    line.date ?? '',
    line.advisor,
    line.plate,
    line.model
  ]
}

function commonFacts(input: ReconciliationReportInput): { label: string; value: string }[] {
  const { result } = input
  return [
    { label: '部门', value: DEPARTMENT_LABELS[result.department] },
    { label: '核对系统', value: result.system },
    { label: '核对期间', value: `${result.period.from} 至 ${result.period.to}` },
    { label: '核对时间', value: chinaDateTimeText(input.reconciledAt) },
    { label: '核对人', value: input.preparedBy }
  ]
}

function signOffLines(input: ReconciliationReportInput): string[] {
  const block = input.policy.signOff.block
  if (block.length > 0) return [...block]
  return ['档案管理员', input.result.department === 'sales' ? '销售经理' : '服务经理', '客服经理']
}

function countSummary(result: ReconciliationResult): string {
  const listed = result.matched.length + result.missing.length + result.excepted.length
  return (
    `系统记录 ${listed} 条：已收档案 ${result.matched.length} 份，缺失 ${result.missing.length} 份，` +
    `未上报（允许例外）${result.excepted.length} 份；系统中无记录的档案 ${result.extra.length} 份`
  )
}

/** 《档案缺失报告》: the missing archives with the advisor responsible, the archives the system does not know, and the deadline. */
export function buildMissingArchiveReport(input: ReconciliationReportInput): ReconciliationReport {
  const { result } = input
  const deadline = missingArchiveReportDeadline(input.policy, input.reconciledAt, input.calendar)
  const columns = lineColumns(result)
  return {
    title: '档案缺失报告',
    dealershipName: input.dealershipName,
    facts: [
      ...commonFacts(input),
      {
        label: '补交期限',
        value: `${chinaDateTimeText(deadline.dueAt)} 前（${deadline.rule}；${deadline.clause}）`
      },
      { label: '依据', value: result.clause }
    ],
    sections: [
      {
        heading: `系统有记录、未收到档案（${result.missing.length} 份）`,
        columns,
        rows: result.missing.map((line, index) => lineCells(result, line, index))
      },
      {
        heading: `已收档案、系统中无记录（${result.extra.length} 份）`,
        columns,
        rows: result.extra.map((line, index) => lineCells(result, line, index))
      }
    ],
    summary: countSummary(result),
    signOff: signOffLines(input)
  }
}

function exceptionReason(line: ExceptedLine): string {
  return line.exception.note ? `${line.exception.label}（${line.exception.note}）` : line.exception.label
}

/** 《未上报记录》: each file not handed in for an allowed reason, with the reason and the vehicle's details. */
export function buildUnreportedRecord(input: ReconciliationReportInput): ReconciliationReport {
  const { result } = input
  return {
    title: '未上报记录',
    dealershipName: input.dealershipName,
    facts: [...commonFacts(input), { label: '依据', value: result.clause }],
    sections: [
      {
        heading: `未上报档案（${result.excepted.length} 份）`,
        columns: [...lineColumns(result), '未上报原因'],
        rows: result.excepted.map((line, index) => [...lineCells(result, line, index), exceptionReason(line)])
      }
    ],
    summary: countSummary(result),
    signOff: signOffLines(input)
  }
}
