import 'fake-indexeddb/auto'
import { ChedangDatabase } from './database'
import { createDexieRepositories } from './open-dexie-repositories'
import { runVehicleFilesContract } from '../vehicle-files.contract'

let n = 0
runVehicleFilesContract('Dexie on fake-indexeddb', async () => {
  const db = new ChedangDatabase(`contract-${++n}-${Date.now()}`)
  await db.open()
  return createDexieRepositories(db)
})
