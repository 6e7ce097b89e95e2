import type { AuditEntry } from '../audit/audit-entry'
import { calendarDaysBetween, isCalendarDate } from '../dates/calendar-period'
import { DomainError } from '../model/domain-error'
import type { Actor, SyncMeta } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import { freeTextOrEmpty, optionalFreeText } from '../validation/free-text'
import type { VehicleFile } from '../vehicle/vehicle-file'
import { keepingText, personNameSchema } from './keeping-text'

// Storage inspections (客户信息管理制度 第14–16条): every half year the whole store is checked and the
// check recorded (第14条); faded writing and damaged material are repaired at once (第15条); damp and
// mould are guarded against (第16条). The record says what was checked, what was found and done, who
// and when; each repair is recorded against its file.

export type StorageCheckItem = 'damp' | 'mould' | 'fading' | 'damage' | 'boxOrder'
export const STORAGE_CHECK_ITEMS: readonly StorageCheckItem[] = ['damp', 'mould', 'fading', 'damage', 'boxOrder']
export const STORAGE_CHECK_LABELS: Record<StorageCheckItem, string> = {
  damp: '防潮（受潮）',
  mould: '防霉（霉变）',
  fading: '字迹变色',
  damage: '材料破损',
  boxOrder: '卷盒排列顺序'
}

/** 第14条: 每半年. */
export const STORAGE_INSPECTION_INTERVAL_MONTHS = 6

export interface StorageCheckResult {
  ok: boolean
  note: string | null
}

export interface StorageInspection extends SyncMeta {
  inspectedOn: string
  inspectorName: string
  /** Where was checked: the whole store, or the cabinets named. */
  scope: string
  dampOk: boolean
  dampNote: string | null
  mouldOk: boolean
  mouldNote: string | null
  fadingOk: boolean
  fadingNote: string | null
  damageOk: boolean
  damageNote: string | null
  boxOrderOk: boolean
  boxOrderNote: string | null
  findings: string
  actions: string
  recordedByName: string
}

export interface StorageInspectionInput {
  inspectedOn: string
  inspectorName: string
  scope: string
  checks: Partial<Record<StorageCheckItem, StorageCheckResult>>
  findings: string
  actions: string
}

const scopeSchema = freeTextOrEmpty({ label: '检查范围', max: 200 })
const findingsSchema = freeTextOrEmpty({ label: '检查发现', max: 1000, multiline: true })
const actionsSchema = freeTextOrEmpty({ label: '处理措施', max: 1000, multiline: true })
const checkNoteSchema = optionalFreeText({ label: '检查说明', max: 200 })

export function checkResultOf(inspection: StorageInspection, item: StorageCheckItem): StorageCheckResult {
  return { ok: inspection[`${item}Ok`], note: inspection[`${item}Note`] }
}

/** A new inspection record; refused when a day is not real or in the future, or a problem is not described. */
export function recordStorageInspection(
  input: StorageInspectionInput,
  today: string,
  id: string,
  actor: Actor,
  at: string
): { inspection: StorageInspection; audit: AuditEntry } {
  if (!isCalendarDate(input.inspectedOn) || input.inspectedOn > today)
    throw new DomainError(
      'STORAGE_INSPECTION_DATE_INVALID',
      `检查日期“${input.inspectedOn}”无效（应为今天或以前的 年-月-日）`,
      {
        value: input.inspectedOn
      }
    )
  const inspectorName = keepingText(personNameSchema, input.inspectorName, 'inspectorName')
  const scope = keepingText(scopeSchema, input.scope, 'scope') || '全部库房'
  const findings = keepingText(findingsSchema, input.findings, 'findings')
  const actions = keepingText(actionsSchema, input.actions, 'actions')
  const results = {} as Record<StorageCheckItem, StorageCheckResult>
  for (const item of STORAGE_CHECK_ITEMS) {
    const given = input.checks[item]
    if (!given)
      throw new DomainError('STORAGE_CHECK_MISSING', `请填写“${STORAGE_CHECK_LABELS[item]}”的检查结果`, {
        item: STORAGE_CHECK_LABELS[item]
      })
    const note = keepingText(checkNoteSchema, given.note, `${item}Note`)
    if (!given.ok && !note)
      throw new DomainError('STORAGE_PROBLEM_UNDESCRIBED', `“${STORAGE_CHECK_LABELS[item]}”有问题，请写明情况`, {
        item: STORAGE_CHECK_LABELS[item]
      })
    results[item] = { ok: given.ok, note }
  }
  const problems = STORAGE_CHECK_ITEMS.filter((item) => !results[item].ok)
  if (problems.length > 0 && actions === '')
    throw new DomainError(
      'STORAGE_ACTIONS_REQUIRED',
      '检查发现问题，请填写处理措施（第15、16条：及时修复，做好防潮防霉）'
    )
  const inspection: StorageInspection = {
    ...newSyncMeta(id, actor, at),
    inspectedOn: input.inspectedOn,
    inspectorName,
    scope,
    dampOk: results.damp.ok,
    dampNote: results.damp.note,
    mouldOk: results.mould.ok,
    mouldNote: results.mould.note,
    fadingOk: results.fading.ok,
    fadingNote: results.fading.note,
    damageOk: results.damage.ok,
    damageNote: results.damage.note,
    boxOrderOk: results.boxOrder.ok,
    boxOrderNote: results.boxOrder.note,
    findings,
    actions,
    recordedByName: actor.operatorName
  }
  return {
    inspection,
    audit: {
      action: 'storage.inspect',
      entity: 'storageInspection',
      entityId: id,
      changes: { inspectedOn: [null, input.inspectedOn], problems: [null, problems.join(',') || null] },
      summary: `库房保管检查 ${input.inspectedOn}（${problems.length ? `发现 ${problems.length} 项问题` : '未见问题'}）`
    }
  }
}

