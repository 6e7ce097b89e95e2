// @vitest-environment node
// Printing a 奖罚通知单 through the repositories: recorded first (the footer carries that audit event), and
// refused for an advisor, with nothing printed and nothing recorded but the refusal.

import 'fake-indexeddb/auto'
// eslint-disable-next-line no-restricted-imports -- the test reads the font files from disk instead of fetching them
import { readFile } from 'node:fs/promises'
// eslint-disable-next-line no-restricted-imports -- see above
import { resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { shortAuditHash } from '@shared/audit/audit-chain'
import { isDomainError } from '@shared/model/domain-error'
import { sampleFineMonth, SVW_FINES } from '../../../tests/fixtures/fine-samples'
import { firstLogin } from '../../../tests/fixtures/first-login'
import type { Repositories } from '../data/repositories'
import { ChedangDatabase } from '../data/dexie/database'
import { DexieAuth } from '../data/dexie/dexie-auth'
import { createDexieRepositories } from '../data/dexie/open-dexie-repositories'
import { configureFontSource } from './render-pdf'
import { type FineNoticeRequest, printFineNotice, printFineStatement } from './fine-prints'
import { strFromU8, unzipSync } from 'fflate'
import { parseTable } from '@shared/import'

const root = resolve(import.meta.dirname, '../../..')
const fontDir = resolve(root, 'node_modules/@expo-google-fonts/noto-sans-sc')

let db: ChedangDatabase
let director: Repositories
let advisor: Repositories
const at = new Date('2026-12-01T02:00:00Z')

beforeAll(async () => {
  configureFontSource(async () => {
    const [regular, bold] = await Promise.all([
      readFile(resolve(fontDir, '400Regular/NotoSansSC_400Regular.ttf')),
      readFile(resolve(fontDir, '700Bold/NotoSansSC_700Bold.ttf'))
    ])
    return { regular, bold }
  })
  db = new ChedangDatabase('fine-prints')
  await db.open()
  const now = () => at
  const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000, now })
  director = createDexieRepositories(
    db,
    await auth.setup({
      dealershipName: '长春恒信斯柯达4S店',
      name: '赵敏',
      username: 'zhaomin',
      password: 'Chedang#2026'
    }),
    { iterations: 1000, now }
  )
  await director.operators.create({
    name: '王磊',
    role: 'sales_advisor',
    department: 'sales',
    phone: '',
    username: 'wanglei',
    password: 'Advisor#2026'
  })
  advisor = createDexieRepositories(db, await firstLogin(auth, 'wanglei', 'Advisor#2026'), { iterations: 1000, now })
})

function request(): FineNoticeRequest {
  const { violations, lines } = sampleFineMonth()
  return {
    person: { id: 'staff-wang', name: '王磊', roleLabel: '销售顾问', department: '销售部' },
    month: '2026-11',
    violations,
    lines,
    fines: SVW_FINES
  }
}

function capturingPlatform() {
  const printed: { title: string; data: Uint8Array }[] = []
  return {
    printed,
    platform: {
      printPdf: async (title: string, data: Uint8Array) => void printed.push({ title, data }),
      saveFile: async () => true
    }
  }
}

async function textOf(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, isEvalSupported: false }).promise
  const content = await (await pdf.getPage(1)).getTextContent()
  await pdf.destroy()
  return content.items
    .map((item) => ('str' in item ? item.str : ''))
    .join('')
    .replace(/\s+/g, '')
}

