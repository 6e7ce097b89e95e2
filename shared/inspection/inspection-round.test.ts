import { describe, expect, it } from 'vitest'
import type { ArchiveRecord, InspectionRecord } from '../archive'
import {
  AWAITING_RESUBMISSION_STATUSES,
  IN_CORRECTION_STATUSES,
  INSPECTABLE_STATUSES,
  READY_TO_FILE_STATUSES
} from '../archive'
import { createWorkingCalendar } from '../calendar'
import { isDomainError } from '../model/domain-error'
import type { Actor } from '../model/sync-meta'
import { getPreset } from '../policy'
import type { ArchiveInput } from '../rules'
import { evaluateArchive } from '../rules'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE, withFacts } from '../../tests/fixtures/example-archives'
import type { VehicleFile } from '../vehicle/vehicle-file'
import { buildCorrectionNotice, correctionNoticePrintEntry, noticeRound } from './correction-notice'
import type { InspectionRoundFacts } from './inspection-round'
import {
  assertInspectable,
  fileStep,
  planInspectionRound,
  readShelfLocation,
  resubmitStep,
  saveProgressStep
} from './inspection-round'
import { DEFAULT_RULE_CONTEXT } from '../rules/rule-context'

const FAW_VW = getPreset('faw-vw')
const SVW_SKODA = getPreset('svw-skoda')
const calendar = createWorkingCalendar()
const actor: Actor = { operatorId: 'op-liumin', operatorName: '刘敏', deviceId: 'pc-1' }
const monday = new Date('2026-03-09T02:00:00Z')
const passed = allManualChecksPassed(FAW_VW.archiveTemplates.sales)
const late = withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': '2026-03-06 16:00' })

function refusal(run: () => unknown): { code: string; details: Readonly<Record<string, string>> } {
  try {
    run()
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, details: error.details }
    throw error
  }
  throw new Error('not refused')
}

const archive: ArchiveRecord = {
  id: 'a-1',
  createdAt: '2026-03-09T01:00:00.000Z',
  createdBy: 'op',
  updatedAt: '2026-03-09T01:00:00.000Z',
  updatedBy: 'op',
  rev: 4,
  deletedAt: null,
  vehicleFileId: 'vf-1',
  kind: 'sales',
  visitType: null,
  repairOrderNo: null,
  status: 'handed_over',
  policyId: FAW_VW.id,
  policyVersion: FAW_VW.version,
  department: 'sales',
  advisorName: '李明',
  anchorAt: '2026-03-05T01:00:00.000Z',
  handInDueAt: '2026-03-09T01:00:00.000Z',
  handoverId: 'h-1',
  handoverLine: 1,
  handedOverAt: '2026-03-09T01:00:00.000Z',
  missingNote: null,
  input: '{}',
  manual: '{}',
  round: 0,
  correctionDueAt: null,
  location: null
}

function facts(input: ArchiveInput, over: Partial<InspectionRoundFacts> = {}): InspectionRoundFacts {
  return {
    policy: FAW_VW,
    archive,
    openedRev: archive.rev,
    previous: undefined,
    input,
    manual: passed,
    evaluation: evaluateArchive(FAW_VW, input, passed, DEFAULT_RULE_CONTEXT),
    calendar,
    noticeCounter: 0,
    inspectionId: 'i-1',
    inspectorName: '刘敏',
    actor,
    at: monday,
    ...over
  }
}

describe('status lists read from the archive transition table', () => {
  it('names where a round can be kept and judged, what is out for correction, and what waits for its place', () => {
    expect(INSPECTABLE_STATUSES).toEqual(['handed_over', 'inspecting', 'resubmitted'])
    expect(IN_CORRECTION_STATUSES).toEqual(['nonconforming', 'returned'])
    expect(AWAITING_RESUBMISSION_STATUSES).toEqual(['returned'])
    expect(READY_TO_FILE_STATUSES).toEqual(['accepted'])
  })
})

