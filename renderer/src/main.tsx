import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './styles/app.css'
import { initI18n } from './i18n'
import { openDatabase } from './data/dexie/open-dexie-repositories'
import { DexieAuth } from './data/dexie/dexie-auth'
import { CURRENT_SCHEMA_VERSION, DATABASE_NAME } from './data/dexie/schema-versions'
import {
  backupBeforeUpgrade,
  deleteStaleRestoreDatabases,
  detectAuthKeyStore,
  detectBackupTarget,
  detectLostData,
  recordBeforeUpgradeBackup
} from './data/backup'
import { detectPlatform, openAuditTrust } from './platform'
import { browserAuditTrust } from './platform/audit-trust.browser'
import { attachAuditTrust } from './data/dexie/audit-trust'
import { recordDailyAuditAnchor } from './data/dexie/audit-anchors'
import { deviceId } from './app/device-id'
import { Root } from './app/Root'
import { APP_VERSION } from './version'
import { zhCN } from './i18n/zh-CN'
import { enterDemo, isDemoMode } from './demo/demo-mode'
import { buildDemoDealership, DEMO_ACCOUNTS, DEMO_DATABASE_NAME } from './demo/demo-dealership'
import { DemoBanner, DemoBuilding } from './demo/DemoBanner'
import { createDemoBackupTarget } from './demo/demo-backup-target'
import type { Platform } from './platform'

/**
 * Demo mode: the sample dealership in its own database (made on first use). The real archive is not
 * opened, not upgraded and not compared with its backups; backups are never automatic (browser-style
 * downloads only, remembered apart from the real archive's), and a restore can only reach this database.
 */
async function startDemo(root: ReturnType<typeof createRoot>, platform: Platform, device: string) {
  document.title = zhCN.demo.windowTitle
  document.body.classList.add('demo-mode')
  const { db, persisted } = await openDatabase(DEMO_DATABASE_NAME)
  const auth = new DexieAuth(db, device)
  if (await auth.needsSetup()) {
    root.render(
      <>
        <DemoBanner />
        <DemoBuilding step="" />
      </>
    )
    try {
      await buildDemoDealership(db, {
        deviceId: device,
        onProgress: (step) =>
          root.render(
            <>
              <DemoBanner />
              <DemoBuilding step={step} />
            </>
          )
      })
    } catch (error) {
      // A half-made demo is thrown away, so the next start makes it whole.
      db.close()
      await db.delete()
      throw error
    }
  }
  const demoAccounts = DEMO_ACCOUNTS.map((a) => ({ ...a }))
  root.render(
    <StrictMode>
      <DemoBanner />
      <Root
        db={db}
        auth={auth}
        platform={platform}
        backupTarget={createDemoBackupTarget(platform)}
        storagePersisted={persisted}
        version={APP_VERSION}
        demoAccounts={demoAccounts}
      />
    </StrictMode>
  )
}

async function start() {
  const root = createRoot(document.getElementById('root')!)
  await initI18n('zh-CN')
  try {
    const platform = detectPlatform()
    const backupTarget = detectBackupTarget(window)
    const backupAuthKeys = detectAuthKeyStore(window)
    const device = deviceId()
    await deleteStaleRestoreDatabases()
    if (isDemoMode()) {
      // The sample dealership keeps its audit key and anchors apart from the real archive's (never the
      // desktop's anchor file, which vouches for the real archive alone).
      attachAuditTrust(DEMO_DATABASE_NAME, browserAuditTrust(DEMO_DATABASE_NAME))
      await startDemo(root, platform, device)
      return
    }
    // The audit key and anchors come first: everything that writes or backs up the archive uses them.
    attachAuditTrust(DATABASE_NAME, await openAuditTrust(DATABASE_NAME))
    // Before Dexie upgrades an older database, it is backed up; a newer one is refused, never opened.
    const beforeUpgrade = await backupBeforeUpgrade(
      DATABASE_NAME,
      CURRENT_SCHEMA_VERSION,
      async (backup) => {
        await backupTarget.save(backup)
      },
      {
        appVersion: APP_VERSION,
        operatorName: '系统（升级前自动备份）',
        deviceId: device,
        authKeys: backupAuthKeys
      }
    )
    const { db, persisted } = await openDatabase()
    await recordBeforeUpgradeBackup(db, beforeUpgrade, {
      operatorId: 'system',
      operatorName: '系统（升级前自动备份）',
      deviceId: device
    })
    const anchored = await recordDailyAuditAnchor(db)
    if (anchored.problem) console.warn('[chedang]', anchored.problem)
    const lostData = await detectLostData(db, await backupTarget.latestWithData())
    root.render(
      <StrictMode>
        <Root
          db={db}
          auth={new DexieAuth(db, device)}
          platform={platform}
          backupTarget={backupTarget}
          lostData={lostData}
          storagePersisted={persisted}
          version={APP_VERSION}
          backupAuthKeys={backupAuthKeys}
          onLoadDemo={() => enterDemo()}
        />
      </StrictMode>
    )
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    root.render(
      <div className="fatal" role="alert">
        {zhCN.app.openFailed.replace('{{reason}}', reason)}
      </div>
    )
  }
}

void start()
