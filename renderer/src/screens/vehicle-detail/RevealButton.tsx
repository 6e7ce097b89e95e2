import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonalInfoField } from '@shared/vehicle/vehicle-file'
import { useRepositories } from '../../services/app-context'
import { errorMessage } from '../../components/error-message'

/** 查看完整: asks for the reason first; the data layer checks the permission and logs the view. */
export function RevealButton({
  fileId,
  field,
  onRevealed
}: {
  fileId: string
  field: PersonalInfoField
  onRevealed: (value: string) => void
}) {
  const { t } = useTranslation()
  const { vehicleFiles } = useRepositories()
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const value = await vehicleFiles.revealPersonalInfo(fileId, field, reason)
      if (value) onRevealed(value)
      setAsking(false)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  if (!asking)
    return (
      <button type="button" className="link-button reveal" onClick={() => setAsking(true)}>
        {t('detail.reveal')}
      </button>
    )
  return (
    <form className="reveal-form" onSubmit={submit}>
      <input
        name={`reveal-${field}`}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        placeholder={t('detail.revealReason')}
        autoFocus
      />
      <button type="submit" className="primary small">
        {t('detail.revealConfirm')}
      </button>
      <button type="button" className="small" onClick={() => setAsking(false)}>
        {t('form.cancel')}
      </button>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </form>
  )
}
