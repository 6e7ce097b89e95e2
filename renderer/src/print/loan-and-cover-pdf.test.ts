// @vitest-environment node
// The loan slip, the loan register, the envelope cover (with its Code 128 barcode) and shelf labels
// rendered with the real font and read back with pdf.js.

// eslint-disable-next-line no-restricted-imports -- the test reads the font files from disk instead of fetching them
import { readFile } from 'node:fs/promises'
// eslint-disable-next-line no-restricted-imports -- see above
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { loanRegisterDocument, loanSlipDocument } from '@shared/print/loan-documents'
import { envelopeCoverDocument, shelfLabelsDocument } from '@shared/print/envelope-cover-document'
import type { LoanRegister, LoanSlip } from '@shared/loans/loan-sheets'
import type { EnvelopeCover, ShelfLabels } from '@shared/folders/envelope-cover'
import { configureFontSource, renderPdf } from './render-pdf'
import { code128Svg } from './print-actions'

const fontDir = resolve(import.meta.dirname, '../../../node_modules/@expo-google-fonts/noto-sans-sc')
const stamp = {
  printedBy: '刘敏',
  printedAt: '2026-03-16T02:30:00.000Z',
  auditHead: { deviceSeq: 41, hash: 'ab'.repeat(32) }
}

async function textOf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise
  let raw = ''
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent()
    raw += content.items.map((item) => ('str' in item ? item.str : '')).join('')
  }
  await pdf.destroy()
  return raw.replace(/\s+/g, '')
}

beforeAll(() => {
  configureFontSource(async () => {
    const [regular, bold] = await Promise.all([
      readFile(resolve(fontDir, '400Regular/NotoSansSC_400Regular.ttf')),
      readFile(resolve(fontDir, '700Bold/NotoSansSC_700Bold.ttf'))
    ])
    return { regular, bold }
  })
})

const line = {
  fileId: 'f-1',
  archiveNo: 'FW-2026-003150',
  vin: 'LFV2A21K4S1234567',
  plate: '吉A12345',
  ownerName: '张伟',
  pieces: 7,
  visible: true
}

describe('loan and folder printouts', () => {
  it('prints the loan slip and the register with their signature lines and the overdue flag', async () => {
    const slip: LoanSlip = {
      ...stamp,
      dealershipName: '长春一汽大众某某4S店',
      title: '借阅单',
      number: 'JY20260309-001',
      borrowerText: '王建华（销售部）',
      documentsText: '',
      purpose: '客户投诉核对合同',
      modeLabel: '借出',
      takeOutReason: '到展厅与客户当面核对',
      approvals: [{ title: '部门负责人', by: '李华' }],
      outOn: '2026-03-09',
      dueOn: '2026-03-12',
      returnedOn: null,
      clause: '客户信息管理制度 第19条',
      lines: [line]
    }
    const slipText = await textOf(await renderPdf(loanSlipDocument(slip)))
    for (const s of [
      '借阅单',
      'JY20260309-001',
      '王建华（销售部）',
      'FW-2026-003150',
      '2026-03-12',
      '借阅人（签字）',
      '接收人（签字）',
      '部门负责人：李华'
    ])
      expect(slipText).toContain(s)
    const register: LoanRegister = {
      ...stamp,
      dealershipName: '长春一汽大众某某4S店',
      title: '档案借阅登记簿',
      scope: '全部',
      asOf: '2026-03-16',
      signOffBlock: ['编制', '审核', '批准'],
      rows: [
        {
          number: 'JY20260309-001',
          outOn: '2026-03-09',
          borrowerText: '王建华（销售部）',
          archiveNos: 'FW-2026-003150',
          pieces: 7,
          purpose: '客户投诉核对合同',
          modeLabel: '借出',
          approvalsText: '部门负责人 李华',
          dueOn: '2026-03-12',
          returnedOn: '2026-03-16',
          conditionText: '完好',
          daysOverdue: 4
        }
      ]
    }
    const registerText = await textOf(await renderPdf(loanRegisterDocument(register)))
    for (const s of [
      '档案借阅登记簿',
      '借阅人签字',
      '经办人签字',
      '逾期4天',
      '共1条借阅，其中逾期1条',
      '档案管理员（签字）',
      '批准'
    ])
      expect(registerText).toContain(s)
  })

  it('prints the envelope cover with the barcode of its archive number, the owner masked and the ticks', async () => {
    const cover: EnvelopeCover = {
      ...stamp,
      dealershipName: '长春一汽大众某某4S店',
      title: '用户档案袋封面',
      archiveNo: 'FW-2026-003150',
      code: 'FW-2026-003150',
      vin: 'LFV2A21K4S1234567',
      plate: '吉A12345',
      ownerName: '张*',
      series: '迈腾',
      location: 'A1-2-3',
      checklist: [
        { name: '购车发票复印件', present: true },
        { name: '身份证复印件', present: false }
      ],
      serviceLines: [{ repairOrderNo: 'RO202611220037', date: '2026-11-21' }]
    }
    const svg = await code128Svg(cover.code)
    expect(svg).toMatch(/^<svg /)
    const bytes = await renderPdf(envelopeCoverDocument(cover, svg))
    const text = await textOf(bytes)
    for (const s of [
      '用户档案袋封面',
      'FW-2026-003150',
      'LFV2A21K4S1234567',
      '张*',
      'A1-2-3',
      '购车发票复印件√',
      '身份证复印件',
      'RO202611220037'
    ])
      expect(text).toContain(s)
    expect(text).not.toContain('张伟')
    const labels: ShelfLabels = {
      ...stamp,
      dealershipName: '店',
      title: '档案柜标签',
      scope: 'A1',
      labels: [
        {
          place: 'A1-2-3',
          code: 'A1-2-3',
          files: [{ archiveNo: 'FW-2026-003150', plate: '吉A12345', ownerName: '张伟' }]
        }
      ]
    }
    const labelText = await textOf(
      await renderPdf(shelfLabelsDocument(labels, { 'A1-2-3': await code128Svg('A1-2-3') }))
    )
    expect(labelText).toContain('A1-2-3')
    expect(labelText).toContain('共1份')
    expect(labelText).toContain('FW-2026-003150')
  })
})
