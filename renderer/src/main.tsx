import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/app.css'
import { initI18n } from './i18n'
import { openDatabase } from './data/dexie/open-dexie-repositories'
import { DexieAuth } from './data/dexie/dexie-auth'
import { detectPlatform } from './platform'
import { deviceId } from './app/device-id'
import { Root } from './app/Root'
import { zhCN } from './i18n/zh-CN'

const VERSION = '0.1.0'

async function start() {
  const root = createRoot(document.getElementById('root')!)
  await initI18n('zh-CN')
  try {
    const { db, persisted } = await openDatabase()
    const device = deviceId()
    root.render(
      <StrictMode>
        <Root db={db} auth={new DexieAuth(db, device)} platform={detectPlatform()} storagePersisted={persisted} version={VERSION} />
      </StrictMode>
    )
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    root.render(<div className="fatal" role="alert">{zhCN.app.openFailed.replace('{{reason}}', reason)}</div>)
  }
}

void start()
