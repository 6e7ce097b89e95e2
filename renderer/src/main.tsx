import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/app.css'
import { initI18n } from './i18n'
import { openDexieRepositories } from './data/dexie/open-dexie-repositories'
import { detectPlatform } from './platform'
import { localActor } from './app/local-actor'
import { App } from './app/App'
import { zhCN } from './i18n/zh-CN'

const VERSION = '0.1.0'

async function start() {
  const root = createRoot(document.getElementById('root')!)
  await initI18n('zh-CN')
  try {
    const { repositories, persisted } = await openDexieRepositories()
    root.render(
      <StrictMode>
        <App services={{ repositories, platform: detectPlatform(), actor: localActor(), storagePersisted: persisted, version: VERSION }} />
      </StrictMode>
    )
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    root.render(<div className="fatal" role="alert">{zhCN.app.openFailed.replace('{{reason}}', reason)}</div>)
  }
}

void start()
