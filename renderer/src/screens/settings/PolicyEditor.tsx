import type { TFunction } from 'i18next'
import { useCallback, useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { ArchiveKind, DeadlineRule, Policy, PresetSummary } from '@shared/policy'
import { ARCHIVE_KINDS } from '@shared/policy'
import type { CalendarOverride } from '@shared/calendar'
import { createWorkingCalendar } from '@shared/calendar'
import { todayInChina } from '@shared/time'
import { useRepositories } from '../../services/app-context'
import type { PolicySummary } from '../../data/repositories'
import { errorMessage } from '../../components/error-message'
import { DateInput } from '../../components/DateInput'

type Templates = Policy['archiveTemplates']

function ruleText(rule: DeadlineRule, t: TFunction): string {
  switch (rule.kind) {
    case 'hours_after':
      return t('policy.rules.hoursAfter', { count: rule.hours })
    case 'working_days_after':
      return t('policy.rules.workingDaysAfter', { count: rule.days })
    case 'calendar_days_after':
      return t('policy.rules.calendarDaysAfter', { count: rule.days })
    case 'next_weekday':
      return t('policy.rules.nextWeekday', { weekday: t(`policy.rules.weekday${rule.weekday}`) })
    case 'days_after_at_time':
      return t('policy.rules.daysAfterAtTime', { count: rule.days, time: rule.time })
  }
}

/** 档案制度: the policy in force, its versions, a preset to start from, and the director's edits. */
export function PolicyEditor() {
  const { t } = useTranslation()
  const { policies } = useRepositories()
  const [policy, setPolicy] = useState<Policy | null>(null)
  const [versions, setVersions] = useState<PolicySummary[]>([])
  const [templates, setTemplates] = useState<Templates | null>(null)
  const [correction, setCorrection] = useState<DeadlineRule | null>(null)
  const [preset, setPreset] = useState('faw-vw')
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [overrides, setOverrides] = useState<CalendarOverride[]>([])
  const [draft, setDraft] = useState<CalendarOverride>({ date: '', kind: 'open', note: '' })

  const load = useCallback(async () => {
    const active = await policies.active()
    setPolicy(active)
    setTemplates(active.archiveTemplates)
    setCorrection(active.deadlines.correction.rule)
    setVersions(await policies.list())
    setOverrides(await policies.calendarOverrides())
  }, [policies])
  useEffect(() => {
    void Promise.resolve().then(load)
  }, [load])

  if (!policy || !templates || !correction) return null
  const run = async (work: () => Promise<unknown>, done: string) => {
    setStatus(null)
    try {
      await work()
      setStatus({ kind: 'ok', text: done })
      await load()
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  }
  const editDoc = (kind: ArchiveKind, code: string, name: string) =>
    setTemplates({
      ...templates,
      [kind]: {
        ...templates[kind],
        documents: templates[kind].documents.map((d) => (d.code === code ? { ...d, name } : d))
      }
    })
  const editCheck = (kind: ArchiveKind, docCode: string, checkCode: string, title: string) =>
    setTemplates({
      ...templates,
      [kind]: {
        ...templates[kind],
        documents: templates[kind].documents.map((d) =>
          d.code === docCode ? { ...d, checks: d.checks.map((c) => (c.code === checkCode ? { ...c, title } : c)) } : d
        )
      }
    })
  const move = (kind: ArchiveKind, code: string, delta: -1 | 1) => {
    const docs = [...templates[kind].documents].sort((a, b) => a.order - b.order)
    const i = docs.findIndex((d) => d.code === code)
    const j = i + delta
    if (j < 0 || j >= docs.length) return
    ;[docs[i], docs[j]] = [docs[j]!, docs[i]!]
    setTemplates({
      ...templates,
      [kind]: { ...templates[kind], documents: docs.map((d, k) => ({ ...d, order: k + 1 })) }
    })
  }
  const setCorrectionAmount = (value: number) => {
    if (correction.kind === 'hours_after') setCorrection({ ...correction, hours: value })
    else if (correction.kind === 'working_days_after' || correction.kind === 'calendar_days_after')
      setCorrection({ ...correction, days: value })
  }
  const nextYear = Number(todayInChina().slice(0, 4)) + 1
  const unpublished = createWorkingCalendar().scheduleStatus(nextYear) === 'statutory-fallback'
  const presets: readonly PresetSummary[] = policies.presets()

  return (
    <section className="card policy-editor" data-testid="policy-editor">
      <h2>{t('policy.title')}</h2>
      <p>
        <Trans
          i18nKey="policy.active"
          values={{ name: policy.name, version: policy.version }}
          components={[<span key="policy" lang="zh-CN" />]}
        />
      </p>
      {status ? (
        <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}
      <div className="inline-form">
        <label className="field">
          <span className="field-label">{t('policy.preset')}</span>
          <select name="preset" value={preset} onChange={(e) => setPreset(e.target.value)}>
            {presets.map((p) => (
              <option key={p.id} value={p.id} lang="zh-CN">
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => run(() => policies.adoptPreset(preset, ''), t('policy.adopted'))}>
          {t('policy.adopt')}
        </button>
      </div>
      <h3>{t('policy.deadlines')}</h3>
      <div className="inline-form">
        <label className="field">
          <span className="field-label">{t('policy.correction', { rule: ruleText(correction, t) })}</span>
          <input
            name="correction-amount"
            type="number"
            min={1}
            value={correction.kind === 'hours_after' ? correction.hours : 'days' in correction ? correction.days : 1}
            onChange={(e) => setCorrectionAmount(Number(e.target.value))}
          />
        </label>
      </div>
      {ARCHIVE_KINDS.map((kind) => (
        <details key={kind} className="policy-template">
          <summary>
            {t('labels.labelled', { label: t(`labels.archiveKind.${kind}`) })}
            {t('policy.documents', { count: templates[kind].documents.length })}
          </summary>
          <ol className="policy-docs">
            {[...templates[kind].documents]
              .sort((a, b) => a.order - b.order)
              .map((doc) => (
                <li key={doc.code}>
                  <div className="inline-form">
                    <input
                      name={`doc-name.${kind}.${doc.code}`}
                      value={doc.name}
                      onChange={(e) => editDoc(kind, doc.code, e.target.value)}
                    />
                    <button
                      type="button"
                      className="small"
                      onClick={() => move(kind, doc.code, -1)}
                      aria-label={t('policy.up')}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="small"
                      onClick={() => move(kind, doc.code, 1)}
                      aria-label={t('policy.down')}
                    >
                      ↓
                    </button>
                  </div>
                  <ul className="policy-checks">
                    {doc.checks.map((check) => (
                      <li key={check.code}>
                        <span className="tag">{check.mode === 'auto' ? t('policy.auto') : t('policy.manual')}</span>
                        <input
                          name={`check-title.${kind}.${check.code}`}
                          value={check.title}
                          onChange={(e) => editCheck(kind, doc.code, check.code, e.target.value)}
                        />
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ol>
        </details>
      ))}
      <div className="form-actions">
        <button
          type="button"
          className="primary"
          onClick={() =>
            run(
              () =>
                policies.revise({
                  archiveTemplates: templates,
                  deadlines: { ...policy.deadlines, correction: { ...policy.deadlines.correction, rule: correction } }
                }),
              t('policy.saved')
            )
          }
        >
          {t('policy.save')}
        </button>
      </div>
      {versions.length > 1 ? (
        <p className="muted small">
          {t('labels.labelled', { label: t('policy.versions') })}
          {versions.map((v, i) => (
            <span key={`${v.name}-${v.version}`}>
              {i > 0 ? t('labels.listSeparator') : null}
              <span lang="zh-CN">{v.name}</span> {t('policy.versionNo', { version: v.version })}
              {v.active ? t('labels.parenthesised', { text: t('policy.inUse') }) : null}
            </span>
          ))}
        </p>
      ) : null}

      <h3>{t('policy.calendar')}</h3>
      {unpublished ? (
        <div className="banner warn" role="status">
          {t('policy.unpublished', { year: nextYear })}
        </div>
      ) : null}
      <ul className="plain">
        {overrides.map((o) => (
          <li key={o.date}>
            <span className="mono">{o.date}</span> · {o.kind === 'open' ? t('policy.open') : t('policy.closed')} ·{' '}
            {o.note}{' '}
            <button
              type="button"
              className="link-button"
              onClick={() =>
                run(
                  () => policies.saveCalendarOverrides(overrides.filter((x) => x.date !== o.date)),
                  t('policy.calendarSaved')
                )
              }
            >
              {t('policy.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label className="field">
          <span className="field-label">{t('policy.date')}</span>
          <DateInput
            name="override-date"
            value={draft.date}
            onChange={(e) => setDraft({ ...draft, date: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('policy.kind')}</span>
          <select
            name="override-kind"
            value={draft.kind}
            onChange={(e) => setDraft({ ...draft, kind: e.target.value as CalendarOverride['kind'] })}
          >
            <option value="open">{t('policy.open')}</option>
            <option value="closed">{t('policy.closed')}</option>
          </select>
        </label>
        <label className="field wide">
          <span className="field-label">{t('policy.note')}</span>
          <input
            name="override-note"
            value={draft.note}
            onChange={(e) => setDraft({ ...draft, note: e.target.value })}
          />
        </label>
        <button
          type="button"
          onClick={() =>
            run(async () => {
              await policies.saveCalendarOverrides([...overrides, draft])
              setDraft({ date: '', kind: 'open', note: '' })
            }, t('policy.calendarSaved'))
          }
        >
          {t('policy.addOverride')}
        </button>
      </div>
    </section>
  )
}
