import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { DexieAuth } from '../../data/dexie/dexie-auth'
import type { Session } from '../../data/session'
import { isDomainError } from '@shared/model/domain-error'
import { AuthCard } from './AuthCard'
import { errorMessage } from '../../components/error-message'
import { LoadDemo } from '../../demo/DemoBanner'

type Field = 'dealershipName' | 'name' | 'username' | 'password' | 'confirm'

/** First start: the customer-care director creates the first account; everyone else's comes from there. */
export function SetupScreen({
  auth,
  onDone,
  onLoadDemo
}: {
  auth: DexieAuth
  onDone: (session: Session) => void
  onLoadDemo?: () => void
}) {
  const { t } = useTranslation()
  const [values, setValues] = useState<Record<Field, string>>({
    dealershipName: '',
    name: '',
    username: '',
    password: '',
    confirm: ''
  })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [busy, setBusy] = useState(false)
  const set = (field: Field) => (e: { target: { value: string } }) => setValues({ ...values, [field]: e.target.value })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (values.password !== values.confirm) {
      setErrors({ confirm: t('auth.passwordMismatch') })
      return
    }
    setBusy(true)
    setErrors({})
    try {
      onDone(await auth.setup(values))
    } catch (e) {
      const field = (isDomainError(e) ? e.details.field : undefined) as Field | undefined
      setErrors(field ? { [field]: errorMessage(e) } : { dealershipName: errorMessage(e) })
    } finally {
      setBusy(false)
    }
  }

  const field = (name: Field, label: string, type = 'text', hint?: string) => (
    <label className={`field${errors[name] ? ' has-error' : ''}`}>
      <span className="field-label">{label}</span>
      <input
        name={name}
        type={type}
        value={values[name]}
        onChange={set(name)}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={errors[name] ? true : undefined}
      />
      {errors[name] ? (
        <span className="field-error" role="alert">
          {errors[name]}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </label>
  )

  return (
    <AuthCard title={t('auth.setupTitle')} subtitle={t('auth.setupHint')}>
      <form className="auth-form" onSubmit={submit} noValidate>
        {field('dealershipName', t('settings.dealershipName'))}
        {field('name', t('auth.directorName'))}
        {field('username', t('auth.username'), 'text', t('auth.usernameHint'))}
        {field('password', t('auth.password'), 'password', t('auth.passwordRules'))}
        {field('confirm', t('auth.passwordConfirm'), 'password')}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.checking') : t('auth.setupSubmit')}
        </button>
      </form>
      {onLoadDemo ? <LoadDemo onLoadDemo={onLoadDemo} /> : null}
    </AuthCard>
  )
}
