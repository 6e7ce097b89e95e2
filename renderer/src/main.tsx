import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/app.css'
import { initI18n } from './i18n'
import { openDatabase } from './data/dexie/open-dexie-repositories'
import { DexieAuth } from './data/dexie/dexie-auth'
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME } from './data/dexie/schema-versions'
import { backupBeforeUpgrade, deleteStaleRestoreDatabases, detectAuthKeyStore, detectBackupTarget, detectLostData, recordBeforeUpgradeBackup } from './data/backup'
import { detectPlatform, openAuditTrust } from './platform'
import { attachAuditTrust } from './data/dexie/audit-trust'
import { recordDailyAuditAnchor } from './data/dexie/audit-anchors'
import { deviceId } from './app/device-id'
import { Root } from './app/Root'
import { APP_VERSION } from './version'
import { zhCN } from './i18n/zh-CN'

async function start() {
  const root = createRoot(document.getElementById('root')!)
  await initI18n('zh-CN')
  try {
    const platform = detectPlatform()
    const backupTarget = detectBackupTarget(window)
    const backupAuthKeys = detectAuthKeyStore(window)
    const device = deviceId()
    // The audit key and anchors come first: everything that writes or backs up the archive uses them.
    attachAuditTrust(DATABASE_NAME, await openAuditTrust(DATABASE_NAME))
    await deleteStaleRestoreDatabases()
    // Before Dexie upgrades an older database, it is backed up; a newer one is refused, never opened.
    const beforeUpgrade = await backupBeforeUpgrade(DATABASE_NAME, CURRENT_SCHEMA_VERSION, async (backup) => { await backupTarget.save(backup) }, {
      appVersion: APP_VERSION, operatorName: '系统（升级前自动备份）', deviceId: device, authKeys: backupAuthKeys
    })
    const { db, persisted } = await openDatabase()
    await recordBeforeUpgradeBackup(db, beforeUpgrade, { operatorId: 'system', operatorName: '系统（升级前自动备份）', deviceId: device })
    const anchored = await recordDailyAuditAnchor(db)
    if (anchored.problem) console.warn('[chedang]', anchored.problem)
    const lostData = await detectLostData(db, await backupTarget.latestWithData())
    root.render(
      <StrictMode>
        <Root db={db} auth={new DexieAuth(db, device)} platform={platform} backupTarget={backupTarget} lostData={lostData} storagePersisted={persisted} version={APP_VERSION} backupAuthKeys={backupAuthKeys} />
      </StrictMode>
    )
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    root.render(<div className="fatal" role="alert">{zhCN.app.openFailed.replace('{{reason}}', reason)}</div>)
  }
}

void start()
