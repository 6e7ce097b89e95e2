import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import { allManualChecksPassed, FAW_VW_SALES_EXAMPLE } from '../../../../tests/fixtures/example-archives'
import { getPreset } from '@shared/policy'
import { readManualResults } from '@shared/archive'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

// Free text is printed on signed sheets and kept as evidence: control and bidi characters would let it
// read differently from what is stored, and unbounded text fills sheets and the audit trail.

const RLO = '\u202e'
const LRI = '\u2066'
const PDI = '\u2069'
const NUL = '\u0000'
const BEL = '\u0007'

let n = 0
async function archiveRoom() {
  const db = new ChedangDatabase(`free-text-${++n}`)
  await db.open()
  const now = () => new Date('2026-03-09T02:00:00Z')
  const session = await new DexieAuth(db, 'pc-archive-room', { iterations: 1000, now }).setup({
    dealershipName: `长春一汽大众${RLO}某某4S店`,
    name: '刘敏',
    username: 'liumin',
    password: 'Archive#2026'
  })
  return { db, repos: createDexieRepositories(db, session, { iterations: 1000, now }) }
}

async function refusal(work: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await work
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected a refusal')
}

// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const hasSpoofing = (text: string) => /[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text)

describe('free text written through the repositories', () => {
  it('stores handover names and missing notes without control or bidi characters, keeping the note’s lines', async () => {
    const { db, repos } = await archiveRoom()
    const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(9), 1))
    const handover = await repos.handovers.open({ department: 'sales', handedByName: `李${NUL}明${RLO}` })
    expect(handover.handedByName).toBe('李明')
    const view = await repos.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: `${LRI}王建华${PDI}`,
      anchorDate: '2026-03-05',
      documentsPresent: Object.keys(FAW_VW_SALES_EXAMPLE.documents),
      missingNote: `合格证原件在银行${BEL}\n复印件后补${RLO}gnp.exe`
    })
    expect(view.archive.advisorName).toBe('王建华')
    expect(view.archive.missingNote).toBe('合格证原件在银行\n复印件后补gnp.exe')
    expect((await db.settings.toArray()).map((s) => s.value).join()).toContain('长春一汽大众某某4S店')
    expect(hasSpoofing(JSON.stringify(await db.auditEvents.toArray()))).toBe(false)
  })

  it('refuses names and notes that are too long, in Chinese, and writes nothing', async () => {
    const { db, repos } = await archiveRoom()
    const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(9), 1))
    expect(await refusal(repos.handovers.open({ department: 'sales', handedByName: '李'.repeat(21) }))).toEqual({
      code: 'HANDOVER_INVALID',
      message: '交档人姓名不能超过 20 个字'
    })
    expect(await repos.handovers.list()).toEqual([])
    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    const line = {
      scan: file.vin,
      kind: 'sales' as const,
      advisorName: '王建华',
      anchorDate: '2026-03-02',
      documentsPresent: []
    }
    expect(await refusal(repos.handovers.addArchive(handover.id, { ...line, missingNote: '缺'.repeat(201) }))).toEqual({
      code: 'HANDOVER_INVALID',
      message: '缺件说明不能超过 200 个字'
    })
    expect(await refusal(repos.handovers.addArchive(handover.id, { ...line, advisorName: `王${RLO}` }))).toEqual({
      code: 'HANDOVER_INVALID',
      message: '请填写责任顾问姓名'
    })
    expect(await db.archives.count()).toBe(0)
  })

  it('cleans and bounds reveal and secrecy reasons before they reach the audit trail', async () => {
    const { db, repos } = await archiveRoom()
    const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(9), 1))
    const before = await db.auditEvents.count()
    expect(await refusal(repos.vehicleFiles.revealPersonalInfo(file.id, 'ownerPhone', '核'.repeat(201)))).toEqual({
      code: 'REASON_REQUIRED',
      message: '查看原因不能超过 200 个字'
    })
    expect(await refusal(repos.vehicleFiles.setSecrecy(file.id, 'confidential', `${RLO}${NUL} `))).toEqual({
      code: 'REASON_REQUIRED',
      message: '请写明调整密级的原因'
    })
    expect(await db.auditEvents.count()).toBe(before)

    await repos.vehicleFiles.revealPersonalInfo(file.id, 'ownerPhone', `回访${RLO}核对电话${BEL}`)
    await repos.vehicleFiles.setSecrecy(file.id, 'confidential', `车主${LRI}要求${PDI}保密`)
    const reasons = (await db.auditEvents.toArray()).map((e) => e.changes).filter((c) => c.includes('reason'))
    expect(reasons.join()).toContain('回访核对电话')
    expect(reasons.join()).toContain('车主要求保密')
    expect(hasSpoofing(reasons.join())).toBe(false)
  })

  it('cleans and bounds the checker’s notes', async () => {
    const { db, repos } = await archiveRoom()
    const file = await repos.vehicleFiles.create(makeVehicleFileForm(createRandom(9), 1))
    const handover = await repos.handovers.open({ department: 'sales', handedByName: '李明' })
    const view = await repos.handovers.addArchive(handover.id, {
      scan: file.vin,
      kind: 'sales',
      advisorName: '王建华',
      anchorDate: '2026-03-05',
      documentsPresent: Object.keys(FAW_VW_SALES_EXAMPLE.documents)
    })
    const manual = allManualChecksPassed(getPreset('faw-vw').archiveTemplates.sales)
    const [code] = Object.keys(manual)
    const noted = { ...manual, [code!]: { passed: true, note: `签字齐全${BEL}\n${RLO}已核对` } }
    const saved = await repos.archives.saveProgress(view.archive.id, FAW_VW_SALES_EXAMPLE, noted)
    expect(readManualResults(saved)[code!]!.note).toBe('签字齐全\n已核对')
    const tooLong = { ...manual, [code!]: { passed: false, note: '备'.repeat(501) } }
    expect(await refusal(repos.archives.saveProgress(view.archive.id, FAW_VW_SALES_EXAMPLE, tooLong))).toEqual({
      code: 'INSPECTION_NOTE_INVALID',
      message: `检查项 ${code}：检查备注不能超过 500 个字`
    })
    expect((await db.archives.get(view.archive.id))!.manual).toBe(saved.manual)
  })

  it('cleans the policy name and every vehicle file text, keeping the notes’ lines', async () => {
    const { repos } = await archiveRoom()
    const policy = await repos.policies.adoptPreset('svw-skoda', `上汽大众斯柯达${RLO}制度`)
    expect(policy.name).toBe('上汽大众斯柯达制度')
    const form = makeVehicleFileForm(createRandom(9), 1)
    const file = await repos.vehicleFiles.create({
      ...form,
      series: `明锐${NUL}`,
      colour: `${RLO}白色`,
      notes: `首保已做${BEL}\n车主常驻外地`
    })
    expect(file).toMatchObject({ series: '明锐', colour: '白色', notes: '首保已做\n车主常驻外地' })
  })
})