/** The day N months after `date`, the 31st falling back to the month's last day. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const index = y * 12 + (m - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export interface StorageInspectionDue {
  /** The day the next half-yearly inspection falls due; today when none was ever recorded. */
  dueOn: string
  lastInspectedOn: string | null
  /** Due today or earlier: the work list shows the reminder. */
  due: boolean
  /** Days past the due day (0 when due today or not yet due). */
  daysOverdue: number
}

/** When the next inspection is due, from the latest recorded one (第14条: every half year). */
export function storageInspectionDue(inspectedOn: readonly string[], today: string): StorageInspectionDue {
  const last = inspectedOn.reduce<string | null>((max, d) => (max === null || d > max ? d : max), null)
  const dueOn = last === null ? today : addMonths(last, STORAGE_INSPECTION_INTERVAL_MONTHS)
  const daysOverdue = Math.max(0, calendarDaysBetween(dueOn, today))
  return { dueOn, lastInspectedOn: last, due: dueOn <= today, daysOverdue }
}

// 第15条: a faded or damaged file repaired, recorded against the file (and the inspection that found it).

export type FileRepairProblem = 'fading' | 'damage' | 'mould' | 'damp'
export const FILE_REPAIR_PROBLEMS: readonly FileRepairProblem[] = ['fading', 'damage', 'mould', 'damp']
export const FILE_REPAIR_PROBLEM_LABELS: Record<FileRepairProblem, string> = {
  fading: '字迹变色',
  damage: '材料破损',
  mould: '霉变',
  damp: '受潮'
}

export interface FileRepair extends SyncMeta {
  vehicleFileId: string
  inspectionId: string | null
  problem: FileRepairProblem
  description: string
  repair: string
  repairedOn: string
  repairedByName: string
}

export interface FileRepairInput {
  problem: string
  description: string
  repair: string
  repairedOn: string
  repairedByName: string
  inspectionId?: string | null
}

const descriptionSchema = freeTextOrEmpty({ label: '损坏情况', max: 300 })
const repairSchema = freeTextOrEmpty({ label: '修复措施', max: 300 })

/** A repair of `file`; a destroyed file has no paper left to repair. */
export function recordFileRepair(
  file: Pick<VehicleFile, 'id' | 'archiveNo' | 'status'>,
  input: FileRepairInput,
  today: string,
  id: string,
  actor: Actor,
  at: string
): { repair: FileRepair; audit: AuditEntry } {
  const { archiveNo } = file
  if (file.status === 'destroyed')
    throw new DomainError('FILE_DESTROYED', `档案 ${archiveNo} 已销毁，只保留销毁记录，不能修改`, { archiveNo })
  const problem = FILE_REPAIR_PROBLEMS.find((p) => p === input.problem)
  if (!problem) throw new DomainError('FILE_REPAIR_PROBLEM_INVALID', '请选择问题：字迹变色、材料破损、霉变或受潮')
  if (!isCalendarDate(input.repairedOn) || input.repairedOn > today)
    throw new DomainError(
      'FILE_REPAIR_DATE_INVALID',
      `修复日期“${input.repairedOn}”无效（应为今天或以前的 年-月-日）`,
      {
        value: input.repairedOn
      }
    )
  const description = keepingText(descriptionSchema, input.description, 'description')
  const repair = keepingText(repairSchema, input.repair, 'repair')
  if (description === '' || repair === '')
    throw new DomainError(
      'FILE_REPAIR_TEXT_REQUIRED',
      '请写明损坏情况和修复措施（如：发票字迹褪色，已复印并加盖“与原件核对无误”章）'
    )
  const repairedByName = keepingText(personNameSchema, input.repairedByName, 'repairedByName')
  return {
    repair: {
      ...newSyncMeta(id, actor, at),
      vehicleFileId: file.id,
      inspectionId: input.inspectionId ?? null,
      problem,
      description,
      repair,
      repairedOn: input.repairedOn,
      repairedByName
    },
    audit: {
      action: 'file.repair',
      entity: 'vehicleFile',
      entityId: file.id,
      changes: { problem: [null, problem], repair: [null, repair] },
      summary: `档案 ${archiveNo} 修复（${FILE_REPAIR_PROBLEM_LABELS[problem]}）`
    }
  }
}