describe('an inspection round', () => {
  it('accepts a conforming archive in one round, drawing no notice number', () => {
    const plan = planInspectionRound(facts(FAW_VW_SALES_EXAMPLE))
    expect(plan.steps.map((s) => s.record.status)).toEqual(['inspecting', 'accepted'])
    expect(plan.steps.at(-1)!.record).toMatchObject({ round: 1, rev: archive.rev + 2, correctionDueAt: null })
    expect(plan.inspection).toMatchObject({
      round: 1,
      verdict: 'accepted',
      noticeNumber: null,
      returnedUnchanged: false
    })
    expect(plan.noticeCounter).toBeNull()
    expect(plan.steps.map((s) => s.audit.summary)).toEqual(['第 1 轮检查开始', '第 1 轮检查合格'])
    expect(JSON.parse(plan.inspection.failures)).toMatchObject({ items: [] })
  })

  it('a round after an accepted one is not a file returned unchanged, and records what it found', () => {
    const previous = { verdict: 'accepted', input: JSON.stringify(late) } as InspectionRecord
    const evaluation = evaluateArchive(FAW_VW, late, passed, DEFAULT_RULE_CONTEXT)
    const plan = planInspectionRound(facts(late, { previous, evaluation }))
    expect(plan.inspection.returnedUnchanged).toBe(false)
    expect(JSON.parse(plan.inspection.failures).items).toHaveLength(evaluation.failures.length)
    expect(evaluation.failures.length).toBeGreaterThan(0)
    expect(plan.steps[1]!.audit.summary).toBe(`第 1 轮检查不合格：${evaluation.failures.length} 项`)
  })

  it('returns a nonconforming one with the 24-hour deadline (FAW-VW 二3) and the year’s next notice number', () => {
    const plan = planInspectionRound(
      facts(late, { evaluation: evaluateArchive(FAW_VW, late, passed, DEFAULT_RULE_CONTEXT), noticeCounter: 6 })
    )
    expect(plan.steps.map((s) => s.record.status)).toEqual(['inspecting', 'nonconforming', 'returned'])
    expect(plan.steps.at(-1)!.record.correctionDueAt).toBe('2026-03-10T02:00:00.000Z')
    expect(plan.inspection).toMatchObject({ verdict: 'nonconforming', noticeNumber: 'BHG2026-0007' })
    expect(plan.noticeCounter).toEqual({ id: 'correctionNotice:2026', value: 7 })
    expect(plan.steps.at(-1)!.audit.summary).toMatch(/^退回整改，限 2026-03-10 10:00 前交回$/)
  })

  it('records a file returned unchanged after a nonconforming round (FAW-VW 4(6))', () => {
    const previous = { verdict: 'nonconforming', input: JSON.stringify(late) } as InspectionRecord
    const resubmitted = { ...archive, status: 'resubmitted' as const, round: 1 }
    const plan = planInspectionRound(
      facts(late, {
        archive: resubmitted,
        previous,
        evaluation: evaluateArchive(FAW_VW, late, passed, DEFAULT_RULE_CONTEXT)
      })
    )
    expect(plan.inspection).toMatchObject({ round: 2, returnedUnchanged: true })
    expect(plan.steps[1]!.audit.summary).toContain('（整改后原样交回）')
  })

  it('refuses a verdict while items are open, and when someone changed the archive meanwhile', () => {
    const open = facts(FAW_VW_SALES_EXAMPLE, {
      manual: {},
      evaluation: evaluateArchive(FAW_VW, FAW_VW_SALES_EXAMPLE, {}, DEFAULT_RULE_CONTEXT)
    })
    const incomplete = refusal(() => planInspectionRound(open))
    expect(incomplete.code).toBe('INSPECTION_INCOMPLETE')
    expect(incomplete.details.openItems).toMatch(/^[1-9]\d*$/)
    expect(() => planInspectionRound(open)).toThrow(
      `还有 ${incomplete.details.openItems} 项未检查完（未勾选的人工检查项或未录入的信息），请检查完再判定`
    )
    expect(refusal(() => planInspectionRound(facts(FAW_VW_SALES_EXAMPLE, { openedRev: 3 }))).code).toBe('STALE_WRITE')
    expect(() => planInspectionRound(facts(FAW_VW_SALES_EXAMPLE, { openedRev: 3 }))).toThrow(
      '该档案在您检查期间已被他人修改，请重新打开'
    )
  })

  it('keeps progress only while the archive is in inspection, and writes nothing when nothing changed', () => {
    const same = { ...archive, input: JSON.stringify(FAW_VW_SALES_EXAMPLE) }
    const ticked = { 'sales.invoice.present': { passed: true } }
    const kept = saveProgressStep(same, FAW_VW_SALES_EXAMPLE, ticked, '2026-03-09T03:00:00.000Z', 'op')
    expect(kept?.record.rev).toBe(5)
    expect(kept?.audit).toEqual({
      action: 'update',
      entity: 'archive',
      entityId: 'a-1',
      changes: { input: [same.input, kept!.record.input], manual: ['{}', kept!.record.manual] },
      summary: '保存检查进度'
    })
    expect(saveProgressStep(same, FAW_VW_SALES_EXAMPLE, {}, '2026-03-09T03:00:00.000Z', 'op')).toBeNull()
    expect(refusal(() => assertInspectable({ status: 'filed' }))).toEqual({
      code: 'ARCHIVE_LOCKED',
      details: { status: '已归档' }
    })
    expect(() => assertInspectable({ status: 'filed' })).toThrow('档案当前为“已归档”，不能修改检查内容')
  })

  it('says how late a corrected file came back', () => {
    const returned = { ...archive, status: 'returned' as const, correctionDueAt: '2026-03-10T02:00:00.000Z' }
    expect(resubmitStep(returned, '2026-03-10T01:00:00.000Z', 'op').audit.summary).toBe('整改后交回')
    expect(resubmitStep(returned, '2026-03-10T02:00:00.000Z', 'op').audit.summary).toBe('整改后交回')
    expect(resubmitStep(returned, '2026-03-11T01:00:00.000Z', 'op').audit.summary).toBe(
      '整改后交回（逾期，应于 2026-03-10 10:00 前）'
    )
  })

  it('keeps when the corrected file came back and the deadline then in force on the next round (fines read them)', () => {
    const returned = { ...archive, status: 'returned' as const, correctionDueAt: '2026-03-10T02:00:00.000Z' }
    const back = resubmitStep(returned, '2026-03-11T01:00:00.000Z', 'op').record
    expect(back.resubmittedAt).toBe('2026-03-11T01:00:00.000Z')
    const next = planInspectionRound(
      facts(FAW_VW_SALES_EXAMPLE, {
        archive: back,
        openedRev: back.rev,
        evaluation: evaluateArchive(FAW_VW, FAW_VW_SALES_EXAMPLE, passed, DEFAULT_RULE_CONTEXT)
      })
    )
    expect(next.inspection).toMatchObject({
      resubmittedAt: '2026-03-11T01:00:00.000Z',
      resubmissionDueAt: '2026-03-10T02:00:00.000Z'
    })
  })

  it('files to a place typed 柜-层-盒', () => {
    expect(readShelfLocation(' a3-2-15 ')).toBe('A3-2-15')
    expect(refusal(() => readShelfLocation('三号柜'))).toEqual({
      code: 'LOCATION_INVALID',
      details: { field: 'location' }
    })
    expect(() => readShelfLocation('三号柜')).toThrow('存放位置请按 柜-层-盒 填写，如 A3-2-15')
    const accepted = { ...archive, status: 'accepted' as const }
    const filed = fileStep(accepted, 'A3-2-15', '2026-03-10T01:00:00.000Z', 'op')
    expect(filed.record).toMatchObject({ status: 'filed', location: 'A3-2-15' })
    expect(filed.audit.summary).toBe('归档入柜 A3-2-15')
  })
})

