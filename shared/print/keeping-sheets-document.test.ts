import { describe, expect, it } from 'vitest'
import type { PdfContent, PdfDocumentDefinition, PdfInline } from './pdf-definition'
import { destructionListDocument, sealingTransferListDocument, storageInspectionDocument } from './index'
import type { DestructionRow } from '../destruction'
import type { StorageInspection } from '../retention'

// The keeping sheets read as a person scans them: title, the lines, the clause, every signature line.

function textOf(node: PdfContent | PdfInline | undefined | null): string {
  if (node === undefined || node === null) return ''
  if (typeof node === 'string') return node
  if (Array.isArray(node)) return node.map((n: PdfContent) => textOf(n)).join('')
  if ('text' in node) return typeof node.text === 'string' ? node.text : node.text.map((n) => textOf(n)).join('')
  if ('stack' in node) return node.stack.map((n) => textOf(n)).join('\n')
  if ('columns' in node) return node.columns.map((n) => textOf(n)).join(' ')
  if ('table' in node) return node.table.body.map((row) => row.map((c) => textOf(c)).join('|')).join('\n')
  return ''
}
const textOfDoc = (doc: PdfDocumentDefinition) => textOf(doc.content)
const footerOf = (doc: PdfDocumentDefinition) => (doc.footer ? textOf(doc.footer(1, 1)) : '')

const meta = {
  createdAt: '2026-03-09T02:00:00.000Z',
  createdBy: 'a',
  updatedAt: '2026-03-09T02:00:00.000Z',
  updatedBy: 'a',
  rev: 1,
  deletedAt: null
}
const stamp = {
  printedBy: '刘敏',
  printedAt: '2026-03-09T02:30:00.000Z',
  auditHead: { deviceSeq: 41, hash: '1a2b3c4d5e6f7a8b9c' }
}

describe('《档案封存移交清单》', () => {
  const doc = sealingTransferListDocument({
    title: '档案封存移交清单',
    dealershipName: '长春一汽大众某某4S店',
    clause: '一汽大众 四',
    batch: {
      ...meta,
      id: 'b1',
      number: 'FC2026-0001',
      location: '档案库 3 号柜 2 层',
      note: null,
      sealedAt: meta.createdAt,
      sealedByName: '刘敏',
      fileCount: 1,
      policyId: 'p',
      policyVersion: 1
    },
    lines: [
      {
        line: 1,
        archiveNo: 'XS2020-000001',
        vin: 'LFV2A21K5M3123456',
        plate: '吉A12345',
        ownerName: '王建国',
        createdOn: '2020-03-02',
        sealDueOn: '2025-03-03',
        basisText: '建档满 5 年（其间无维修保养）',
        previousLocation: 'A1-2-3'
      }
    ],
    ...stamp
  })
  it('lists each file with its dates, ground and old place, the new place, and three signature lines', () => {
    const text = textOfDoc(doc)
    expect(text).toContain('档案封存移交清单')
    expect(text).toContain('批次号：FC2026-0001')
    expect(text).toContain(
      '1|XS2020-000001|LFV2A21K5M3123456|吉A12345|王建国|2020-03-02|2025-03-03|建档满 5 年（其间无维修保养）|A1-2-3'
    )
    expect(text).toContain('合计 1 份档案，移入档案库 3 号柜 2 层封存。依据：一汽大众 四。')
    for (const sign of ['移交人（签字）', '接收人（签字）', '监交人（签字）']) expect(text).toContain(sign)
    expect(footerOf(doc)).toContain('审计链 第 41 条')
  })
})