describe('printFineNotice', () => {
  it('records the print with its totals and puts that audit event in the footer of the printed notice', async () => {
    const { printed, platform } = capturingPlatform()
    const notice = await printFineNotice(director, platform, request())
    expect(printed).toHaveLength(1)
    expect(printed[0]!.title).toBe('奖罚通知单-2026年11月-王磊')
    const [event] = await director.auditLog.forEntity('fineMonth', '2026-11:staff-wang')
    expect(event).toMatchObject({ action: 'print', actorName: '赵敏' })
    expect(event!.summary).toBe('打印奖罚通知单 2026年11月 王磊（230 元，0 分）')
    expect(notice.auditHead).toEqual({ deviceSeq: event!.deviceSeq, hash: event!.hash })
    const text = await textOf(printed[0]!.data)
    expect(text).toContain(`审计链第${event!.deviceSeq}条${shortAuditHash(event!.hash)}`)
    expect(text).toContain('长春恒信斯柯达4S店')
    expect(text).toContain('人民币贰佰叁拾元整')
  })

  it('refuses an advisor in Chinese: nothing printed, the refusal logged', async () => {
    const { printed, platform } = capturingPlatform()
    const error = await printFineNotice(advisor, platform, request()).catch((e: unknown) => e)
    expect(isDomainError(error)).toBe(true)
    expect((error as Error).message).toMatch(/[\u4e00-\u9fff]/)
    expect(printed).toHaveLength(0)
    const denied = (await director.auditLog.query({ limit: 50 })).filter((e) => e.action === 'access.denied')
    expect(denied.some((e) => e.actorName === '王磊')).toBe(true)
  })

  it('refuses a month that is not YYYY-MM before anything is recorded', async () => {
    const { printed, platform } = capturingPlatform()
    const before = (await director.auditLog.query({ limit: 500 })).length
    const error = await printFineNotice(director, platform, { ...request(), month: '2026-11-01' }).catch(
      (e: unknown) => e
    )
    expect(isDomainError(error) && error.code).toBe('FINE_MONTH_INVALID')
    expect(printed).toHaveLength(0)
    expect((await director.auditLog.query({ limit: 500 })).length).toBe(before)
  })
})

describe('printFineStatement', () => {
  it('prints the month with the charged, the waived (with the reason) and the totals; recorded as a print', async () => {
    const { printed, platform } = capturingPlatform()
    const { violations, lines } = sampleFineMonth()
    await printFineStatement(director, platform, {
      person: { id: 'staff-li', name: '李强', roleLabel: '服务顾问', department: '售后服务部' },
      month: '2026-11',
      violations,
      lines,
      fines: SVW_FINES
    })
    const text = await textOf(printed[0]!.data)
    for (const expected of [
      '月度奖罚明细',
      '李强',
      '计罚（共2条）',
      '免罚（共1条）',
      '客户延迟取车，非顾问原因（赵敏）',
      '人民币玖拾元整',
      '本人确认（签字）'
    ])
      expect(text).toContain(expected)
    const [event] = await director.auditLog.forEntity('fineMonth', '2026-11:staff-li')
    expect(event!.summary).toBe('打印月度奖罚明细 2026年11月 李强（90 元，0 分）')
  })
})

describe('payrollExport', () => {
  const input = () => {
    const { violations, lines } = sampleFineMonth()
    return {
      month: '2026-11',
      people: [
        { person: { id: 'staff-wang', name: '王磊', roleLabel: '销售顾问', department: '销售部' } },
        { person: { id: 'staff-li', name: '李强', roleLabel: '服务顾问', department: '售后服务部' }, payCutPercent: 10 }
      ],
      violations,
      lines,
      fines: SVW_FINES
    }
  }

  it('writes one row per person under Chinese headers, the operator and time in the file, and logs the export', async () => {
    const file = await director.fineReports.payrollExport(input())
    expect(file.fileName).toBe('奖罚工资表-2026-11-2026-12-01.xlsx')
    const table = await parseTable(file.bytes, file.fileName)
    const col = (h: string) => table.rows.map((r) => r[table.headers.indexOf(h)])
    expect(col('姓名')).toEqual(['王磊', '李强'])
    expect(col('罚款（元）')).toEqual(['230.00', '90.00'])
    expect(col('考核扣分')).toEqual(['0', '0'])
    expect(col('绩效工资扣罚（%）')).toEqual(['0', '10'])
    const core = strFromU8(unzipSync(file.bytes)['docProps/core.xml']!)
    expect(core).toContain('<dc:creator>赵敏</dc:creator>')
    expect(core).toContain('奖罚工资表 2026年11月')
    const [event] = await director.auditLog.forEntity('payroll', '2026-11')
    expect(event).toMatchObject({ action: 'export', summary: '导出奖罚工资表 2026年11月 2 人' })
  })

  it('refuses an advisor', async () => {
    const error = await advisor.fineReports.payrollExport(input()).catch((e: unknown) => e)
    expect(isDomainError(error)).toBe(true)
  })
})
