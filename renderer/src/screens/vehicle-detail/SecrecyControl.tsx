import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type { SecrecyLevel } from '@shared/operators/secrecy'
import { SECRECY_LEVELS } from '@shared/operators/secrecy'
import { useRepositories } from '../../services/app-context'
import { errorMessage } from '../../components/error-message'

export function SecrecyControl({ file, onChanged }: { file: VehicleFile; onChanged: (file: VehicleFile) => void }) {
  const { t } = useTranslation()
  const { vehicleFiles } = useRepositories()
  const [level, setLevel] = useState<SecrecyLevel>(file.secrecy)
  const [reason, setReason] = useState('')
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      onChanged(await vehicleFiles.setSecrecy(file.id, level, reason))
      setReason('')
      setStatus({ kind: 'ok', text: t('detail.secrecySaved', { level: t(`labels.secrecy.${level}`) }) })
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e) })
    }
  }
  return (
    <form className="card secrecy-form" onSubmit={submit}>
      <h2>{t('detail.secrecyTitle')}</h2>
      {status ? (
        <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}
      <div className="inline-form">
        <label className="field">
          <span className="field-label">{t('detail.secrecy')}</span>
          <select name="secrecy" value={level} onChange={(e) => setLevel(e.target.value as SecrecyLevel)}>
            {SECRECY_LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`labels.secrecy.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field wide">
          <span className="field-label">{t('detail.secrecyReason')}</span>
          <input name="secrecy-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={level === file.secrecy}>
          {t('detail.secrecySave')}
        </button>
      </div>
    </form>
  )
}
