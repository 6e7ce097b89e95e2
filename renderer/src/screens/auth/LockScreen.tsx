import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DexieAuth } from '../../data/dexie/dexie-auth'
import type { Session } from '../../data/session'
import { AuthCard } from './AuthCard'
import { errorMessage } from '../../components/error-message'

/** Shown over the app after idle time: the same operator's password, or switch to another operator. */
export function LockScreen({ auth, session, onUnlock, onSwitch }: { auth: DexieAuth; session: Session; onUnlock: () => void; onSwitch: () => void }) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await auth.unlock(session, password)
      onUnlock()
    } catch (e) {
      setError(errorMessage(e))
      setPassword('')
    }
  }
  return (
    <div className="lock-overlay" role="dialog" aria-modal="true">
      <AuthCard title={t('auth.lockedTitle')} subtitle={t('auth.lockedHint', { name: session.operator.name })}>
        <form className="auth-form" onSubmit={submit} noValidate>
          {error ? <div className="banner error" role="alert">{error}</div> : null}
          <label className="field"><span className="field-label">{t('auth.password')}</span>
            <input name="unlock-password" type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoFocus autoComplete="current-password" />
          </label>
          <button type="submit" className="primary" disabled={!password}>{t('auth.unlock')}</button>
          <button type="button" onClick={onSwitch}>{t('auth.switchOperator')}</button>
        </form>
      </AuthCard>
    </div>
  )
}
