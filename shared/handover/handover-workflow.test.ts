import { describe, expect, it } from 'vitest'
import { readArchiveInput } from '../archive'
import type { ArchiveRecord } from '../archive'
import { createWorkingCalendar } from '../calendar'
import { isDomainError } from '../model/domain-error'
import type { Actor } from '../model/sync-meta'
import { getPreset } from '../policy'
import type { VehicleFile } from '../vehicle/vehicle-file'
import type { Handover } from './handover'
import type { HandoverLineInput } from './handover-line'
import { checkHandoverLine, newHandoverArchive, scannedFile } from './handover-line'
import { checkNewHandover, openHandover } from './handover-open'
import { buildHandoverSheet, handoverSheetPrintEntry } from './handover-sheet'
import {
  allowedHandoverEvents,
  HANDOVER_STATUSES,
  HANDOVER_STATUSES_TAKING_LINES,
  HANDOVER_TRANSITIONS,
  transitionHandover
} from './handover-status'
import { handoverStep } from './handover-step'

const FAW_VW = getPreset('faw-vw')
const SVW_SKODA = getPreset('svw-skoda')
const calendar = createWorkingCalendar()
const actor: Actor = { operatorId: 'op-liumin', operatorName: '刘敏', deviceId: 'pc-1' }
// Monday 2026-03-09, 10:00 China time.
const monday = new Date('2026-03-09T02:00:00Z')

function refusal(run: () => unknown): { code: string; message: string; details: Readonly<Record<string, string>> } {
  try {
    run()
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message, details: error.details }
    throw error
  }
  throw new Error('not refused')
}

const file = {
  id: 'vf-1',
  vin: 'LFV2A21K4S1234567',
  archiveNo: 'FW-2026-000871',
  plate: '吉A7Q2M8',
  ownerName: '张伟'
} as VehicleFile

function handover(department: 'sales' | 'service', policy = FAW_VW, status: Handover['status'] = 'open'): Handover {
  const opened = openHandover({ department, handedByName: '李明' }, policy, 1, 'h-1', actor, '刘敏', monday).handover
  return { ...opened, status }
}

const salesLine: HandoverLineInput = {
  scan: ' lfv2a21k4s1234567 ',
  kind: 'sales',
  advisorName: '李明',
  anchorDate: '2026-03-05',
  documentsPresent: ['delivery_form', 'invoice']
}

describe('the handover transition table', () => {
  it('goes open → submitted → signed and nowhere else', () => {
    expect(HANDOVER_TRANSITIONS.map((t) => `${t.from}-${t.event}-${t.to}`)).toEqual([
      'open-submit-submitted',
      'submitted-sign-signed'
    ])
    expect(allowedHandoverEvents('signed')).toEqual([])
    expect(HANDOVER_STATUSES_TAKING_LINES).toEqual(['open'])
  })

  it('refuses every step the table does not hold, naming the handover and its status', () => {
    for (const status of HANDOVER_STATUSES)
      for (const event of ['submit', 'sign'] as const) {
        const allowed = HANDOVER_TRANSITIONS.some((t) => t.from === status && t.event === event)
        if (allowed) continue
        const error = refusal(() => transitionHandover({ number: 'JJ20260309-001', status }, event))
        expect(error.code).toBe('HANDOVER_ILLEGAL_TRANSITION')
        expect(error.details.number).toBe('JJ20260309-001')
      }
    expect(refusal(() => transitionHandover({ number: 'JJ20260309-001', status: 'signed' }, 'sign')).message).toBe(
      '交接单 JJ20260309-001 当前为“已签字”，不能双方签字'
    )
  })

  it('submits only a handover with lines, and stamps the signing time', () => {
    const open = handover('sales')
    expect(refusal(() => handoverStep(open, 'submit', 0, '2026-03-09T03:00:00.000Z', 'op')).code).toBe('HANDOVER_EMPTY')
    const submitted = handoverStep(open, 'submit', 2, '2026-03-09T03:00:00.000Z', 'op')
    expect(submitted.handover).toMatchObject({ status: 'submitted', signedAt: null, rev: open.rev + 1 })
    expect(submitted.audit.changes).toEqual({ status: ['登记中', '待签字'] })
    const signed = handoverStep(submitted.handover, 'sign', 2, '2026-03-09T04:00:00.000Z', 'op')
    expect(signed.handover).toMatchObject({ status: 'signed', signedAt: '2026-03-09T04:00:00.000Z' })
    expect(signed.audit.summary).toBe('交接单双方已签字 JJ20260309-001')
  })
})

