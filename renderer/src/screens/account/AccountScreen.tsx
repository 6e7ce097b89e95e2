import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useServices } from '../../services/app-context'
import { DEFAULT_LANGUAGE, LANGUAGES } from '@shared/operators/language'
import type { Language } from '@shared/operators/language'
import { errorMessage } from '../../components/error-message'

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { 'zh-CN': '简体中文', 'en-US': 'English' }

export function AccountScreen() {
  const { t } = useTranslation()
  const { session, actions } = useServices()
  const [values, setValues] = useState({ current: '', next: '', confirm: '' })
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [language, setLanguage] = useState<Language>(session.operator.language ?? DEFAULT_LANGUAGE)
  const [languageStatus, setLanguageStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const saveLanguage = async (event: FormEvent) => {
    event.preventDefault()
    try {
      await actions.setLanguage(language)
      setLanguageStatus({ kind: 'ok', text: t('account.languageSaved', { lng: language }) })
    } catch (e) {
      setLanguageStatus({ kind: 'error', text: errorMessage(e) })
    }
  }
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
            <dd lang="zh-CN">{operator.name}</dd>
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
      <form className="card narrow-form" onSubmit={saveLanguage} noValidate data-testid="language-form">
        <h2>{t('account.language')}</h2>
        {languageStatus ? (
          <div className={`banner ${languageStatus.kind}`} role={languageStatus.kind === 'ok' ? 'status' : 'alert'}>
            {languageStatus.text}
          </div>
        ) : null}
        <label className="field">
          <span className="field-label">{t('account.language')}</span>
          <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((code) => (
              // Each language is named in itself, whatever the app's language.
              <option key={code} value={code} lang={code}>
                {LANGUAGE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <p className="field-hint">{t('account.languageHint')}</p>
        <div className="form-actions">
          <button type="submit">{t('account.saveLanguage')}</button>
        </div>
      </form>
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
