import { useCallback, useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { DEPARTMENTS, ROLE_DEPARTMENT, ROLES } from '@shared/operators/roles'
import type { Department, Role } from '@shared/operators/roles'
import { isDomainError } from '@shared/model/domain-error'
import { maskPhone } from '@shared/validation'
import { useServices } from '../../services/app-context'
import type { NewOperator, OperatorSummary } from '../../data/repositories'
import { Refusal } from '../../components/Refusal'
import { chinaDateTimeText } from '@shared/time'
import { errorMessage } from '../../components/error-message'

const EMPTY: NewOperator = {
  name: '',
  department: 'sales',
  role: 'sales_advisor',
  phone: '',
  username: '',
  password: ''
}

export function OperatorsScreen() {
  const { t } = useTranslation()
  const { repositories, session } = useServices()
  const [list, setList] = useState<OperatorSummary[] | null>(null)
  const [refused, setRefused] = useState<string | null>(null)
  const [form, setForm] = useState<NewOperator>(EMPTY)
  const [error, setError] = useState<{ field: string; message: string } | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [resetFor, setResetFor] = useState<{ accountId: string; password: string } | null>(null)

  const load = useCallback(() => {
    repositories.operators.list().then(setList, (e: unknown) => setRefused(errorMessage(e)))
  }, [repositories])
  useEffect(load, [load])

  const create = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      const created = await repositories.operators.create(form)
      setStatus(t('operators.created', { name: created.staff.name, username: created.username }))
      setForm(EMPTY)
      load()
    } catch (e) {
      setError({ field: isDomainError(e) ? (e.details.field ?? '') : '', message: errorMessage(e) })
    }
  }
  const act = async (work: () => Promise<void>, done: string) => {
    try {
      await work()
      setStatus(done)
      load()
    } catch (e) {
      setStatus(errorMessage(e))
    }
  }

  if (refused) return <Refusal message={refused} />
  const input = (name: keyof NewOperator, label: string, type = 'text') => (
    <label className={`field${error?.field === name ? ' has-error' : ''}`}>
      <span className="field-label">{label}</span>
      <input
        name={`op-${name}`}
        type={type}
        value={form[name] ?? ''}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        autoComplete="off"
        spellCheck={false}
      />
      {error?.field === name ? (
        <span className="field-error" role="alert">
          {error.message}
        </span>
      ) : null}
    </label>
  )

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t('operators.title')}</h1>
        <div className="head-meta">{t('operators.hint')}</div>
      </header>
      {status ? (
        <div className="banner ok" role="status">
          {status}
        </div>
      ) : null}
      <div className="card">
        <table className="data-table" data-testid="operators-table">
          <thead>
            <tr>
              <th>{t('operators.name')}</th>
              <th>{t('operators.username')}</th>
              <th>{t('operators.role')}</th>
              <th>{t('operators.department')}</th>
              <th>{t('operators.phone')}</th>
              <th>{t('operators.passwordChanged')}</th>
              <th>{t('operators.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {(list ?? []).map((op) => (
              <tr key={op.staff.id}>
                <td lang="zh-CN">{op.staff.name}</td>
                <td className="mono">{op.username ?? '—'}</td>
                <td>{t(`labels.role.${op.staff.role}`)}</td>
                <td>{t(`labels.department.${op.staff.department}`)}</td>
                <td className="mono">{op.staff.phone ? maskPhone(op.staff.phone) : '—'}</td>
                <td className="mono">
                  {op.passwordChangedAt && op.passwordChangedAt > '1971'
                    ? chinaDateTimeText(op.passwordChangedAt)
                    : t('operators.mustChange')}
                </td>
                <td>
                  {op.disabled
                    ? t('operators.disabled')
                    : op.lockedUntil && op.lockedUntil > new Date().toISOString()
                      ? t('operators.locked')
                      : t('operators.active')}
                </td>
                <td className="row-actions">
                  {op.accountId && op.accountId !== session.operator.accountId ? (
                    <>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() =>
                          act(
                            () => repositories.operators.setDisabled(op.accountId!, !op.disabled),
                            op.disabled ? t('operators.enabledDone') : t('operators.disabledDone')
                          )
                        }
                      >
                        {op.disabled ? t('operators.enable') : t('operators.disable')}
                      </button>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => setResetFor({ accountId: op.accountId!, password: '' })}
                      >
                        {t('operators.resetPassword')}
                      </button>
                    </>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {resetFor ? (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault()
              void act(
                () => repositories.operators.resetPassword(resetFor.accountId, resetFor.password),
                t('operators.resetDone')
              ).then(() => setResetFor(null))
            }}
          >
            <label className="field">
              <span className="field-label">{t('operators.newPassword')}</span>
              <input
                type="password"
                value={resetFor.password}
                onChange={(e) => setResetFor({ ...resetFor, password: e.target.value })}
                autoFocus
              />
            </label>
            <button type="submit" className="primary">
              {t('operators.resetPassword')}
            </button>
            <button type="button" onClick={() => setResetFor(null)}>
              {t('form.cancel')}
            </button>
          </form>
        ) : null}
      </div>
      <form className="card" onSubmit={create} noValidate>
        <h2>{t('operators.new')}</h2>
        {error && !['name', 'username', 'password', 'phone'].includes(error.field) ? (
          <div className="banner error" role="alert">
            {error.message}
          </div>
        ) : null}
        <div className="grid">
          {input('name', t('operators.name'))}
          <label className="field">
            <span className="field-label">{t('operators.role')}</span>
            <select
              name="op-role"
              value={form.role}
              onChange={(e) => {
                const role = e.target.value as Role
                setForm({ ...form, role, department: ROLE_DEPARTMENT[role] })
              }}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`labels.role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('operators.department')}</span>
            <select
              name="op-department"
              value={form.department}
              onChange={(e) => setForm({ ...form, department: e.target.value as Department })}
            >
              {DEPARTMENTS.map((d) => (
                <option key={d} value={d}>
                  {t(`labels.department.${d}`)}
                </option>
              ))}
            </select>
          </label>
          {input('phone', t('operators.phone'))}
          {input('username', t('operators.username'))}
          {input('password', t('operators.initialPassword'), 'password')}
        </div>
        <p className="field-hint">{t('auth.passwordRules')}</p>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('operators.create')}
          </button>
        </div>
      </form>
    </section>
  )
}
