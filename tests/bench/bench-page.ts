import { ChedangDatabase } from '../../renderer/src/data/dexie/database'
import { createDexieRepositories } from '../../renderer/src/data/dexie/open-dexie-repositories'
import { DexieAuth } from '../../renderer/src/data/dexie/dexie-auth'
import type { Repositories } from '../../renderer/src/data/repositories'
import type { Session } from '../../renderer/src/data/session'
import type { VehicleFileForm } from '../../shared/vehicle/vehicle-file-schema'
import type { VehicleFile } from '../../shared/vehicle/vehicle-file'
import { createRandom, makeVehicleFileForm } from '../fixtures/vehicle-generator'
import { namePartKey } from '../../shared/search/search-keys'
import type { BenchApi, QueryKind, Timing } from './bench-api'

// Runs inside headless Chromium: the real repository code on a real IndexedDB.

const DATA_SEED = 20261122
const SEARCH_LIMIT = 200
// The archive's main user, as a real account (every call checks that the session still stands): may create
// files and read confidential ones (not top-secret ones). Set up through the same first start and first
// login as in the app, with few password-hash iterations, since the bench measures search, not logins.
const DIRECTOR = { dealershipName: '长春一汽大众4S店', name: '张丽', username: 'zhangli', password: 'Chedang#2026' }
const MANAGER = { name: '刘敏', username: 'liumin', initial: 'Archive#2026', own: 'Personal#8842' }

async function archiveManagerSession(database: ChedangDatabase): Promise<Session> {
  const auth = new DexieAuth(database, 'bench-device', { iterations: 1000 })
  const director = createDexieRepositories(database, await auth.setup(DIRECTOR), { iterations: 1000 })
  await director.operators.create({
    name: MANAGER.name,
    role: 'archive_manager',
    department: 'customer_care',
    phone: '',
    username: MANAGER.username,
    password: MANAGER.initial
  })
  const { session } = await auth.login(MANAGER.username, MANAGER.initial)
  await auth.changePassword(session, MANAGER.initial, MANAGER.own)
  return session
}

let db: ChedangDatabase | undefined
let rawDb: ChedangDatabase | undefined
let repositories: Repositories | undefined
const rnd = createRandom(DATA_SEED)
let nextArchiveSeq = 1
const seenVins = new Set<string>()
// What the queries are drawn from: one entry per stored file.
const stored = { vins: [] as string[], plates: [] as string[], ownerNames: [] as string[], ownerPhones: [] as string[] }

function ready(): { db: ChedangDatabase; repositories: Repositories } {
  if (!db || !repositories) throw new Error('call bench.open(name) first')
  return { db, repositories }
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name)
    request.onsuccess = () => resolve()
    request.onerror = () => reject(request.error ?? new Error(`cannot delete ${name}`))
    request.onblocked = () => reject(new Error(`deleting ${name} is blocked by an open connection`))
  })
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

/** The single index and key range a raw lookup uses for one query of `kind`. */
function rawLookup(kind: QueryKind, query: string): { index: string; range: IDBKeyRange } {
  const prefix = (lower: string) => IDBKeyRange.bound(lower, lower + '\uffff')
  switch (kind) {
    case 'vinSuffix':
      return { index: 'vinReversed', range: prefix([...query.toUpperCase()].reverse().join('')) }
    case 'plate':
      return { index: 'plate', range: prefix(query) }
    case 'ownerName':
      return { index: 'ownerName', range: prefix(query) }
    // The name suffixes that start with the name part: the range the repository reads.
    case 'nameSubstring':
      return { index: 'nameSuffixes', range: prefix(namePartKey(query)) }
    case 'phoneTail':
      return { index: 'phoneTails', range: IDBKeyRange.only(query) }
  }
}

/** Adds the rows to the raw twin with plain IndexedDB in one transaction; milliseconds until it commits. */
function rawBulkAdd(rows: readonly VehicleFile[], into: IDBDatabase | undefined = rawDb?.backendDB()): Promise<number> {
  if (!into) throw new Error('call bench.open(name) first')
  const start = performance.now()
  const tx = into.transaction('vehicleFiles', 'readwrite')
  const store = tx.objectStore('vehicleFiles')
  for (const row of rows) store.add(row)
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve(performance.now() - start)
    tx.onerror = () => reject(tx.error ?? new Error('raw bulkAdd failed'))
  })
}