describe('opening a handover', () => {
  it('numbers it per China day and records who hands over', () => {
    const { handover: opened, audit } = openHandover(
      { department: 'service', handedByName: ' 孙丽娟 ' },
      FAW_VW,
      7,
      'h-7',
      actor,
      '刘敏',
      new Date('2026-03-09T17:00:00Z') // 01:00 on the 10th in China
    )
    expect(opened).toMatchObject({ number: 'JJ20260310-007', handedByName: '孙丽娟', status: 'open' })
    expect(audit.summary).toBe('开始交接 JJ20260310-007（孙丽娟 交档）')
  })

  it('refuses a department that hands over no archives', () => {
    const error = refusal(() => checkNewHandover({ department: 'finance' as 'sales', handedByName: '李明' }))
    expect(error).toMatchObject({ code: 'HANDOVER_DEPARTMENT_REQUIRED', details: { field: 'department' } })
  })
})

describe('checking a handover line', () => {
  it('reads the scan, the anchor day and the hand-in deadline from the policy', () => {
    const line = checkHandoverLine(FAW_VW, handover('sales'), salesLine, monday, calendar)
    expect(line.scan).toEqual({ kind: 'vin', vin: 'LFV2A21K4S1234567' })
    expect(line.anchorDate).toBe('2026-03-05')
    expect(line.repairOrderNo).toBeNull()
    expect(line.handInDueAt).not.toBeNull()
    expect(line.handInDueAt! > line.anchorAt).toBe(true)
  })

  it('refuses a line on a submitted handover', () => {
    const error = refusal(() =>
      checkHandoverLine(FAW_VW, handover('sales', FAW_VW, 'submitted'), salesLine, monday, calendar)
    )
    expect(error).toMatchObject({ code: 'HANDOVER_CLOSED', details: { number: 'JJ20260309-001' } })
  })

  it('asks a service line for its repair order and a visit type of the policy', () => {
    const service: HandoverLineInput = { ...salesLine, kind: 'service', documentsPresent: [] }
    expect(refusal(() => checkHandoverLine(FAW_VW, handover('service'), service, monday, calendar))).toMatchObject({
      code: 'HANDOVER_REPAIR_ORDER_REQUIRED',
      details: { field: 'repairOrderNo' }
    })
    const noVisit = { ...service, repairOrderNo: 'ro2603090001', visitType: 'car_wash' }
    expect(refusal(() => checkHandoverLine(FAW_VW, handover('service'), noVisit, monday, calendar)).code).toBe(
      'HANDOVER_VISIT_TYPE_REQUIRED'
    )
    const ok = checkHandoverLine(
      FAW_VW,
      handover('service'),
      { ...noVisit, visitType: 'first_service' },
      monday,
      calendar
    )
    expect(ok).toMatchObject({ repairOrderNo: 'RO2603090001', visitType: 'first_service' })
  })

  it('refuses document codes the policy does not list, naming them', () => {
    const error = refusal(() =>
      checkHandoverLine(
        FAW_VW,
        handover('sales'),
        { ...salesLine, documentsPresent: ['invoice', 'x1', 'x2'] },
        monday,
        calendar
      )
    )
    expect(error).toMatchObject({ code: 'HANDOVER_DOCUMENT_UNKNOWN', details: { codes: 'x1、x2' } })
  })

  it('refuses an anchor day in the future', () => {
    const error = refusal(() =>
      checkHandoverLine(FAW_VW, handover('sales'), { ...salesLine, anchorDate: '2026-03-10' }, monday, calendar)
    )
    expect(error).toMatchObject({ code: 'HANDOVER_INVALID', details: { field: 'anchorDate' } })
  })
})

describe('the file a scan names', () => {
  it('is the one match, and refused when none or several', () => {
    expect(scannedFile({ kind: 'vin', vin: file.vin }, [file])).toBe(file)
    expect(refusal(() => scannedFile({ kind: 'vin', vin: file.vin }, []))).toMatchObject({
      code: 'HANDOVER_NO_FILE',
      details: { vin: file.vin }
    })
    expect(refusal(() => scannedFile({ kind: 'suffix', suffix: '234567' }, []))).toMatchObject({
      code: 'HANDOVER_NO_FILE_FOR_SUFFIX',
      details: { suffix: '234567', length: '6' }
    })
    expect(refusal(() => scannedFile({ kind: 'suffix', suffix: '234567' }, [file, { ...file, id: 'vf-2' }])).code).toBe(
      'HANDOVER_SCAN_AMBIGUOUS'
    )
  })
})

