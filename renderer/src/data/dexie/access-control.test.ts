import 'fake-indexeddb/auto'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Permission } from '@shared/operators/permissions'
import { PERMISSIONS } from '@shared/operators/permissions'
import type { Role } from '@shared/operators/roles'
import { ROLE_DEPARTMENT, ROLES } from '@shared/operators/roles'
import { isDomainError } from '@shared/model/domain-error'
import { parseTable } from '@shared/import'
import { toVehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import { expectedByDefault } from '../../../../tests/fixtures/expected-permissions'
import { createRandom, makeVehicleFileForm } from '../../../../tests/fixtures/vehicle-generator'
import type { Repositories } from '../repositories'
import type { Session } from '../session'
import { ChedangDatabase } from './database'
import { DexieAuth } from './dexie-auth'
import { createDexieRepositories } from './open-dexie-repositories'
import { firstLogin } from '../../../../tests/fixtures/first-login'

const NAMES: Record<Role, string> = {
  archive_manager: '刘敏',
  cc_director: '张丽',
  sales_advisor: '王建华',
  service_advisor: '陈杰',
  sales_info_clerk: '赵静',
  service_info_clerk: '孙强',
  sales_manager: '周涛',
  service_manager: '吴刚',
  general_manager: '郑伟',
  auditor: '冯霞'
}

let db: ChedangDatabase
let director: Repositories
const sessions = new Map<Role, Session>()
const rnd = createRandom(314)
let ordinaryId = ''
let confidentialId = ''
let topSecretId = ''
let formCounter = 100

async function outcome(work: () => Promise<unknown>): Promise<'allowed' | 'refused'> {
  try {
    await work()
    return 'allowed'
  } catch (error) {
    if (isDomainError(error) && error.code === 'PERMISSION_DENIED') return 'refused'
    // Past the door but refused for what was asked (a file that is not a backup, an archive that is not there).
    if (
      isDomainError(error) &&
      ['BACKUP_', 'ARCHIVE_', 'DESTRUCTION_', 'FINE_'].some((prefix) => error.code.startsWith(prefix))
    )
      return 'allowed'
    throw error
  }
}

beforeAll(async () => {
  db = new ChedangDatabase('access-control')
  await db.open()
  const auth = new DexieAuth(db, 'pc-front-desk', { iterations: 1000 })
  const directorSession = await auth.setup({
    dealershipName: '长春一汽大众4S店',
    name: NAMES.cc_director,
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  sessions.set('cc_director', directorSession)
  director = createDexieRepositories(db, directorSession, { iterations: 1000 })
  for (const role of ROLES.filter((r) => r !== 'cc_director')) {
    const created = await director.operators.create({
      name: NAMES[role],
      role,
      department: ROLE_DEPARTMENT[role],
      phone: '',
      username: `user.${role.replace(/_/g, '')}`,
      password: 'Archive#2026'
    })
    // Each operator replaces the director's initial password at the first login, as they must.
    const session = await firstLogin(auth, created.username!, 'Archive#2026')
    sessions.set(role, session)
  }
  const make = () => makeVehicleFileForm(rnd, ++formCounter)
  ordinaryId = (await director.vehicleFiles.create(make())).id
  confidentialId = (await director.vehicleFiles.create(make())).id
  topSecretId = (await director.vehicleFiles.create(make())).id
  await director.vehicleFiles.setSecrecy(confidentialId, 'confidential', '涉及质量纠纷，法务要求保密')
  await director.vehicleFiles.setSecrecy(topSecretId, 'top_secret', '公安机关调查中')
})

const OPERATIONS: Partial<Record<Permission, (repos: Repositories) => Promise<unknown>>> = {
  'vehicleFile.read': (r) => r.vehicleFiles.listIds(),
  'vehicleFile.create': (r) => r.vehicleFiles.create(makeVehicleFileForm(rnd, ++formCounter)),
  'vehicleFile.update': async (r) => {
    const file = await director.vehicleFiles.getForEdit(ordinaryId)
    return r.vehicleFiles.update(ordinaryId, { ...toVehicleFileForm(file!), notes: `改于 ${formCounter++}` }, file!.rev)
  },
  'vehicleFile.readConfidential': (r) => r.vehicleFiles.get(confidentialId),
  'vehicleFile.readTopSecret': (r) => r.vehicleFiles.get(topSecretId),
  'vehicleFile.setSecrecy': (r) => r.vehicleFiles.setSecrecy(ordinaryId, 'ordinary', '复核密级'),
  'personalInfo.reveal': (r) => r.vehicleFiles.revealPersonalInfo(ordinaryId, 'ownerPhone', '回访核对电话'),
  'settings.manage': (r) => r.settings.openForEditing(),
  'permissions.manage': async (r) => r.settings.savePermissionMatrix(await director.settings.getPermissionMatrix()),
  'operators.manage': (r) => r.operators.list(),
  'audit.read': (r) => r.auditLog.query({ limit: 5 }),
  'audit.exportPersonalInfoAccess': (r) => r.auditLog.exportPersonalInfoAccess({}),
  'integrity.check': (r) => r.integrity.run(),
  'backup.export': (r) => r.backups.create('manual'),
  'backup.restore': (r) =>
    r.backups.restore(new TextEncoder().encode('这不是备份文件'), {
      passphrase: '不是这个密码啊啊啊啊',
      saveSafetyBackup: async () => undefined
    }),
  'handover.receive': (r) => r.handovers.open({ department: 'sales', handedByName: '李明' }),
  'archive.inspect': (r) => r.archives.saveProgress('no-such-archive', { kind: 'sales', documents: {} }, {}),
  'policy.manage': (r) => r.policies.saveCalendarOverrides([]),
  'loan.manage': (r) => r.loans.register(),
  'retention.manage': (r) =>
    r.retention.recordInspection({
      inspectedOn: '2026-03-02',
      inspectorName: '刘敏',
      scope: '',
      checks: Object.fromEntries(
        ['damp', 'mould', 'fading', 'damage', 'boxOrder'].map((item) => [item, { ok: true, note: null }])
      ),
      findings: '',
      actions: ''
    }),
  // Past the door, refused for what was asked: a file created today is not due, no such proposal exists.
  'destruction.propose': (r) => r.retention.proposeDestruction(ordinaryId, '保管期满'),
  'destruction.approve': (r) => r.retention.approveDestruction('no-such-proposal'),
  'reports.read': (r) => r.fineReports.recordPrint({ document: 'monthlyReport', month: '2026-03' }),
  'fines.read': (r) => r.fines.month('2026-03'),
  'fines.manage': (r) => r.fines.decide('no-such-violation', { decision: 'confirm' }),
  'fines.payCut': (r) => r.fines.setPayCut('2026-03', 'no-such-person', 10),
  'reconciliation.manage': (r) => r.reconciliations.list()
}

describe('permissions are enforced in the data layer, for every role and every protected operation', () => {
  it('has an operation under test for every permission of the matrix', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual([...PERMISSIONS].sort())
  })

  for (const role of ROLES) {
    for (const [permission, operation] of Object.entries(OPERATIONS) as [
      Permission,
      (r: Repositories) => Promise<unknown>
    ][]) {
      const expected = expectedByDefault(role, permission) ? 'allowed' : 'refused'
      it(`${role} → ${permission}: ${expected}`, async () => {
        const repos = createDexieRepositories(db, sessions.get(role)!, { iterations: 1000 })
        expect(await outcome(() => operation(repos))).toBe(expected)
      })
    }
  }

  it('refuses an import and its preview to every role that may not create files, and writes nothing', async () => {
    const refusedRoles = ROLES.filter((role) => !expectedByDefault(role, 'vehicleFile.create'))
    expect(refusedRoles.length).toBeGreaterThan(0)
    const source = { fileName: '车辆档案.csv', sha256: 'a'.repeat(64) }
    for (const role of refusedRoles) {
      const repos = createDexieRepositories(db, sessions.get(role)!, { iterations: 1000 })
      const before = await director.vehicleFiles.count()
      const rows = [makeVehicleFileForm(rnd, ++formCounter)]
      expect(await outcome(() => repos.vehicleFiles.importBulk({ source, rows })), role).toBe('refused')
      expect(await outcome(() => repos.vehicleFiles.validateImport({ rows })), role).toBe('refused')
      expect(await director.vehicleFiles.count()).toBe(before)
    }
    const allowed = ROLES.find((role) => expectedByDefault(role, 'vehicleFile.create'))!
    const repos = createDexieRepositories(db, sessions.get(allowed)!, { iterations: 1000 })
    const result = await repos.vehicleFiles.importBulk({ source, rows: [makeVehicleFileForm(rnd, ++formCounter)] })
    expect(result).toMatchObject({ ok: true, created: 1 })
  })

  it('records every refusal in the audit trail with who tried what', async () => {
    const advisor = createDexieRepositories(db, sessions.get('sales_advisor')!)
    await expect(advisor.settings.openForEditing()).rejects.toThrow(/王建华（销售顾问）没有“修改系统设置”的权限/)
    const denied = await director.auditLog.query({
      actions: ['access.denied'],
      actorId: sessions.get('sales_advisor')!.operator.accountId
    })
    expect(denied.map((e) => e.summary)).toContain('被拒绝：修改系统设置（打开系统设置）')
  })
})

describe('secrecy levels', () => {
  it('lists confidential files only to those allowed, and logs each opening', async () => {
    const advisor = createDexieRepositories(db, sessions.get('sales_advisor')!)
    const manager = createDexieRepositories(db, sessions.get('archive_manager')!)
    const advisorIds = await advisor.vehicleFiles.listIds()
    expect(advisorIds).toContain(ordinaryId)
    expect(advisorIds).not.toContain(confidentialId)
    expect(await advisor.vehicleFiles.getMany([confidentialId, ordinaryId])).toHaveLength(1)
    expect(await manager.vehicleFiles.listIds()).toContain(confidentialId)
    expect(await manager.vehicleFiles.listIds()).not.toContain(topSecretId)
    await manager.vehicleFiles.get(confidentialId)
    const views = await director.auditLog.query({
      actions: ['confidential.view'],
      actorId: sessions.get('archive_manager')!.operator.accountId
    })
    expect(views.length).toBeGreaterThan(0)
    expect(views[0]!.entityId).toBe(confidentialId)
  })

  it('does not reveal a hidden file’s owner through the duplicate-VIN message', async () => {
    const clerk = createDexieRepositories(db, sessions.get('sales_info_clerk')!)
    const hidden = await director.vehicleFiles.getForEdit(confidentialId)
    const error = await clerk.vehicleFiles
      .create({ ...makeVehicleFileForm(rnd, ++formCounter), vin: hidden!.vin })
      .catch((e: unknown) => e)
    expect(isDomainError(error) && error.code).toBe('VEHICLE_DUPLICATE_VIN')
    expect((error as Error).message).toBe('该车架号已建档（您无权查看该档案）')
    expect((error as Error).message).not.toContain(hidden!.archiveNo)
  })
})

describe('personal information', () => {
  it('comes masked from lists and pages; the full value needs a reason and is logged', async () => {
    const manager = createDexieRepositories(db, sessions.get('archive_manager')!)
    const full = await director.vehicleFiles.getForEdit(ordinaryId)
    const shown = await manager.vehicleFiles.get(ordinaryId)
    expect(shown!.ownerPhone).toMatch(/^1\d{2}\*{4}\d{4}$/)
    expect(shown!.ownerIdNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/)
    await expect(manager.vehicleFiles.revealPersonalInfo(ordinaryId, 'ownerPhone', ' ')).rejects.toThrow(/原因/)
    expect(await manager.vehicleFiles.revealPersonalInfo(ordinaryId, 'ownerIdNumber', '办理借阅核对身份')).toBe(
      full!.ownerIdNumber
    )
    const exported = await director.auditLog.exportPersonalInfoAccess({})
    const table = await parseTable(exported.bytes, exported.fileName)
    expect(table.headers).toEqual(['时间', '操作员', '类型', '内容', '字段', '原因'])
    expect(table.rows).toContainEqual([
      expect.any(String),
      '刘敏',
      '查看个人信息',
      expect.any(String),
      '身份证号',
      '办理借阅核对身份'
    ])
    expect(exported.fileName).toMatch(/^个人信息访问记录-\d{4}-\d{2}-\d{2}\.xlsx$/)
  })
})
