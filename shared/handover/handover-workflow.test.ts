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
import { checkNewHandover, handoverCounterId, openHandover } from './handover-open'
import { buildHandoverSheet, handoverSheetPrintEntry } from './handover-sheet'
import {
  allowedHandoverEvents,
  canTransitionHandover,
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
    expect(allowedHandoverEvents('open')).toEqual(['submit'])
    expect(allowedHandoverEvents('submitted')).toEqual(['sign'])
    expect(allowedHandoverEvents('signed')).toEqual([])
    expect(
      HANDOVER_STATUSES.flatMap((status) =>
        (['submit', 'sign'] as const)
          .filter((event) => canTransitionHandover(status, event))
          .map((e) => `${status}-${e}`)
      )
    ).toEqual(['open-submit', 'submitted-sign'])
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
    expect(audit).toEqual({
      action: 'create',
      entity: 'handover',
      entityId: 'h-7',
      changes: { number: [null, 'JJ20260310-007'], handedByName: [null, '孙丽娟'] },
      summary: '开始交接 JJ20260310-007（孙丽娟 交档）'
    })
    expect(handoverCounterId(new Date('2026-03-09T17:00:00Z'))).toBe('handover:20260310')
    expect(handoverCounterId(new Date('2026-03-09T15:59:00Z'))).toBe('handover:20260309')
  })

  it('refuses a department that hands over no archives', () => {
    const error = refusal(() => checkNewHandover({ department: 'finance' as 'sales', handedByName: '李明' }))
    expect(error).toEqual({
      code: 'HANDOVER_DEPARTMENT_REQUIRED',
      message: '请选择交档部门',
      details: { field: 'department' }
    })
  })

  it('refuses a blank name of who hands over, naming the field', () => {
    const error = refusal(() => checkNewHandover({ department: 'sales', handedByName: '   ' }))
    expect(error).toMatchObject({ code: 'HANDOVER_INVALID', details: { field: 'handedByName' } })
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
    expect(error).toEqual({
      code: 'HANDOVER_CLOSED',
      message: '交接单 JJ20260309-001 已提交，不能再添加档案',
      details: { number: 'JJ20260309-001' }
    })
  })

  it('asks a service line for its repair order and a visit type of the policy', () => {
    const service: HandoverLineInput = { ...salesLine, kind: 'service', documentsPresent: [] }
    expect(refusal(() => checkHandoverLine(FAW_VW, handover('service'), service, monday, calendar))).toEqual({
      code: 'HANDOVER_REPAIR_ORDER_REQUIRED',
      message: '服务档案须填写任务委托书号',
      details: { field: 'repairOrderNo' }
    })
    expect(
      refusal(() =>
        checkHandoverLine(FAW_VW, handover('service'), { ...service, repairOrderNo: ' ' }, monday, calendar)
      ).code
    ).toBe('HANDOVER_REPAIR_ORDER_REQUIRED')
    const noVisit = { ...service, repairOrderNo: 'ro2603090001', visitType: 'car_wash' }
    expect(refusal(() => checkHandoverLine(FAW_VW, handover('service'), noVisit, monday, calendar))).toEqual({
      code: 'HANDOVER_VISIT_TYPE_REQUIRED',
      message: '请选择维修类别',
      details: { field: 'visitType' }
    })
    const ok = checkHandoverLine(
      FAW_VW,
      handover('service'),
      { ...noVisit, visitType: 'first_service' },
      monday,
      calendar
    )
    expect(ok).toMatchObject({ repairOrderNo: 'RO2603090001', visitType: 'first_service' })
  })

  it('a sales line keeps no repair order or visit type, whatever was typed, and keeps the documents and note', () => {
    const line = checkHandoverLine(
      FAW_VW,
      handover('sales'),
      { ...salesLine, repairOrderNo: 'RO1', visitType: 'first_service', missingNote: ' 缺合格证 ' },
      monday,
      calendar
    )
    expect(line).toMatchObject({ repairOrderNo: null, visitType: null, missingNote: '缺合格证' })
    expect(line.documentsPresent).toEqual(['delivery_form', 'invoice'])
    expect(checkHandoverLine(FAW_VW, handover('sales'), salesLine, monday, calendar).missingNote).toBeNull()
  })

  it('reads a typed VIN end in lower case as the upper-case suffix', () => {
    const line = checkHandoverLine(FAW_VW, handover('sales'), { ...salesLine, scan: ' s1234567 ' }, monday, calendar)
    expect(line.scan).toEqual({ kind: 'suffix', suffix: 'S1234567' })
  })

  it('refuses a scan that is neither a VIN nor its end, saying what to scan', () => {
    const error = refusal(() =>
      checkHandoverLine(FAW_VW, handover('sales'), { ...salesLine, scan: 'LFV2A21K4S12345' }, monday, calendar)
    )
    expect(error.code).toBe('HANDOVER_SCAN_INVALID')
    expect(error.details).toMatchObject({ field: 'scan' })
    expect(error.message).toMatch(/（请扫描完整车架号，或输入车架号后 6–8 位）$/)
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
    expect(error).toEqual({
      code: 'HANDOVER_DOCUMENT_UNKNOWN',
      message: '资料代码 x1、x2 不在本制度的清单中',
      details: { field: 'documentsPresent', codes: 'x1、x2' }
    })
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
    expect(refusal(() => scannedFile({ kind: 'vin', vin: file.vin }, []))).toEqual({
      code: 'HANDOVER_NO_FILE',
      message: `车架号 ${file.vin} 还没有车辆档案，请先建档再交接`,
      details: { field: 'scan', vin: file.vin }
    })
    expect(refusal(() => scannedFile({ kind: 'suffix', suffix: '234567' }, []))).toEqual({
      code: 'HANDOVER_NO_FILE_FOR_SUFFIX',
      message: '车架号后 6 位“234567”还没有车辆档案，请先建档再交接',
      details: { field: 'scan', suffix: '234567', length: '6' }
    })
    expect(refusal(() => scannedFile({ kind: 'suffix', suffix: '234567' }, [file, { ...file, id: 'vf-2' }]))).toEqual({
      code: 'HANDOVER_SCAN_AMBIGUOUS',
      message: '车架号后 6 位“234567”对应 2 份车辆档案，请从下面选择一份',
      details: { field: 'scan', suffix: '234567', digits: '6', count: '2' }
    })
    expect(
      refusal(() => scannedFile({ kind: 'vin', vin: file.vin }, [file, { ...file, id: 'vf-2' }])).details.suffix
    ).toBe(file.vin)
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
    expect(input.visitType).toBeUndefined()
    expect(audit).toEqual({
      action: 'create',
      entity: 'archive',
      entityId: 'a-1',
      changes: {
        handover: [null, 'JJ20260309-001'],
        archive: [null, '销售档案'],
        documents: [null, 2],
        missingNote: [null, null]
      },
      summary: '交接 FW-2026-000871 的销售档案（交接单 JJ20260309-001）'
    })
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
    expect(error).toEqual({
      code: 'SALES_ARCHIVE_DUPLICATE',
      message: `车架号 ${file.vin} 的销售档案已于 2026-03-02 10:00 交接（已归档），一车只有一份销售档案`,
      details: { vin: file.vin, handedOverAt: '2026-03-02 10:00', status: '已归档' }
    })
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
    expect(error).toEqual({
      code: 'SERVICE_ARCHIVE_DUPLICATE',
      message: '任务委托书 RO2603090001 的服务档案已交接过',
      details: { field: 'repairOrderNo', repairOrderNo: 'RO2603090001' }
    })
    // A sales line is never refused for a repair order, nor a service line for the vehicle's sales archive.
    const existing = { createdAt: '2026-03-02T02:00:00.000Z', status: 'filed' } as ArchiveRecord
    expect(
      newHandoverArchive(FAW_VW, line, { ...context, repairOrderTaken: true }, 'a-4', actor, monday.toISOString())
        .record.kind
    ).toBe('sales')
    const serviceArchive = newHandoverArchive(
      FAW_VW,
      service,
      { ...context, handover: handover('service'), existingSalesArchive: existing },
      'a-5',
      actor,
      monday.toISOString()
    )
    expect(serviceArchive.record).toMatchObject({ kind: 'service', repairOrderNo: 'RO2603090001' })
    expect(readArchiveInput(serviceArchive.record).visitType).toBe('first_service')
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
    expect(sheet.lines[0]!.documentsMissing.every((name) => typeof name === 'string' && name !== '')).toBe(true)
    expect(sheet.lines[0]!.documentsMissing).not.toContain('客户交车表')
    expect(handoverSheetPrintEntry('h-1', sheet)).toMatchObject({
      action: 'print',
      entity: 'handover',
      entityId: 'h-1',
      changes: { document: 'handoverSheet', handoverId: 'h-1', number: 'JJ20260309-001', lines: 1 },
      summary: '打印档案交接表 JJ20260309-001'
    })
  })
})
