import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupManifest } from '@shared/backup/backup-format'
import { LEGACY_BACKUP_FORMAT_VERSION, readBackupHeaderLine } from '@shared/backup/backup-format'
import { backupKeySheetDocument } from '@shared/print/backup-key-sheet-document'
import type { BackupFolderInfo, BackupListEntry } from '@shared/ipc/contract'
import { useServices } from '../../services/app-context'
import { usePermissions } from '../../hooks/use-permissions'
import { chinaDateTimeText } from '@shared/time'
import { errorMessage } from '../../components/error-message'
import type { BackupKeyStatus } from '../../data/repositories'
import type { BackupSource, SavedBackup } from '../../data/backup'
import { isBackupSource } from '../../data/backup/restore-backup'
import { printDocument } from '../../print/print-document'

const rows = (manifest: BackupManifest) => Object.values(manifest.tables).reduce((a, b) => a + b, 0)

interface Pending {
  name: string
  /** A picked file (bytes), or a backup in the backup folder read piece by piece. */
  bytes: Uint8Array | BackupSource
  manifest: BackupManifest
  legacy: boolean
}

/** The backup passphrase, back up now, restore from a file or the backup folder, and (desktop) the folder. */
export function BackupPanel() {
  const { t } = useTranslation()
  const { repositories, backupTarget, actions, platform } = useServices()
  const allowed = usePermissions()
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [folder, setFolder] = useState<BackupFolderInfo | null>(null)
  const [list, setList] = useState<BackupListEntry[]>([])
  const [key, setKey] = useState<BackupKeyStatus | null | undefined>(undefined)
  const [pending, setPending] = useState<Pending | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const [legacyConfirmed, setLegacyConfirmed] = useState(false)
  const [keyForm, setKeyForm] = useState<{ current: string; next: string; repeat: string } | null>(null)
  const [busy, setBusy] = useState(false)

  const canExport = allowed?.has('backup.export') ?? false
  const canRestore = allowed?.has('backup.restore') ?? false

  const refresh = useCallback(() => {
    void backupTarget.folder().then(setFolder)
    void backupTarget.list().then(setList)
  }, [backupTarget])
  useEffect(refresh, [refresh])
  useEffect(() => {
    if (!canExport && !canRestore) return
    void repositories.backups.keyStatus().then(setKey, () => setKey(null))
  }, [repositories, canExport, canRestore])

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

  const savedText = (saved: SavedBackup, manifest: BackupManifest) =>
    saved.outcome === 'written'
      ? t('backup.saved', { name: saved.name, rows: rows(manifest) })
      : t('backup.downloadStarted', { name: saved.name, rows: rows(manifest) })

  const backupNow = () =>
    run(async () => {
      const backup = await repositories.backups.create('manual')
      const saved = await backupTarget.save(backup)
      if (saved.outcome !== 'cancelled') setStatus({ kind: 'ok', text: savedText(saved, backup.manifest) })
      refresh()
    })

  const saveKey = () =>
    run(async () => {
      if (!keyForm) return
      if (keyForm.next !== keyForm.repeat) throw new Error(t('backup.passphraseMismatch'))
      if (key) {
        const next = await repositories.backups.changePassphrase(keyForm.current, keyForm.next)
        setKey(next)
        setStatus({ kind: 'ok', text: t('backup.passphraseChanged', { keyId: next.keyId }) })
      } else {
        const next = await repositories.backups.setPassphrase(keyForm.next)
        setKey(next)
        setStatus({ kind: 'ok', text: t('backup.passphraseSet', { keyId: next.keyId }) })
      }
      setKeyForm(null)
    })

  const printSheet = () =>
    run(async () => {
      const sheet = await repositories.backups.printKeySheet()
      await printDocument(platform, '备份密钥登记表', backupKeySheetDocument(sheet))
    })

  const choose = (name: string, bytes: Uint8Array | BackupSource) => {
    try {
      const header = readBackupHeaderLine(isBackupSource(bytes) ? bytes.head : bytes)
      setPending({
        name,
        bytes,
        manifest: header.manifest,
        legacy: header.formatVersion === LEGACY_BACKUP_FORMAT_VERSION
      })
      setPassphrase('')
      setLegacyConfirmed(false)
      setStatus(null)
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  }

  const restore = () =>
    run(async () => {
      if (!pending) return
      let safetyNote: string | null = null
      await repositories.backups.restore(pending.bytes, {
        passphrase,
        acceptUnauthenticated: pending.legacy && legacyConfirmed,
        saveSafetyBackup: async (safety) => {
          const saved = await backupTarget.save(safety)
          if (saved.outcome === 'cancelled') throw new Error('cancelled')
          if (saved.outcome === 'download-started') safetyNote = t('backup.safetyDownloadStarted', { name: saved.name })
        }
      })
      setPending(null)
      setPassphrase('')
      setStatus({ kind: 'ok', text: [t('backup.restored'), safetyNote].filter(Boolean).join(' ') })
      // The restored archive has its own operators: everyone logs in again.
      setTimeout(actions.logout, 1500)
    })

  const changeFolder = () =>
    run(async () => {
      const result = await repositories.backups.changeFolder(backupTarget)
      if (result?.status === 'refused') setStatus({ kind: 'error', text: result.reason })
      refresh()
    })

  const keyFormView = keyForm ? (
    <form
      className="auth-form"
      data-testid="backup-key-form"
      onSubmit={(event) => {
        event.preventDefault()
        void saveKey()
      }}
    >
      <p className="muted small">{key ? t('backup.changeHint') : t('backup.passphraseHint')}</p>
      {key ? (
        <label>
          {t('backup.currentPassphrase')}
          <input
            type="password"
            name="currentPassphrase"
            autoComplete="off"
            value={keyForm.current}
            onChange={(e) => setKeyForm({ ...keyForm, current: e.target.value })}
          />
        </label>
      ) : null}
      <label>
        {key ? t('backup.newPassphrase') : t('backup.passphrase')}
        <input
          type="password"
          name="newPassphrase"
          autoComplete="new-password"
          value={keyForm.next}
          onChange={(e) => setKeyForm({ ...keyForm, next: e.target.value })}
        />
      </label>
      <label>
        {t('backup.passphraseRepeat')}
        <input
          type="password"
          name="repeatPassphrase"
          autoComplete="new-password"
          value={keyForm.repeat}
          onChange={(e) => setKeyForm({ ...keyForm, repeat: e.target.value })}
        />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {key ? t('backup.changePassphrase').replace('…', '') : t('backup.setPassphrase')}
        </button>
        <button type="button" onClick={() => setKeyForm(null)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  ) : null

  return (
    <section className="card" data-testid="backup-panel">
      <h2>{t('backup.title')}</h2>
      <p className="muted">{backupTarget.kind === 'desktop' ? t('backup.desktopHint') : t('backup.browserHint')}</p>
      {status ? (
        <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}

      {canExport || canRestore ? (
        <div data-testid="backup-key">
          <h3>{t('backup.keyTitle')}</h3>
          {key === undefined ? null : key ? (
            <p>{t('backup.keySet', { keyId: key.keyId, setBy: key.setBy, setAt: chinaDateTimeText(key.setAt) })}</p>
          ) : (
            <p className="banner warn">{canRestore ? t('backup.keyNotSet') : t('backup.keyNotSetAskDirector')}</p>
          )}
          {canRestore && key !== undefined && !keyForm ? (
            <div className="form-actions">
              <button
                type="button"
                className={key ? '' : 'primary'}
                onClick={() => setKeyForm({ current: '', next: '', repeat: '' })}
              >
                {key ? t('backup.changePassphrase') : t('backup.setPassphrase')}
              </button>
              {key ? (
                <button type="button" disabled={busy} onClick={printSheet}>
                  {t('backup.printKeySheet')}
                </button>
              ) : null}
            </div>
          ) : null}
          {keyFormView}
        </div>
      ) : null}

      {folder && canExport ? (
        <p>
          {t('backup.folder')}：<span className="mono">{folder.folder}</span>{' '}
          <button type="button" className="link-button" disabled={busy} onClick={changeFolder}>
            {t('backup.chooseFolder')}
          </button>
        </p>
      ) : null}
      <div className="form-actions">
        {canExport ? (
          <button type="button" className="primary" disabled={busy} onClick={backupNow}>
            {t('backup.now')}
          </button>
        ) : null}
        {canRestore ? (
          <button
            type="button"
            disabled={busy}
            onClick={() => void backupTarget.pickFile().then((file) => file && choose(file.name, file.bytes))}
          >
            {t('backup.restoreFromFile')}
          </button>
        ) : null}
      </div>
      {pending ? (
        <div className="banner warn confirm" role="alertdialog">
          <p>
            {t('backup.confirm', {
              name: pending.name,
              at: chinaDateTimeText(pending.manifest.createdAt),
              by: pending.manifest.createdBy,
              rows: rows(pending.manifest)
            })}
          </p>
          {pending.legacy ? (
            <>
              <p className="banner error">{t('backup.legacyWarning')}</p>
              <label className="checkbox">
                <input
                  type="checkbox"
                  name="legacyConfirmed"
                  checked={legacyConfirmed}
                  onChange={(e) => setLegacyConfirmed(e.target.checked)}
                />{' '}
                {t('backup.legacyConfirm')}
              </label>
            </>
          ) : (
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
          )}
          <div className="form-actions">
            <button
              type="button"
              className="primary danger"
              disabled={busy || (pending.legacy && !legacyConfirmed)}
              onClick={restore}
            >
              {t('backup.confirmRestore')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('form.cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {list.length > 0 && (canExport || canRestore) ? (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('backup.file')}</th>
              <th>{t('backup.kind')}</th>
              <th>{t('backup.createdAt')}</th>
              <th>{t('backup.rows')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.slice(0, 40).map((entry) => (
              <tr key={entry.name}>
                <td className="mono small">{entry.name}</td>
                <td>
                  {entry.manifest
                    ? `${t(`backup.reasons.${entry.manifest.reason}`)} · ${entry.manifest.keyId ? t('backup.encrypted') : t('backup.legacyFormat')}`
                    : t('backup.unreadable')}
                </td>
                <td className="mono">{entry.manifest ? chinaDateTimeText(entry.manifest.createdAt) : '—'}</td>
                <td className="mono">{entry.manifest ? rows(entry.manifest) : '—'}</td>
                <td>
                  {canRestore && entry.manifest ? (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() =>
                        void backupTarget.open(entry.name).then(
                          (source) => choose(entry.name, source),
                          (error: unknown) => setStatus({ kind: 'error', text: errorMessage(error) })
                        )
                      }
                    >
                      {t('backup.restoreThis')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
