import {
  allManualChecksPassed,
  FAW_VW_SALES_EXAMPLE,
  FAW_VW_SERVICE_EXAMPLE,
  withFacts
} from '@shared/samples/example-archives'
import { chinaDate } from '@shared/time'
import type { ArchiveInput } from '@shared/rules'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { getPreset } from '@shared/policy'
import type { Department, Role } from '@shared/operators/roles'
import { createRandom, makeMobile, makeVehicleFileForm } from '@shared/vehicle/vehicle-generator'
import type { ChedangDatabase } from '../data/dexie/database'
import { DexieAuth } from '../data/dexie/dexie-auth'
import { createDexieRepositories } from '../data/dexie/open-dexie-repositories'
import type { Repositories } from '../data/repositories'

// A sample dealership to look at the app with: about 200 vehicle files and their archives in every
// state, made through the same repository commands as real work (so numbering, deadlines, rules and
// the audit trail are real), in its own database, never the real archive's.

/** The demo's own IndexedDB database: the real archive (`chedang`) is never opened in demo mode. */
export const DEMO_DATABASE_NAME = 'chedang-demo'
export const DEMO_DEALERSHIP_NAME = '长春示例一汽大众4S店（演示）'
/** Every demo operator's password, shown on the demo login screen. */
export const DEMO_PASSWORD = 'Yanshi#2026'
export const DEMO_SEED = 20260301
export const DEMO_FILE_COUNT = 200
/**
 * PBKDF2 work for the demo passwords: they are printed on the demo login screen, so the full work
 * factor would protect nothing and only slow the demo's making down. Real passwords keep the default.
 */
export const DEMO_PBKDF2_ITERATIONS = 50_000

export interface DemoAccount {
  role: Role
  department: Department
  name: string
  username: string
  password: string
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    role: 'cc_director',
    department: 'customer_care',
    name: '周晓梅',
    username: 'zhouxiaomei',
    password: DEMO_PASSWORD
  },
  { role: 'archive_manager', department: 'customer_care', name: '刘敏', username: 'liumin', password: DEMO_PASSWORD },
  { role: 'sales_advisor', department: 'sales', name: '李明', username: 'liming', password: DEMO_PASSWORD },
  { role: 'service_advisor', department: 'service', name: '赵强', username: 'zhaoqiang', password: DEMO_PASSWORD }
]

const [DIRECTOR, ...STAFF] = DEMO_ACCOUNTS as [DemoAccount, ...DemoAccount[]]
const OTHER_SALES_ADVISORS = ['陈静', '王磊'] as const
const OTHER_SERVICE_ADVISORS = ['孙涛'] as const

export interface DemoOptions {
  deviceId: string
  /** The moment the demo is made; its history lies in the weeks before. */
  now?: Date
  /** PBKDF2 iterations for the demo passwords; DEMO_PBKDF2_ITERATIONS unless given (tests use fewer). */
  iterations?: number
  /** Called with a short Chinese description of each step, for a progress line. */
  onProgress?: (step: string) => void
}

export interface DemoSummary {
  files: number
  archives: number
  handovers: number
}

const HOUR = 3_600_000
const DAY = 24 * HOUR

/**
 * Builds the sample dealership into an EMPTY database. Deterministic: the same seed gives the same
 * people, vehicles and verdicts; only the dates follow `now`, so deadlines fall due as in real life.
 */
