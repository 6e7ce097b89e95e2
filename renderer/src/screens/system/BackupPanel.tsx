import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupManifest } from '@shared/backup/backup-format'
import { readBackupHeader } from '@shared/backup/backup-format'
import type { BackupFolderInfo, BackupListEntry } from '@shared/ipc/contract'
import { useServices } from '../../app/app-context'
import { usePermissions } from '../../hooks/use-permissions'
import { formatTime } from '../../components/format-time'
import { errorMessage } from '../../components/error-message'

const rows = (manifest: BackupManifest) => Object.values(manifest.tables).reduce((a, b) => a + b, 0)

/** Back up now, restore from a file or the backup folder, and (desktop) choose the folder. */
export function BackupPanel() {
  const { t } = useTranslation()
  const { repositories, backupTarget, actions } = useServices()
  const allowed = usePermissions()
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [folder, setFolder] = useState<BackupFolderInfo | null>(null)
  const [list, setList] = useState<BackupListEntry[]>([])
  const [pending, setPending] = useState<{ name: string; bytes: Uint8Array; manifest: BackupManifest } | null>(null)
  const [busy, setBusy] = useState(false)

  const refresh = useCallback(() => {
    void backupTarget.folder().then(setFolder)
    void backupTarget.list().then(setList)
  }, [backupTarget])
  useEffect(refresh, [refresh])

  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setStatus(null)
    try {
      await work()
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  const backupNow = () => run(async () => {
    const backup = await repositories.backups.create('manual')
    const saved = await backupTarget.save(backup)
    setStatus({ kind: 'ok', text: t('backup.saved', { name: saved.name, rows: rows(backup.manifest) }) })
    refresh()
  })

  const choose = (name: string, bytes: Uint8Array) => {
    try {
      setPending({ name, bytes, manifest: readBackupHeader(bytes) })
      setStatus(null)
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  }

  const restore = () => run(async () => {
    if (!pending) return
    await repositories.backups.restore(pending.bytes, async (safety) => { await backupTarget.save(safety) })
    setPending(null)
    setStatus({ kind: 'ok', text: t('backup.restored') })
    // The restored archive has its own operators: everyone logs in again.
    setTimeout(actions.logout, 1500)
  })

  const canExport = allowed?.has('backup.export') ?? false
  const canRestore = allowed?.has('backup.restore') ?? false
  return (
    <section className="card" data-testid="backup-panel">
      <h2>{t('backup.title')}</h2>
      <p className="muted">{backupTarget.kind === 'desktop' ? t('backup.desktopHint') : t('backup.browserHint')}</p>
      {status ? <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>{status.text}</div> : null}
      {folder ? (
        <p>{t('backup.folder')}：<span className="mono">{folder.folder}</span>{' '}
          <button type="button" className="link-button" onClick={() => void backupTarget.chooseFolder().then(refresh)}>{t('backup.chooseFolder')}</button>
        </p>
      ) : null}
      <div className="form-actions">
        {canExport ? <button type="button" className="primary" disabled={busy} onClick={backupNow}>{t('backup.now')}</button> : null}
        {canRestore ? <button type="button" disabled={busy} onClick={() => void backupTarget.pickFile().then((file) => file && choose(file.name, file.bytes))}>{t('backup.restoreFromFile')}</button> : null}
      </div>
      {pending ? (
        <div className="banner warn confirm" role="alertdialog">
          <p>{t('backup.confirm', { name: pending.name, at: formatTime(pending.manifest.createdAt), by: pending.manifest.createdBy, rows: rows(pending.manifest) })}</p>
          <div className="form-actions">
            <button type="button" className="primary danger" disabled={busy} onClick={restore}>{t('backup.confirmRestore')}</button>
            <button type="button" onClick={() => setPending(null)}>{t('form.cancel')}</button>
          </div>
        </div>
      ) : null}
      {list.length > 0 ? (
        <table className="data-table">
          <thead><tr><th>{t('backup.file')}</th><th>{t('backup.kind')}</th><th>{t('backup.createdAt')}</th><th>{t('backup.rows')}</th><th /></tr></thead>
          <tbody>
            {list.slice(0, 40).map((entry) => (
              <tr key={entry.name}>
                <td className="mono small">{entry.name}</td>
                <td>{entry.manifest ? t(`backup.reasons.${entry.manifest.reason}`) : t('backup.unreadable')}</td>
                <td className="mono">{entry.manifest ? formatTime(entry.manifest.createdAt) : '—'}</td>
                <td className="mono">{entry.manifest ? rows(entry.manifest) : '—'}</td>
                <td>{canRestore && entry.manifest ? <button type="button" className="link-button" onClick={() => void backupTarget.read(entry.name).then((bytes) => choose(entry.name, bytes))}>{t('backup.restoreThis')}</button> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