describe('《档案销毁清单》', () => {
  const row: DestructionRow = {
    ...meta,
    id: 'd1',
    vehicleFileId: 'f1',
    vin: 'LFV2A21K5M3123456',
    archiveNo: 'XS2015-000001',
    reason: '保管期满，失去保存价值',
    status: 'destroyed',
    proposedById: 'a',
    proposedByName: '刘敏',
    proposedByRole: 'archive_manager',
    proposedOn: '2026-03-09',
    reviewDueOn: '2025-03-03',
    directorById: 'b',
    directorByName: '张丽',
    directorOn: '2026-03-10',
    generalManagerById: 'c',
    generalManagerByName: '郑伟',
    generalManagerOn: '2026-03-11',
    destroyedOn: '2026-03-12',
    method: 'shredding',
    destroyedById: 'a',
    destroyedByName: '刘敏',
    witnessName: '张丽',
    erasedFields: ['ownerName']
  }
  it('shows who proposed and approved, when and how, the 第25条 sentence and four signature lines', () => {
    const text = textOfDoc(
      destructionListDocument({
        title: '档案销毁清单',
        dealershipName: '长春一汽大众某某4S店',
        lines: [{ row, vehicle: '迈腾 1.4T' }],
        ref: '2026-03-12',
        ...stamp
      })
    )
    expect(text).toContain(
      '1|XS2015-000001|LFV2A21K5M3123456|迈腾 1.4T|保管期满，失去保存价值|刘敏\n2026-03-09|张丽\n2026-03-10|郑伟\n2026-03-11|2026-03-12\n碎纸机粉碎|刘敏 / 张丽'
    )
    expect(text).toContain('不得当作废纸出售')
    for (const sign of ['经办人（签字）', '监销人（签字）', '客户总监（签字）', '总经理（签字）'])
      expect(text).toContain(sign)
  })

  it('says 待审批 and 未销毁 for a proposal not yet through', () => {
    const open = {
      ...row,
      status: 'proposed' as const,
      directorByName: null,
      directorOn: null,
      generalManagerByName: null,
      generalManagerOn: null,
      destroyedOn: null,
      method: null,
      destroyedByName: null,
      witnessName: null
    }
    const text = textOfDoc(
      destructionListDocument({
        title: '档案销毁清单',
        dealershipName: 'x',
        lines: [{ row: open, vehicle: '' }],
        ref: 'r',
        ...stamp
      })
    )
    expect(text).toContain('|待审批|待审批|未销毁|—')
  })
})

describe('《档案保管检查记录》', () => {
  it('prints each check item with its result, findings, actions, the repairs and two signature lines', () => {
    const inspection: StorageInspection = {
      ...meta,
      id: 'i1',
      inspectedOn: '2026-03-09',
      inspectorName: '刘敏',
      scope: '档案室 1–4 号柜',
      dampOk: true,
      dampNote: null,
      mouldOk: true,
      mouldNote: null,
      fadingOk: false,
      fadingNote: '2 份发票字迹褪色',
      damageOk: true,
      damageNote: null,
      boxOrderOk: true,
      boxOrderNote: null,
      findings: '2 份档案发票字迹褪色',
      actions: '复印并加盖核对章',
      recordedByName: '刘敏'
    }
    const text = textOfDoc(
      storageInspectionDocument({
        title: '档案保管检查记录',
        dealershipName: '长春一汽大众某某4S店',
        inspection,
        repairs: [
          {
            archiveNo: 'XS2020-000001',
            repair: {
              ...meta,
              id: 'r1',
              vehicleFileId: 'f1',
              inspectionId: 'i1',
              problem: 'fading',
              description: '购车发票字迹褪色',
              repair: '复印并加盖核对章',
              repairedOn: '2026-03-09',
              repairedByName: '刘敏'
            }
          }
        ],
        ...stamp
      })
    )
    expect(text).toContain('检查日期：2026-03-09')
    expect(text).toContain('防潮（受潮）|正常|—')
    expect(text).toContain('字迹变色|有问题|2 份发票字迹褪色')
    expect(text).toContain('卷盒排列顺序|正常|—')
    expect(text).toContain('1|XS2020-000001|字迹变色|购车发票字迹褪色|复印并加盖核对章|刘敏\n2026-03-09')
    expect(text).toContain('检查人（签字）')
    expect(text).toContain('部门负责人（签字）')
  })
})