export async function buildDemoDealership(db: ChedangDatabase, options: DemoOptions): Promise<DemoSummary> {
  const end = (options.now ?? new Date()).getTime()
  // A clock that only moves forward, from four weeks ago up to `end`.
  const clock = { at: end - 28 * DAY }
  const now = () => new Date(clock.at)
  const moveTo = (t: number) => {
    clock.at = Math.min(Math.max(clock.at, t), end)
  }
  const tick = () => {
    clock.at = Math.min(clock.at + 60_000, end)
  }
  const progress = options.onProgress ?? (() => undefined)
  const iterations = options.iterations ?? DEMO_PBKDF2_ITERATIONS
  const auth = new DexieAuth(db, options.deviceId, { now, iterations })
  const repoOptions = { now, iterations }
  const rnd = createRandom(DEMO_SEED)

  progress('建立演示账号')
  const directorSession = await auth.setup({
    dealershipName: DEMO_DEALERSHIP_NAME,
    name: DIRECTOR.name,
    username: DIRECTOR.username,
    password: DIRECTOR.password
  })
  const director = createDexieRepositories(db, directorSession, repoOptions)
  for (const [i, account] of STAFF.entries()) {
    // The director gives an initial password; the operator logs in and replaces it with the demo
    // password at once (the same forced change every new operator makes), so the demo logins go straight in.
    const initial = `Chushi#${7390 + i}q`
    tick()
    await director.operators.create({
      name: account.name,
      department: account.department,
      role: account.role,
      phone: makeMobile(rnd),
      username: account.username,
      password: initial
    })
    tick()
    const { session } = await auth.login(account.username, initial)
    await auth.changePassword(session, initial, account.password)
    await auth.logout(session)
  }

  progress('建立车辆档案')
  const files: VehicleFile[] = []
  for (let n = 1; n <= DEMO_FILE_COUNT; n++) {
    if (n % 20 === 1) moveTo(end - (28 - n / 20) * DAY)
    tick()
    const form = makeVehicleFileForm(rnd, n, { provinceCode: '22' })
    const archiveNo = await director.vehicleFiles.previewArchiveNo(form.origin)
    files.push(await director.vehicleFiles.create({ ...form, archiveNo }))
  }

  progress('交接与检查')
  const sold = files.filter((f) => f.origin === 'sold_here')
  const serviced = files.filter((f) => f.origin === 'serviced_only')
  const salesAdvisors = [STAFF.find((a) => a.role === 'sales_advisor')!.name, ...OTHER_SALES_ADVISORS]
  const serviceAdvisors = [STAFF.find((a) => a.role === 'service_advisor')!.name, ...OTHER_SERVICE_ADVISORS]
  const salesDocs = Object.keys(FAW_VW_SALES_EXAMPLE.documents)
  const serviceDocs = Object.keys(FAW_VW_SERVICE_EXAMPLE.documents)
  const manualSales = allManualChecksPassed(getPreset('faw-vw').archiveTemplates.sales)
  const lateInvoice = withFacts(FAW_VW_SALES_EXAMPLE, { 'invoice.invoiceDate': '2026-03-06 16:00' })
  let handovers = 0
  let archives = 0

  /** One sales handover batch `daysAgo`, its lines delivered one to three days before. */
  const salesBatch = async (daysAgo: number, vehicles: readonly VehicleFile[], repos: Repositories) => {
    moveTo(end - daysAgo * DAY)
    const handover = await repos.handovers.open({
      department: 'sales',
      handedByName: salesAdvisors[handovers % salesAdvisors.length]!
    })
    handovers++
    const ids: string[] = []
    for (const [i, file] of vehicles.entries()) {
      tick()
      // The delivery day, typed on the handover line as the archive manager does (China calendar date).
      const anchorDate = chinaDate(new Date(end - (daysAgo + 1 + (i % 3)) * DAY))
      const view = await repos.handovers.addArchive(handover.id, {
        scan: file.vin,
        kind: 'sales',
        advisorName: salesAdvisors[i % salesAdvisors.length]!,
        anchorDate,
        documentsPresent: salesDocs
      })
      ids.push(view.archive.id)
      archives++
    }
    return { handover, ids }
  }
  const inspect = async (repos: Repositories, id: string, input: ArchiveInput) => {
    tick()
    return repos.archives.completeInspection(id, input, manualSales)
  }
  const place = (i: number) => `A${1 + (i % 12)}-${1 + (i % 5)}-${String(1 + (i % 40)).padStart(2, '0')}`

  // Older batches: signed, inspected and filed; one archive of each was nonconforming and came back corrected.
  const old = [24, 20, 16, 12, 9]
  let cursor = 0
  let filedCount = 0
  for (const daysAgo of old) {
    const batch = sold.slice(cursor, cursor + 16)
    cursor += 16
    const { handover, ids } = await salesBatch(daysAgo, batch, director)
    await director.handovers.submit(handover.id)
    await director.handovers.markSigned(handover.id)
    for (const [i, id] of ids.entries()) {
      if (i === 3) {
        await inspect(director, id, lateInvoice)
        moveTo(clock.at + 4 * HOUR)
        await director.archives.resubmit(id)
        await inspect(director, id, FAW_VW_SALES_EXAMPLE)
      } else {
        await inspect(director, id, FAW_VW_SALES_EXAMPLE)
      }
      tick()
      await director.archives.file(id, place(filedCount++))
    }
  }

  // Six days ago: accepted but not yet filed; one returned and long overdue; one returned and resubmitted.
  {
    const { handover, ids } = await salesBatch(6, sold.slice(cursor, cursor + 12), director)
    cursor += 12
    await director.handovers.submit(handover.id)
    await director.handovers.markSigned(handover.id)
    for (const [i, id] of ids.entries()) {
      if (i === 1 || i === 2) await inspect(director, id, lateInvoice)
      else await inspect(director, id, FAW_VW_SALES_EXAMPLE)
      if (i >= 8 && i !== 1 && i !== 2) {
        tick()
        await director.archives.file(id, place(filedCount++))
      }
    }
    moveTo(end - 5 * DAY)
    await director.archives.resubmit(ids[2]!)
  }

  // Yesterday: submitted, signed, partly inspected; one archive being checked (progress saved).
  {
    const { handover, ids } = await salesBatch(1, sold.slice(cursor, cursor + 10), director)
    cursor += 10
    await director.handovers.submit(handover.id)
    await director.handovers.markSigned(handover.id)
    for (const [i, id] of ids.entries()) {
      if (i < 4) await inspect(director, id, i === 0 ? lateInvoice : FAW_VW_SALES_EXAMPLE)
      else if (i === 4) {
        tick()
        await director.archives.saveProgress(id, { ...FAW_VW_SALES_EXAMPLE, facts: {} }, {})
      }
    }
  }

  // Today: a sales batch submitted for signatures and a service batch still being scanned.
  {
    const { handover } = await salesBatch(0.2, sold.slice(cursor, cursor + 6), director)
    cursor += 6
    await director.handovers.submit(handover.id)
    moveTo(end - 0.1 * DAY)
    const service = await director.handovers.open({ department: 'service', handedByName: serviceAdvisors[0]! })
    handovers++
    for (const [i, file] of serviced.slice(0, 8).entries()) {
      tick()
      const handedBack = new Date(end - (1 + (i % 2)) * DAY)
      await director.handovers.addArchive(service.id, {
        scan: file.vin,
        kind: 'service',
        visitType: FAW_VW_SERVICE_EXAMPLE.visitType!,
        repairOrderNo: `RO${String(handedBack.getUTCFullYear()).slice(2)}${String(2000 + i * 37).padStart(6, '0')}`,
        advisorName: serviceAdvisors[i % serviceAdvisors.length]!,
        anchorDate: chinaDate(handedBack),
        documentsPresent: serviceDocs
      })
      archives++
    }
  }
  progress('完成')
  await auth.logout(directorSession)
  return { files: files.length, archives, handovers }
}
