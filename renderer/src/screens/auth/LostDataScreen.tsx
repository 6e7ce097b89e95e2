import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LostDataCheck } from '../../data/backup'
import type { BackupSource, BackupTarget } from '../../data/backup'
import { databaseAuthKeyStore, loadWriterKey, restoreBackup, type BackupAuthKeyStore } from '../../data/backup'
import type { ChedangDatabase } from '../../data/dexie/database'
import { chinaDateTimeText } from '@shared/time'
import { AuthCard } from './AuthCard'
import { errorMessage } from '../../components/error-message'

interface Props {
  db: ChedangDatabase
  target: BackupTarget
  check: LostDataCheck
  deviceId: string
  version: string
  onRestored: () => void
  onIgnore: () => void
  authKeys?: BackupAuthKeyStore
}

/** At start: the archive is empty but the last backup was not. Say so and offer the restore. */
export function LostDataScreen({
  db,
  target,
  check,
  deviceId,
  version,
  onRestored,
  onIgnore,
  authKeys = databaseAuthKeyStore
}: Props) {
  const { t } = useTranslation()
  const [error, setError] = useState<string | null>(null)
  // Nobody is logged in here: the backup's own passphrase is what allows the restore.
  const [passphrase, setPassphrase] = useState('')
  const [busy, setBusy] = useState(false)
  const last = check.lastBackup

  const restore = async (source: 'folder' | 'file') => {
    setBusy(true)
    setError(null)
    try {
      let bytes: Uint8Array | BackupSource | null = null
      if (source === 'folder') {
        const entry = (await target.list()).find(
          (e) => e.manifest && Object.values(e.manifest.tables).some((n) => n > 0)
        )
        bytes = entry ? await target.open(entry.name) : null
      } else {
        bytes = (await target.pickFile())?.bytes ?? null
      }
      if (!bytes) return
      await restoreBackup(db, bytes, {
        actor: { operatorId: 'system', operatorName: '系统（启动时恢复）', deviceId },
        appVersion: version,
        passphrase,
        writerKey: () => loadWriterKey(db, authKeys),
        saveSafetyBackup: async (backup) => {
          await target.save(backup)
        }
      })
      onRestored()
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthCard
      title={t('backup.lostTitle')}
      subtitle={t('backup.lostHint', {
        rows: check.backupRows,
        at: last ? chinaDateTimeText(last.createdAt) : '—',
        by: last?.createdBy ?? '—'
      })}
    >
      <div className="auth-form">
        {error ? (
          <div className="banner error" role="alert">
            {error}
          </div>
        ) : null}
        <label>
          {t('backup.restorePassphrase')}
          <input
            type="password"
            name="backupPassphrase"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        {target.kind === 'desktop' ? (
          <button
            type="button"
            className="primary"
            disabled={busy || passphrase === ''}
            onClick={() => restore('folder')}
          >
            {t('backup.restoreLatest')}
          </button>
        ) : null}
        <button
          type="button"
          className={target.kind === 'desktop' ? '' : 'primary'}
          disabled={busy || passphrase === ''}
          onClick={() => restore('file')}
        >
          {t('backup.restoreFromFile')}
        </button>
        <button type="button" className="link-button" onClick={onIgnore}>
          {t('backup.ignoreLost')}
        </button>
      </div>
    </AuthCard>
  )
}
