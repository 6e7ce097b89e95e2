import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { isDomainError } from '@shared/model/domain-error'
import type { Role } from '@shared/operators/roles'
import type { ArchiveKind } from '@shared/archive'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'

describe('an advisor’s own archives (我的)', () => {
  it('returns only the logged-in advisor’s archives, never another advisor’s, nor a namesake’s in another department', async () => {
    const db = new ChedangDatabase('archives-mine')
    await db.open()
    const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000 })
    const directorSession = await auth.setup({
      dealershipName: '长春一汽大众某某4S店',
      name: '张丽',
      username: 'zhangli',
      password: 'Chedang#2026'
    })
    const director = createDexieRepositories(db, directorSession, { iterations: 1000 })
    const advisor = async (name: string, role: Role, department: ArchiveKind, username: string) => {
      await director.operators.create({ name, role, department, phone: '', username, password: 'Initial#2026' })
      const { session } = await auth.login(username, 'Initial#2026')
      await auth.changePassword(session, 'Initial#2026', 'Personal#8842')
      return createDexieRepositories(db, session)
    }
    const wang = await advisor('王建华', 'sales_advisor', 'sales', 'wangjianhua')
    const li = await advisor('李娜', 'sales_advisor', 'sales', 'lina')
    const serviceWang = await advisor('王建华', 'service_advisor', 'service', 'wangjh.service')

    const rnd = createRandom(808)
    const files: VehicleFile[] = []
    for (let i = 1; i <= 4; i++) files.push(await director.vehicleFiles.create(makeVehicleFileForm(rnd, i)))
    const sales = await director.handovers.open({ department: 'sales', handedByName: '王建华' })
    const line = (i: number, advisorName: string) =>
      director.handovers.addArchive(sales.id, {
        scan: files[i]!.vin,
        kind: 'sales',
        advisorName,
        anchorDate: '2026-11-20',
        documentsPresent: []
      })
    const wangsFirst = await line(0, '王建华')
    const wangsSecond = await line(1, '王建华')
    const lisOnly = await line(2, '李娜')
    const service = await director.handovers.open({ department: 'service', handedByName: '王建华' })
    const visitType = (await director.policies.active()).archiveTemplates.service.visitTypes[0]!.code
    const serviceOnes = await director.handovers.addArchive(service.id, {
      scan: files[3]!.vin,
      kind: 'service',
      visitType,
      repairOrderNo: 'RO20261120001',
      advisorName: '王建华',
      anchorDate: '2026-03-02',
      documentsPresent: []
    })

    const ids = async (repos: typeof wang) => (await repos.archives.mine()).map((v) => v.archive.id).sort()
    expect(await ids(wang)).toEqual([wangsFirst.archive.id, wangsSecond.archive.id].sort())
    expect(await ids(li)).toEqual([lisOnly.archive.id])
    expect(await ids(serviceWang)).toEqual([serviceOnes.archive.id])
    // The director is nobody's advisor: 我的 is empty, the work list has all four.
    expect(await ids(director)).toEqual([])
    expect(await director.archives.list({})).toHaveLength(4)
    // Personal information stays masked here as everywhere.
    expect((await wang.archives.mine())[0]!.file.ownerPhone).toMatch(/\*{4}/)
    // And the advisor still cannot open the work list's handover door.
    const refused = await wang.handovers.open({ department: 'sales', handedByName: '王建华' }).catch((e: unknown) => e)
    expect(isDomainError(refused) && refused.code).toBe('PERMISSION_DENIED')
  })
})