describe('the archive a handover line becomes', () => {
  const line = checkHandoverLine(FAW_VW, handover('sales'), salesLine, monday, calendar)
  const context = {
    handover: handover('sales'),
    file,
    existingSalesArchive: undefined,
    repairOrderTaken: false,
    linesSoFar: 2
  }

  it('is handed over under the policy version, on the next line, with the handover facts filled in', () => {
    const { record, audit } = newHandoverArchive(FAW_VW, line, context, 'a-1', actor, monday.toISOString())
    expect(record).toMatchObject({
      id: 'a-1',
      status: 'handed_over',
      policyId: FAW_VW.id,
      policyVersion: FAW_VW.version,
      handoverLine: 3,
      department: 'sales',
      advisorName: '李明',
      round: 0
    })
    const input = readArchiveInput(record)
    expect(input.facts).toEqual({ deliveryDate: '2026-03-05', salesAdvisor: '李明' })
    expect(Object.keys(input.documents)).toEqual(['delivery_form', 'invoice'])
    expect(audit.summary).toBe('交接 FW-2026-000871 的销售档案（交接单 JJ20260309-001）')
  })

  it('refuses a second sales archive for the vehicle (一车一档)', () => {
    const existing = { createdAt: '2026-03-02T02:00:00.000Z', status: 'filed' } as ArchiveRecord
    const error = refusal(() =>
      newHandoverArchive(
        FAW_VW,
        line,
        { ...context, existingSalesArchive: existing },
        'a-2',
        actor,
        monday.toISOString()
      )
    )
    expect(error).toMatchObject({ code: 'SALES_ARCHIVE_DUPLICATE', details: { vin: file.vin, status: '已归档' } })
  })

  it('refuses a repair order handed over before', () => {
    const service = checkHandoverLine(
      FAW_VW,
      handover('service'),
      {
        ...salesLine,
        kind: 'service',
        repairOrderNo: 'RO2603090001',
        visitType: 'first_service',
        documentsPresent: []
      },
      monday,
      calendar
    )
    const error = refusal(() =>
      newHandoverArchive(FAW_VW, service, { ...context, repairOrderTaken: true }, 'a-3', actor, monday.toISOString())
    )
    expect(error).toMatchObject({ code: 'SERVICE_ARCHIVE_DUPLICATE', details: { repairOrderNo: 'RO2603090001' } })
  })
})

describe('the handover register as the policy names it', () => {
  const record = newHandoverArchive(
    FAW_VW,
    checkHandoverLine(FAW_VW, handover('sales'), salesLine, monday, calendar),
    { handover: handover('sales'), file, existingSalesArchive: undefined, repairOrderTaken: false, linesSoFar: 0 },
    'a-1',
    actor,
    monday.toISOString()
  ).record

  it('FAW-VW 二2「填写《档案交接表》」, 「销售部和服务部」', () => {
    const sheet = buildHandoverSheet(FAW_VW, handover('service'), [], '长春一汽大众4S店')
    expect(sheet).toMatchObject({ title: '档案交接表', departmentLabel: '服务部', signOffBlock: [] })
  })

  it('SVW-Skoda 二.5「建立《用户档案签收薄》」(簿), 四.2「售后档案由售后服务部…」, signed off 编制/审核/批准', () => {
    const sheet = buildHandoverSheet(SVW_SKODA, handover('service', SVW_SKODA), [], '')
    expect(sheet).toMatchObject({
      title: '用户档案签收簿',
      departmentLabel: '售后服务部',
      dealershipName: '（未设置经销商名称）',
      signOffBlock: ['编制', '审核', '批准']
    })
  })

  it('lists each line with the documents received and those missing, and prints with its number', () => {
    const sheet = buildHandoverSheet(FAW_VW, handover('sales'), [{ archive: record, file }], '长春一汽大众4S店')
    expect(sheet.lines).toHaveLength(1)
    expect(sheet.lines[0]).toMatchObject({
      archiveNo: 'FW-2026-000871',
      anchorDate: '2026-03-05',
      documentsPresent: ['客户交车表', '购车发票']
    })
    expect(sheet.lines[0]!.documentsMissing.length).toBeGreaterThan(0)
    expect(handoverSheetPrintEntry('h-1', sheet)).toMatchObject({
      action: 'print',
      entityId: 'h-1',
      changes: { document: 'handoverSheet', handoverId: 'h-1', number: 'JJ20260309-001', lines: 1 },
      summary: '打印档案交接表 JJ20260309-001'
    })
  })
})
