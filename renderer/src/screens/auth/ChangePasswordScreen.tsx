import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isDomainError } from '@shared/model/domain-error'
import type { DexieAuth } from '../../data/dexie/dexie-auth'
import type { Session } from '../../data/session'
import { AuthCard } from './AuthCard'
import { errorMessage } from '../../components/error-message'

type Field = 'current' | 'next' | 'confirm'

/**
 * Before anything else: a password the director set or reset, or one past the policy's age, is replaced
 * by one only the operator knows. The data layer refuses every other action until then.
 */
export function ChangePasswordScreen({
  auth,
  session,
  onChanged,
  onEnded,
  onSwitch
}: {
  auth: DexieAuth
  session: Session
  onChanged: () => void
  onEnded: (message: string) => void
  onSwitch: () => void
}) {
  const { t } = useTranslation()
  const [values, setValues] = useState<Record<Field, string>>({ current: '', next: '', confirm: '' })
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({})
  const [busy, setBusy] = useState(false)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (values.next !== values.confirm) {
      setErrors({ confirm: t('auth.passwordMismatch') })
      return
    }
    setBusy(true)
    setErrors({})
    try {
      await auth.changePassword(session, values.current, values.next)
      onChanged()
    } catch (e) {
      if (isDomainError(e) && (e.code === 'SESSION_ENDED' || e.code === 'ACCOUNT_LOCKED')) {
        onEnded(errorMessage(e))
        return
      }
      const field = (isDomainError(e) ? e.details.field : undefined) as Field | undefined
      setErrors({ [field ?? 'current']: errorMessage(e) })
      setBusy(false)
    }
  }
  const field = (name: Field, label: string, hint?: string) => (
    <label className={`field${errors[name] ? ' has-error' : ''}`}>
      <span className="field-label">{label}</span>
      <input
        name={`pw-${name}`}
        type="password"
        value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        autoComplete={name === 'current' ? 'current-password' : 'new-password'}
        autoFocus={name === 'current'}
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
    <AuthCard title={t('auth.mustChangeTitle')} subtitle={t('auth.mustChangeHint', { name: session.operator.name })}>
      <form className="auth-form" onSubmit={submit} noValidate data-testid="forced-password-change">
        {field('current', t('account.current'))}
        {field('next', t('account.next'), t('auth.passwordRules'))}
        {field('confirm', t('account.confirm'))}
        <button type="submit" className="primary" disabled={busy || !values.current || !values.next}>
          {busy ? t('auth.checking') : t('account.save')}
        </button>
        <button type="button" onClick={onSwitch}>
          {t('auth.switchOperator')}
        </button>
      </form>
    </AuthCard>
  )
}
