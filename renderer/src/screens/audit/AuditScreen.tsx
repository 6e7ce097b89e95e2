import { useCallback, useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { type AuditAction, type AuditEvent, auditChangesOf } from '@shared/audit/audit-event'
import type { ChainReport } from '@shared/audit/audit-chain'
import { maskPersonalInfoText } from '@shared/vehicle/personal-info-mask'
import { chinaDateTimeText } from '@shared/time'
import { useServices } from '../../services/app-context'
import { ExportButton } from '../../components/ExportButton'
import { Refusal } from '../../components/Refusal'
import { completeDate, DateInput } from '../../components/DateInput'
import { errorMessage } from '../../components/error-message'

const ACTION_GROUPS: Record<string, readonly AuditAction[]> = {
  all: [],
  changes: [
    'create',
    'import',
    'update',
    'status.change',
    'setting.change',
    'permissions.change',
    'operator.create',
    'operator.update',
    'fine.propose',
    'fine.decide',
    'fine.objection',
    'fine.close',
    'fine.correct',
    'fine.payCut'
  ],
  access: ['login', 'login.failed', 'logout', 'lock', 'unlock', 'password.change'],
  denied: ['access.denied', 'login.failed'],
  personalInfo: ['personalInfo.reveal', 'confidential.view'],
  output: ['print', 'export', 'backup.export', 'backup.restore'],
  checks: ['audit.verify', 'integrity.check'],
  loans: ['loan.lend', 'loan.return']
}

export const actionKey = (action: string) => `audit.actions.${action.replace('.', '_')}`

/** Before → after per field, with Chinese labels; personal information stays masked by its shape, whatever the field. */
function useDetails() {
  const { t } = useTranslation()
  return (event: AuditEvent): ReactNode => {
    const parsed = auditChangesOf(event)
    const label = (key: string) =>
      t(`form.fields.${key}`, { defaultValue: t(`audit.fields.${key}`, { defaultValue: key }) })
    const show = (key: string, value: unknown) => {
      if (value === null || value === undefined || value === '') return '—'
      if (typeof value === 'boolean') return value ? t('audit.yes') : t('audit.no')
      if (key === 'role' && typeof value === 'string') return t(`labels.role.${value}`, { defaultValue: value })
      if (key === 'department' && typeof value === 'string')
        return t(`labels.department.${value}`, { defaultValue: value })
      if (key === 'permission' && typeof value === 'string')
        return t(`labels.permission.${value}`, { defaultValue: value })
      // The inspection entries are long JSON: the summary names the change; the record keeps the detail.
      if (key === 'input' || key === 'manual') return t('audit.updated')
      if (key === 'tables' && typeof value === 'object' && !Array.isArray(value)) {
        return Object.entries(value as Record<string, unknown>)
          .map(([name, count]) => `${t(`system.tables.${name}`, { defaultValue: name })} ${String(count)}`)
          .join('、')
      }
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return chinaDateTimeText(value)
      if ((key === 'origin' || key === 'ownerKind') && typeof value === 'string')
        return t(`${key}.${value}`, { defaultValue: value })
      const text = Array.isArray(value)
        ? value.map((v) => (key === 'fields' ? label(String(v)) : String(v))).join('、')
        : String(value)
      return maskPersonalInfoText(text)
    }
    // The recorded values are the event's data, shown as written; the field names are the app's words.
    return (
      Object.entries(parsed)
        // An import's ids (up to 100 000) stay in the record; the screen shows their count.
        .filter(([key]) => !(event.action === 'import' && key === 'ids'))
        .map(([key, value], i) => (
          <span key={key}>
            {i > 0 ? t('labels.entrySeparator') : null}
            {t('labels.labelled', { label: label(key) })}
            <span lang="zh-CN">
              {Array.isArray(value) && value.length === 2 && key !== 'fields'
                ? `${show(key, value[0])} → ${show(key, value[1])}`
                : show(key, value)}
            </span>
          </span>
        ))
    )
  }
}

export function AuditScreen() {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const [events, setEvents] = useState<AuditEvent[] | null>(null)
  const [refused, setRefused] = useState<string | null>(null)
  const [filter, setFilter] = useState({ from: '', to: '', group: 'all', text: '' })
  const [report, setReport] = useState<ChainReport | null>(null)
  const details = useDetails()

  const [reloads, setReloads] = useState(0)
  const load = useCallback(() => setReloads((n) => n + 1), [])
  useEffect(() => {
    // Only the answer to the latest filter is shown: one typed character at a time, answers can overtake each other.
    let latest = true
    repositories.auditLog
      .query({
        from: completeDate(filter.from),
        to: completeDate(filter.to),
        actions: ACTION_GROUPS[filter.group],
        text: filter.text,
        limit: 500
      })
      .then(
        (found) => {
          if (latest) setEvents(found)
        },
        (error: unknown) => {
          if (latest) setRefused(errorMessage(error))
        }
      )
    return () => {
      latest = false
    }
  }, [repositories, filter, reloads])

  const verify = async () => {
    setReport(await repositories.auditLog.verify())
    load()
  }
  const exportAccess = () =>
    repositories.auditLog.exportPersonalInfoAccess({ from: completeDate(filter.from), to: completeDate(filter.to) })
  if (refused) return <Refusal message={refused} />
  return (
    <section className="screen audit-screen">
      <header className="screen-head">
        <h1>{t('audit.title')}</h1>
        <div className="head-actions">
          <button type="button" onClick={verify}>
            {t('audit.verify')}
          </button>
          <ExportButton
            label={t('audit.exportPersonalInfo')}
            permission="audit.exportPersonalInfoAccess"
            run={exportAccess}
            testId="export-personal-info-access"
          />
        </div>
      </header>
      {report ? (
        <div
          className={`banner ${report.ok ? 'ok' : 'error'}`}
          role={report.ok ? 'status' : 'alert'}
          data-testid="chain-report"
        >
          {report.ok
            ? t('audit.chainOk', { count: report.eventsChecked })
            : t('audit.chainBroken', { count: report.breaks.length })}
          {report.breaks.length ? (
            <ul>
              {report.breaks.slice(0, 20).map((b) => (
                <li key={`${b.deviceId}-${b.deviceSeq}-${b.reason}`}>{b.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="card filters">
        <label className="field">
          <span className="field-label">{t('audit.from')}</span>
          <DateInput name="from" value={filter.from} onChange={(e) => setFilter({ ...filter, from: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">{t('audit.to')}</span>
          <DateInput name="to" value={filter.to} onChange={(e) => setFilter({ ...filter, to: e.target.value })} />
        </label>
        <label className="field">
          <span className="field-label">{t('audit.kind')}</span>
          <select name="group" value={filter.group} onChange={(e) => setFilter({ ...filter, group: e.target.value })}>
            {Object.keys(ACTION_GROUPS).map((g) => (
              <option key={g} value={g}>
                {t(`audit.groups.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field wide">
          <span className="field-label">{t('audit.text')}</span>
          <input
            type="search"
            value={filter.text}
            onChange={(e) => setFilter({ ...filter, text: e.target.value })}
            placeholder={t('audit.textPlaceholder')}
          />
        </label>
      </div>
      <div className="card">
        {events === null ? null : events.length === 0 ? (
          <p className="muted">{t('audit.none')}</p>
        ) : (
          <table className="audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th className="nowrap">{t('audit.at')}</th>
                <th className="nowrap">{t('audit.actor')}</th>
                <th className="nowrap">{t('audit.action')}</th>
                <th>{t('audit.summary')}</th>
                <th>{t('audit.details')}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) => (
                <tr
                  key={e.id}
                  className={e.action === 'access.denied' || e.action === 'login.failed' ? 'denied' : undefined}
                >
                  <td className="mono nowrap">{chinaDateTimeText(e.at)}</td>
                  <td className="nowrap" lang="zh-CN">
                    {e.actorName}
                  </td>
                  <td className="nowrap">
                    <span className="tag">{t(actionKey(e.action))}</span>
                  </td>
                  <td lang="zh-CN">{e.summary}</td>
                  <td className="muted small">{details(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  )
}
