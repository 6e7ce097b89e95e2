import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isDomainError } from '@shared/model/domain-error'
import type { DexieAuth, LockReason } from '../../data/dexie/dexie-auth'
import type { Session } from '../../data/session'
import { AuthCard } from './AuthCard'
import { errorMessage } from '../../components/error-message'

/**
 * Shown instead of the app while it is locked: the same operator's password (counted like a login),
 * or switch to another operator. The screens behind are not rendered at all.
 */
export function LockScreen({
  auth,
  session,
  reason,
  idleMinutes,
  onUnlock,
  onEnded,
  onSwitch
}: {
  auth: DexieAuth
  session: Session
  reason: LockReason
  idleMinutes: number
  onUnlock: () => void
  /** The account was locked out, disabled or changed: back to the login screen with the reason. */
  onEnded: (message: string) => void
  onSwitch: () => void
}) {
  const { t } = useTranslation()
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    try {
      await auth.unlock(session, password)
      onUnlock()
    } catch (e) {
      if (isDomainError(e) && (e.code === 'ACCOUNT_LOCKED' || e.code === 'SESSION_ENDED')) {
        onEnded(errorMessage(e))
        return
      }
      setError(errorMessage(e))
      setPassword('')
      setBusy(false)
    }
  }
  const name = session.operator.name
  const hint =
    reason === 'idle' ? t('auth.lockedIdleHint', { name, minutes: idleMinutes }) : t('auth.lockedManualHint', { name })
  return (
    <div className="lock-screen" data-testid="lock-screen">
      <AuthCard title={t('auth.lockedTitle')} subtitle={hint}>
        <form className="auth-form" onSubmit={submit} noValidate>
          {error ? (
            <div className="banner error" role="alert">
              {error}
            </div>
          ) : null}
          <label className="field">
            <span className="field-label">{t('auth.password')}</span>
            <input
              name="unlock-password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              autoFocus
              autoComplete="current-password"
            />
          </label>
          <button type="submit" className="primary" disabled={!password || busy}>
            {busy ? t('auth.checking') : t('auth.unlock')}
          </button>
          <button type="button" onClick={onSwitch}>
            {t('auth.switchOperator')}
          </button>
        </form>
      </AuthCard>
    </div>
  )
}