/** A database whose vehicleFiles store has no index but its key: what the rows cost without the indexes. */
function openBareDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1)
    request.onupgradeneeded = () => request.result.createObjectStore('vehicleFiles', { keyPath: 'id' })
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`))
  })
}

async function timeEach(queries: readonly string[], run: (query: string) => Promise<number>): Promise<Timing> {
  const ms: number[] = []
  const rows: number[] = []
  for (const query of queries) {
    const start = performance.now()
    const count = await run(query)
    ms.push(performance.now() - start)
    rows.push(count)
  }
  return { ms, rows }
}

const bench: BenchApi = {
  env: () => ({
    userAgent: navigator.userAgent,
    crossOriginIsolated,
    hardwareConcurrency: navigator.hardwareConcurrency
  }),

  async open(name) {
    db?.close()
    rawDb?.close()
    await deleteDatabase(name)
    await deleteDatabase(`${name}-raw`)
    db = new ChedangDatabase(name)
    await db.open()
    // The floor of an import: the same rows added by hand to an empty twin with the same schema and indexes.
    rawDb = new ChedangDatabase(`${name}-raw`)
    await rawDb.open()
    repositories = createDexieRepositories(db, await archiveManagerSession(db))
  },

  async seed(count) {
    const { repositories, db } = ready()
    const started = performance.now()
    const genStart = performance.now()
    let skippedDuplicateVins = 0
    const forms: VehicleFileForm[] = []
    while (forms.length < count) {
      const form = makeVehicleFileForm(rnd, nextArchiveSeq++)
      // The generator's VIN space is large but finite: about 18 repeats per 100 000 files.
      if (seenVins.has(form.vin)) {
        skippedDuplicateVins++
        continue
      }
      seenVins.add(form.vin)
      forms.push(form)
    }
    const generateMs = performance.now() - genStart
    // What an import screen does with the file it read: the hash of its bytes, outside the transaction.
    const hashStart = performance.now()
    const bytes = new TextEncoder().encode(JSON.stringify(forms))
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
    const sha256 = [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
    const hashMs = performance.now() - hashStart
    const importStart = performance.now()
    const result = await repositories.vehicleFiles.importBulk({
      source: { fileName: `bench-${nextArchiveSeq}.json`, sha256 },
      rows: forms
    })
    const importMs = performance.now() - importStart
    if (!result.ok)
      throw new Error(
        result.errors
          .slice(0, 5)
          .map((error) => error.message)
          .join('\n')
      )
    for (const form of forms) {
      stored.vins.push(form.vin)
      stored.plates.push(form.plate)
      stored.ownerNames.push(form.ownerName)
      stored.ownerPhones.push(form.ownerPhone)
    }
    const totalMs = performance.now() - started
    // The same rows as stored, added raw to the twin in one transaction: what the import costs over IndexedDB.
    const rows = await db.vehicleFiles.bulkGet(result.ids)
    const rawMs = await rawBulkAdd(rows as VehicleFile[])
    const total = await repositories.vehicleFiles.count()
    return { added: result.created, total, skippedDuplicateVins, generateMs, hashMs, importMs, rawMs, totalMs }
  },

  async compareWrites(count, chunkSize) {
    const rows = await ready().db.vehicleFiles.limit(count).toArray()
    const full = async (name: string) => {
      await deleteDatabase(name)
      const twin = new ChedangDatabase(name)
      await twin.open()
      return twin
    }
    const single = await full('chedang-bench-writes-1')
    const oneTransaction = await rawBulkAdd(rows, single.backendDB())
    single.close()
    const chunkedDb = await full('chedang-bench-writes-n')
    const start = performance.now()
    for (let i = 0; i < rows.length; i += chunkSize)
      await rawBulkAdd(rows.slice(i, i + chunkSize), chunkedDb.backendDB())
    const chunked = performance.now() - start
    chunkedDb.close()
    await deleteDatabase('chedang-bench-writes-bare')
    const bareDb = await openBareDatabase('chedang-bench-writes-bare')
    const bare = await rawBulkAdd(rows, bareDb)
    bareDb.close()
    return { rows: rows.length, oneTransaction, chunked, bare }
  },

  queries(kind, count, seed) {
    const pickRnd = createRandom(seed)
    const n = stored.vins.length
    if (n === 0) throw new Error('seed the database first')
    return Array.from({ length: count }, () => {
      const i = Math.floor(pickRnd() * n)
      switch (kind) {
        case 'vinSuffix': {
          // Mostly the last 6 characters read off the windscreen, sometimes 7 or 8.
          const r = pickRnd()
          return stored.vins[i]!.slice(r < 0.7 ? -6 : r < 0.9 ? -7 : -8)
        }
        case 'plate':
          return stored.plates[i]!
        case 'ownerName':
          return stored.ownerNames[i]!
        case 'nameSubstring': {
          // Any part of a name but its start: the given name of a three-character name (王建华 → 建华).
          for (let j = i, tries = 0; tries < n; j = (j + 1) % n, tries++) {
            const name = stored.ownerNames[j]!
            if ([...name].length >= 3) return [...name].slice(1).join('')
          }
          throw new Error('no owner name of three characters')
        }
        case 'phoneTail':
          return stored.ownerPhones[i]!.slice(-4)
      }
    })
  },

  measure(_kind, queries) {
    const { repositories } = ready()
    return timeEach(
      queries,
      async (query) => (await repositories.vehicleFiles.search(query, SEARCH_LIMIT)).files.length
    )
  },

  measureRaw(kind, queries) {
    const idb = ready().db.backendDB()
    return timeEach(queries, async (query) => {
      const { index, range } = rawLookup(kind, query)
      const store = idb.transaction('vehicleFiles', 'readonly').objectStore('vehicleFiles')
      return (await request(store.index(index).getAll(range, SEARCH_LIMIT))).length
    })
  },

  measureListIds(runs) {
    const { repositories } = ready()
    return timeEach(
      Array.from({ length: runs }, () => ''),
      async () => (await repositories.vehicleFiles.listIds()).length
    )
  },

  measureFirstScreen(runs) {
    const { repositories } = ready()
    return timeEach(
      Array.from({ length: runs }, () => ''),
      async () => {
        const [ids] = await Promise.all([repositories.vehicleFiles.listIds(100), repositories.vehicleFiles.count()])
        return ids.length
      }
    )
  },

  measureListIdsRaw(runs) {
    const idb = ready().db.backendDB()
    return timeEach(
      Array.from({ length: runs }, () => ''),
      async () => {
        const store = idb.transaction('vehicleFiles', 'readonly').objectStore('vehicleFiles')
        return (await request(store.index('createdAt').getAllKeys())).reverse().length
      }
    )
  }
}

window.bench = bench
document.body.dataset.ready = 'true'
