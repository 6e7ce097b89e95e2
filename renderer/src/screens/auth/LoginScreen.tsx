import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DexieAuth, LoginResult } from '../../data/dexie/dexie-auth'
import { AuthCard } from './AuthCard'
import { errorMessage } from '../../components/error-message'
import { DemoAccounts, LoadDemo, type DemoAccountRow } from '../../demo/DemoBanner'

interface LoginScreenProps {
  auth: DexieAuth
  notice?: string | null
  onLogin: (result: LoginResult) => void
  /** In demo mode: the demo operators and their password. */
  demoAccounts?: readonly DemoAccountRow[]
  /** Outside demo mode: opens the sample dealership. */
  onLoadDemo?: () => void
}

/** Login; `notice` says why the previous session ended (account disabled, locked out). */
export function LoginScreen({ auth, notice, onLogin, demoAccounts, onLoadDemo }: LoginScreenProps) {
  const { t } = useTranslation()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      onLogin(await auth.login(username, password))
    } catch (e) {
      setError(errorMessage(e))
      setPassword('')
    } finally {
      setBusy(false)
    }
  }

  return (
    <AuthCard title={t('auth.loginTitle')} subtitle={t('auth.loginHint')}>
      <form className="auth-form" onSubmit={submit} noValidate>
        {notice && !error ? (
          <div className="banner warn" role="alert" data-testid="session-notice">
            {notice}
          </div>
        ) : null}
        {error ? (
          <div className="banner error" role="alert">
            {error}
          </div>
        ) : null}
        <label className="field">
          <span className="field-label">{t('auth.username')}</span>
          <input
            name="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
            autoComplete="username"
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('auth.password')}</span>
          <input
            name="password"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
          />
        </label>
        <button type="submit" className="primary" disabled={busy || !username || !password}>
          {busy ? t('auth.checking') : t('auth.login')}
        </button>
      </form>
      {demoAccounts ? (
        <DemoAccounts
          accounts={demoAccounts}
          onPick={(name, pw) => {
            setUsername(name)
            setPassword(pw)
          }}
        />
      ) : null}
      {onLoadDemo ? <LoadDemo onLoadDemo={onLoadDemo} /> : null}
    </AuthCard>
  )
}