describe('the 《不合格档案记录》 from the data', () => {
  const plan = planInspectionRound(
    facts(late, { evaluation: evaluateArchive(FAW_VW, late, passed, DEFAULT_RULE_CONTEXT) })
  )
  const returned = plan.steps.at(-1)!.record
  const file = { archiveNo: 'FW-2026-000871', vin: 'LFV2A21K4S1234567', plate: null, ownerName: '张伟' } as VehicleFile
  const failures = evaluateArchive(FAW_VW, late, passed, DEFAULT_RULE_CONTEXT).failures

  it('is for the latest round only when that round was nonconforming', () => {
    const later = { ...plan.inspection, round: 2 }
    expect(noticeRound([later, plan.inspection])).toBe(later)
    expect(refusal(() => noticeRound([{ ...plan.inspection, verdict: 'accepted' }])).code).toBe('NOTICE_NONE')
    expect(refusal(() => noticeRound([])).code).toBe('NOTICE_NONE')
  })

  it('FAW-VW 二3「进行《不合格档案记录》」: titled so, from 销售部, citing the sales clause', () => {
    const notice = buildCorrectionNotice(FAW_VW, returned, file, plan.inspection, failures, '长春一汽大众4S店')
    expect(notice).toMatchObject({
      title: '不合格档案记录',
      number: 'BHG2026-0001',
      departmentLabel: '销售部',
      archiveLabel: '销售档案',
      responsibleName: '李明',
      dueAt: '2026-03-10T02:00:00.000Z',
      confirmerRole: null
    })
    expect(notice.dueRule).toBe('一汽大众 二3、一汽大众 五(一)3(3)：退回后24 小时内整改完毕（自退回整改起算）')
    expect(notice.dealershipName).toBe('长春一汽大众4S店')
    expect(notice.policyLabel).toBe(`${FAW_VW.name} 第 ${FAW_VW.version} 版`)
    expect(notice.items).toEqual(
      failures.map((f) => ({ document: f.documentName, check: f.title, explanation: f.message }))
    )
    expect(notice.items.length).toBeGreaterThan(0)
    expect(correctionNoticePrintEntry('a-1', notice)).toEqual({
      action: 'print',
      entity: 'archive',
      entityId: 'a-1',
      changes: {
        document: 'correctionNotice',
        title: '不合格档案记录',
        archiveId: 'a-1',
        noticeNumber: 'BHG2026-0001',
        round: 1,
        items: failures.length
      },
      summary: `打印不合格档案记录 BHG2026-0001（${file.archiveNo} 第 1 轮）`
    })
  })

  it('FAW-VW 4(4)「由服务经理签字确认」for a service file, from 服务部 (二2「销售部和服务部」)', () => {
    const service = {
      ...returned,
      kind: 'service' as const,
      department: 'service' as const,
      visitType: 'first_service'
    }
    const notice = buildCorrectionNotice(FAW_VW, service, file, plan.inspection, failures, '')
    expect(notice).toMatchObject({
      dealershipName: '（未设置经销商名称）',
      departmentLabel: '服务部',
      confirmerRole: '服务经理',
      archiveLabel: '服务档案·首保'
    })
  })

  it('SVW-Skoda 四.2「售后档案由售后服务部…」: the service department as that text names it', () => {
    const service = { ...returned, kind: 'service' as const, department: 'service' as const, visitType: null }
    const notice = buildCorrectionNotice(SVW_SKODA, service, file, plan.inspection, failures, '')
    expect(notice).toMatchObject({ departmentLabel: '售后服务部', signOffBlock: ['编制', '审核', '批准'] })
  })

  it('words the correction time of a working-day rule on the notice', () => {
    const inDays = {
      ...FAW_VW,
      deadlines: {
        ...FAW_VW.deadlines,
        correction: {
          ...FAW_VW.deadlines.correction,
          rule: { kind: 'working_days_after', days: 2, from: 'returned_for_correction' }
        }
      }
    } as unknown as typeof FAW_VW
    expect(buildCorrectionNotice(inDays, returned, file, plan.inspection, failures, '').dueRule).toBe(
      '一汽大众 二3、一汽大众 五(一)3(3)：退回后2 个工作日内整改完毕（自退回整改起算）'
    )
  })

  it('keeps the number a round recorded before numbering was first printed with', () => {
    const old = { ...plan.inspection, id: 'c0ffee12-0000', noticeNumber: undefined }
    expect(buildCorrectionNotice(FAW_VW, returned, file, old, failures, '').number).toBe('BHG20260309-C0FF')
  })
})
