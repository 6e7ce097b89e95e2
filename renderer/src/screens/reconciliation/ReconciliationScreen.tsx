import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArchiveKind } from '@shared/archive/archive-kind'
import type { ExceptedLine, ReconciliationLine, ReconciliationResult } from '@shared/reconciliation'
import type { ReconciliationRunRow } from '@shared/reconciliation/reconciliation-run'
import { chinaDateTimeText } from '@shared/time'
import { useServices } from '../../services/app-context'
import { useQuery } from '../../hooks/use-query'
import { Refusal } from '../../components/Refusal'
import { DateInput } from '../../components/DateInput'
import { ExportButton } from '../../components/ExportButton'
import { errorMessage } from '../../components/error-message'
import { printReconciliationReport } from '../../print/print-actions'
import type { ReconciliationReportKind } from '../../data/repositories'

// 与系统核对: for a department and a period, the system's list against the archives received. Missing lines
// may be given a reason the policy in force allows (then they go on the 《未上报记录》); the count is kept,
// and its 《档案缺失报告》 and 《未上报记录》 printed and its lines exported.

const lineKey = (line: ReconciliationLine) => `${line.vin}/${line.repairOrderNo}`

export function ReconciliationScreen() {
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const [department, setDepartment] = useState<ArchiveKind>('sales')
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null)
  const [result, setResult] = useState<ReconciliationResult | null>(null)
  const [saved, setSaved] = useState<ReconciliationRunRow | null>(null)
  const [reasons, setReasons] = useState<Record<string, { code: string; note: string }>>({})
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)

  const context = useQuery(async () => {
    const [reminders, runs, sales, service] = await Promise.all([
      repositories.reconciliations.reminders(),
      repositories.reconciliations.list(),
      repositories.reconciliations.exceptionChoices('sales'),
      repositories.reconciliations.exceptionChoices('service')
    ])
    return { reminders, runs, choices: { sales, service } }
  }, [repositories])
  if (context.status === 'error' && !context.data) return <Refusal message={context.error} />
  const reminder = context.data?.reminders.find((r) => r.department === department)
  const shownPeriod = period ?? reminder?.reminder.period ?? { from: '', to: '' }
  const choices = context.data?.choices[department] ?? []

  const exceptions = () =>
    Object.entries(reasons)
      .filter(([, reason]) => reason.code !== '')
      .map(([key, reason]) => {
        const [vin, repairOrderNo] = key.split('/')
        return { vin: vin!, repairOrderNo: repairOrderNo || null, code: reason.code, note: reason.note }
      })

  const run = async (keep: boolean) => {
    setBusy(true)
    setStatus(null)
    try {
      const request = { department, period: shownPeriod, exceptions: exceptions() }
      if (keep) {
        const kept = await repositories.reconciliations.record(request)
        setResult(kept.result)
        setSaved(kept.run)
        setStatus({ ok: true, text: t('reconciliation.saved') })
        await context.reload()
      } else {
        setResult(await repositories.reconciliations.preview(request))
        setSaved(null)
      }
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  const open = async (id: string) => {
    setBusy(true)
    try {
      const found = await repositories.reconciliations.get(id)
      if (found) {
        setDepartment(found.run.department)
        setPeriod({ from: found.run.periodFrom, to: found.run.periodTo })
        setResult(found.result)
        setSaved(found.run)
        setReasons({})
      }
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  const print = async (kind: ReconciliationReportKind, how: 'print' | 'save' = 'print') => {
    if (!saved) return
    try {
      await printReconciliationReport(repositories, platform, saved.id, kind, how)
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error) })
    }
  }

  const lines = (
    title: string,
    list: readonly (ReconciliationLine | ExceptedLine)[],
    testId: string,
    withReason: boolean
  ) => (
    <section className="card" data-testid={testId}>
      <h2>{t('labels.counted', { label: title, count: list.length })}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('work.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('reconciliation.vin')}</th>
              {department === 'service' ? <th>{t('reconciliation.repairOrderNo')}</th> : null}
              <th>{t(`reconciliation.date.${department}`)}</th>
              <th>{t(`reconciliation.advisor.${department}`)}</th>
              <th>{t('list.columns.plate')}</th>
              <th>{t('reconciliation.model')}</th>
              {withReason ? <th>{t('reconciliation.reason')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.map((line) => (
              <tr key={lineKey(line)}>
                <td className="mono">{line.vin}</td>
                {department === 'service' ? <td className="mono">{line.repairOrderNo}</td> : null}
                <td className="mono">{line.date ?? '—'}</td>
                <td lang="zh-CN">{line.advisor || '—'}</td>
                <td lang="zh-CN">{line.plate || '—'}</td>
                <td lang="zh-CN">{line.model || '—'}</td>
                {withReason ? <td>{reasonCell(line)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )

  const reasonCell = (line: ReconciliationLine | ExceptedLine) => {
    if ('exception' in line)
      return (
        <span lang="zh-CN">
          {line.exception.label}
          {line.exception.note ? `（${line.exception.note}）` : ''}
        </span>
      )
    if (saved || choices.length === 0) return '—'
    const key = lineKey(line)
    const reason = reasons[key] ?? { code: '', note: '' }
    return (
      <span className="inline-form">
        <select
          name={`reason-${key}`}
          value={reason.code}
          onChange={(e) => setReasons({ ...reasons, [key]: { ...reason, code: e.target.value } })}
        >
          <option value="">{t('reconciliation.noReason')}</option>
          {choices.map((c) => (
            <option key={c.code} value={c.code} lang="zh-CN">
              {c.label}
            </option>
          ))}
        </select>
        {reason.code ? (
          <input
            name={`note-${key}`}
            placeholder={t('reconciliation.notePlaceholder')}
            value={reason.note}
            maxLength={200}
            onChange={(e) => setReasons({ ...reasons, [key]: { ...reason, note: e.target.value } })}
          />
        ) : null}
      </span>
    )
  }

  return (
    <section className="screen" data-testid="reconciliation-screen">
      <header className="screen-head">
        <h1>{t('reconciliation.title')}</h1>
      </header>
      {reminder?.reminder.due ? (
        <div className="banner" role="status" data-testid="reconciliation-due">
          {t('reconciliation.dueLabel')}
          <span lang="zh-CN">{reminder.system}</span>
          {t('reconciliation.dueWhen', {
            dueOn: reminder.reminder.dueOn,
            from: reminder.reminder.period.from,
            to: reminder.reminder.period.to
          })}
        </div>
      ) : null}
      <div className="card inline-form">
        <label className="field">
          <span className="field-label">{t('handover.department')}</span>
          <select
            name="reconcile-department"
            value={department}
            onChange={(e) => {
              setDepartment(e.target.value as ArchiveKind)
              setResult(null)
              setSaved(null)
              setReasons({})
              setPeriod(null)
            }}
          >
            <option value="sales">{t('handover.sales')}</option>
            <option value="service">{t('handover.service')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('reconciliation.from')}</span>
          <DateInput
            name="reconcile-from"
            value={shownPeriod.from}
            onChange={(e) => setPeriod({ ...shownPeriod, from: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('reconciliation.to')}</span>
          <DateInput
            name="reconcile-to"
            value={shownPeriod.to}
            onChange={(e) => setPeriod({ ...shownPeriod, to: e.target.value })}
          />
        </label>
        <button type="button" onClick={() => run(false)} disabled={busy} data-testid="reconcile-run">
          {t('reconciliation.run')}
        </button>
        {result && !saved ? (
          <button
            type="button"
            className="primary"
            onClick={() => run(true)}
            disabled={busy}
            data-testid="reconcile-save"
          >
            {t('reconciliation.save')}
          </button>
        ) : null}
      </div>
      {status ? (
        <div className={status.ok ? 'banner' : 'banner error'} role={status.ok ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}
      {result ? (
        <>
          <section className="card" data-testid="reconcile-summary">
            <p>
              <span lang="zh-CN">{result.system}</span> ·{' '}
              {t('reconciliation.summary', {
                matched: result.matched.length,
                missing: result.missing.length,
                excepted: result.excepted.length,
                extra: result.extra.length,
                outside: result.outsidePeriod
              })}
            </p>
            {saved ? (
              <div className="head-actions">
                <span className="muted">
                  {t('reconciliation.reportDue', { dueAt: chinaDateTimeText(saved.reportDueAt) })}
                </span>
                <button type="button" onClick={() => print('missingArchiveReport')} data-testid="print-missing-report">
                  {t('reconciliation.printMissing')}
                </button>
                <button
                  type="button"
                  onClick={() => print('missingArchiveReport', 'save')}
                  data-testid="save-missing-report"
                >
                  {t('reconciliation.printMissingSave')}
                </button>
                <button type="button" onClick={() => print('unreportedRecord')} data-testid="print-unreported">
                  {t('reconciliation.printUnreported')}
                </button>
                <button type="button" onClick={() => print('unreportedRecord', 'save')} data-testid="save-unreported">
                  {t('reconciliation.printUnreportedSave')}
                </button>
                <ExportButton
                  label={t('reconciliation.export')}
                  permission="backup.export"
                  run={() => repositories.reconciliations.exportResult(saved.id)}
                  testId="export-reconciliation"
                />
              </div>
            ) : (
              <p className="muted">{t('reconciliation.notSaved')}</p>
            )}
          </section>
          {lines(t('reconciliation.missing'), result.missing, 'reconcile-missing', true)}
          {lines(t('reconciliation.excepted'), result.excepted, 'reconcile-excepted', true)}
          {lines(t('reconciliation.extra'), result.extra, 'reconcile-extra', false)}
          {lines(t('reconciliation.matched'), result.matched, 'reconcile-matched', false)}
        </>
      ) : null}
      <section className="card" data-testid="reconcile-history">
        <h2>{t('reconciliation.history')}</h2>
        {(context.data?.runs.length ?? 0) === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('reconciliation.reconciledAt')}</th>
                <th>{t('handover.department')}</th>
                <th>{t('reconciliation.period')}</th>
                <th>{t('reconciliation.counts')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {context.data!.runs.map((r) => (
                <tr key={r.id}>
                  <td className="mono">{chinaDateTimeText(r.reconciledAt)}</td>
                  <td>{r.department === 'sales' ? t('handover.sales') : t('handover.service')}</td>
                  <td className="mono">
                    {r.periodFrom} – {r.periodTo}
                  </td>
                  <td>
                    {t('reconciliation.countsValue', { missing: r.missing, excepted: r.excepted, extra: r.extra })}
                  </td>
                  <td>
                    <button type="button" className="link-button" onClick={() => open(r.id)}>
                      {t('reconciliation.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  )
}
