import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Permission } from '@shared/operators/permissions'
import { useServices } from '../services/app-context'
import type { ExportFile } from '../data/repositories'
import { errorMessage } from './error-message'

interface ExportButtonProps {
  /** The button's words, e.g. 导出 XLSX. */
  label: string
  /** Who may export; the button is not shown to others (the data layer refuses them too). */
  permission: Permission
  run: () => Promise<ExportFile>
  testId?: string
}

/** Exports a register as XLSX and saves it where the user chooses; says how many rows went out, or why not. */
export function ExportButton({ label, permission, run, testId }: ExportButtonProps) {
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const [allowed, setAllowed] = useState(false)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)
  useEffect(() => {
    let live = true
    void repositories.can(permission).then(
      (ok) => {
        if (live) setAllowed(ok)
      },
      () => undefined
    )
    return () => {
      live = false
    }
  }, [repositories, permission])
  if (!allowed) return null
  const exportNow = async () => {
    setBusy(true)
    setStatus(null)
    try {
      const file = await run()
      const saved = await platform.saveFile(file.fileName, file.bytes, [{ name: 'Excel', extensions: ['xlsx'] }])
      setStatus(
        saved
          ? { ok: true, text: t('exports.saved', { fileName: file.fileName, rows: file.rows }) }
          : { ok: true, text: t('exports.cancelled') }
      )
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }
  return (
    <span className="export-action">
      <button type="button" onClick={exportNow} disabled={busy} data-testid={testId}>
        {busy ? t('exports.working') : label}
      </button>
      {status ? (
        <span className={status.ok ? 'muted' : 'field-error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </span>
      ) : null}
    </span>
  )
}
