import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useServices } from '../../app/app-context'
import { errorMessage } from '../../components/error-message'

export function AccountScreen() {
  const { t } = useTranslation()
  const { session, actions } = useServices()
  const [values, setValues] = useState({ current: '', next: '', confirm: '' })
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (values.next !== values.confirm) {
      setStatus({ kind: 'error', text: t('auth.passwordMismatch') })
      return
    }
    try {
      await actions.changePassword(values.current, values.next)
      setValues({ current: '', next: '', confirm: '' })
      setStatus({ kind: 'ok', text: t('auth.passwordChanged') })
    } catch (e) {
      setStatus({ kind: 'error', text: errorMessage(e) })
    }
  }
  const { operator } = session
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t('account.title')}</h1>
      </header>
      <section className="card">
        <dl className="items">
          <div className="item">
            <dt>{t('operators.name')}</dt>
            <dd>{operator.name}</dd>
          </div>
          <div className="item">
            <dt>{t('operators.username')}</dt>
            <dd className="mono">{operator.username}</dd>
          </div>
          <div className="item">
            <dt>{t('operators.role')}</dt>
            <dd>{t(`labels.role.${operator.role}`)}</dd>
          </div>
          <div className="item">
            <dt>{t('operators.department')}</dt>
            <dd>{t(`labels.department.${operator.department}`)}</dd>
          </div>
        </dl>
      </section>
      <form className="card narrow-form" onSubmit={submit} noValidate>
        <h2>{t('account.changePassword')}</h2>
        {status ? (
          <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
            {status.text}
          </div>
        ) : null}
        {(['current', 'next', 'confirm'] as const).map((name) => (
          <label key={name} className="field">
            <span className="field-label">{t(`account.${name}`)}</span>
            <input
              name={`pw-${name}`}
              type="password"
              value={values[name]}
              onChange={(e) => setValues({ ...values, [name]: e.target.value })}
              autoComplete={name === 'current' ? 'current-password' : 'new-password'}
            />
          </label>
        ))}
        <p className="field-hint">{t('auth.passwordRules')}</p>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('account.save')}
          </button>
        </div>
      </form>
    </section>
  )
}
