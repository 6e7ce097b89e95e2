import 'fake-indexeddb/auto'
import { ChedangDatabase } from './database'
import { createDexieRepositories } from './open-dexie-repositories'
import { DexieAuth } from './dexie-auth'
import { runVehicleFilesContract } from '../../../../tests/contracts/vehicle-files.contract'

let n = 0
runVehicleFilesContract('Dexie on fake-indexeddb', async () => {
  const db = new ChedangDatabase(`contract-${++n}-${Date.now()}`)
  await db.open()
  const auth = new DexieAuth(db, 'pc-archive-room', { iterations: 1000 })
  const session = await auth.setup({
    dealershipName: '长春一汽大众4S店',
    name: '张丽',
    username: 'zhangli',
    password: 'Chedang#2026'
  })
  return createDexieRepositories(db, session, { iterations: 1000 })
})
