import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MonthlyReport, GroupFigures, Rate } from '@shared/department-report/monthly-report'
import type { MonthView } from '@shared/fines/fine-month'
import type { FinesPolicy } from '@shared/policy/fine-schedule'
import { noticePersonOf } from '@shared/fines/fine-notice'
import { chinaMonthOf } from '@shared/time'
import { useServices } from '../../services/app-context'
import { errorMessage } from '../../components/error-message'
import { type ChartLabels, finesTrendSvg, ratesTrendSvg } from '../../charts/report-charts'
import { printFineNotice, printFineStatement, printMonthlyReport } from '../../print/fine-prints'

// 月度报表: the department's month at a glance — targets, rates by department and advisor, fines and KPI
// points, and the 12-month trend charts (the same ECharts drawing the report PDF carries) — with the
// month's prints: the report, each person's 奖罚通知单 and 月度奖罚明细, and the payroll export.

const percent = (rate: Rate) => (rate.percent === null ? '—' : `${rate.percent}%`)

function useChartLabels(): ChartLabels {
  const { t } = useTranslation()
  return useMemo(
    () => ({
      ratesTitle: t('reports.chartRates'),
      finesTitle: t('reports.chartFines'),
      timeliness: t('labels.qualityMetric.timeliness'),
      completeness: t('labels.qualityMetric.completeness'),
      authenticity: t('labels.qualityMetric.authenticity'),
      nonconformity: t('reports.nonconformity'),
      yuan: t('reports.yuan'),
      kpiPoints: t('reports.kpiPoints'),
      target: (metric, value) =>
        t('reports.targetLine', { metric: t(`labels.qualityMetric.${metric}`), percent: value }),
      month: (month) => t('reports.monthShort', { month: Number(month.slice(5)) })
    }),
    [t]
  )
}

function FiguresRow({ name, figures, nameLang }: { name: string; figures: GroupFigures; nameLang?: string }) {
  return (
    <tr>
      <td lang={nameLang}>{name}</td>
      <td className="num">
        {percent(figures.timeliness)}{' '}
        <span className="muted">
          ({figures.timeliness.count}/{figures.timeliness.of})
        </span>
      </td>
      <td className="num">{percent(figures.completeness)}</td>
      <td className="num">{percent(figures.authenticity)}</td>
      <td className="num">
        {percent(figures.nonconformity)}{' '}
        <span className="muted">
          ({figures.nonconformity.count}/{figures.nonconformity.of})
        </span>
      </td>
      <td className="num">{figures.yuan.toFixed(2)}</td>
      <td className="num">{figures.kpiPoints}</td>
    </tr>
  )
}

function FiguresTable({ first, children }: { first: string; children: React.ReactNode }) {
  const { t } = useTranslation()
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>{first}</th>
          <th>{t('labels.qualityMetric.timeliness')}</th>
          <th>{t('labels.qualityMetric.completeness')}</th>
          <th>{t('labels.qualityMetric.authenticity')}</th>
          <th>{t('reports.nonconformity')}</th>
          <th>{t('reports.yuan')}</th>
          <th>{t('reports.kpiPoints')}</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  )
}

export function ReportsScreen() {
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const labels = useChartLabels()
  const [month, setMonth] = useState(() => chinaMonthOf(new Date()) as string)
  const [report, setReport] = useState<MonthlyReport | null>(null)
  const [fines, setFines] = useState<{ view: MonthView; policy: FinesPolicy } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    const load = async () => {
      const next = await repositories.fineReports.monthlyReport(month)
      const [view, policy] = await Promise.all([repositories.fines.month(month), repositories.policies.active()])
      return { next, fines: { view, policy: policy.fines } }
    }
    load().then(
      ({ next, fines: loaded }) => {
        if (!live) return
        setReport(next)
        setFines(loaded)
        setError(null)
      },
      (e: unknown) => {
        if (!live) return
        setReport(null)
        setFines(null)
        setError(errorMessage(e))
      }
    )
    return () => {
      live = false
    }
  }, [repositories, month])

  const run = async (what: () => Promise<unknown>, message: string) => {
    setBusy(true)
    setError(null)
    setDone(null)
    try {
      await what()
      setDone(message)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  const size = { width: 560, height: 280, fontFamily: 'inherit' }
  const charts = useMemo(
    () => (report ? [ratesTrendSvg(report, labels, size), finesTrendSvg(report, labels, size)] : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- size is a constant
    [report, labels]
  )

  const people = fines?.view.totals ?? []
  const requestFor = (personId: string) => {
    const view = fines!.view
    const sample = view.violations.find((v) => v.personId === personId)!
    return {
      person: noticePersonOf(sample),
      month,
      violations: view.violations,
      lines: view.lines,
      fines: fines!.policy,
      payCutPercent: view.totals.find((p) => p.personId === personId)?.payCutPercent ?? null
    }
  }
  const exportPayroll = async () => {
    const view = fines!.view
    const file = await repositories.fineReports.payrollExport({
      month,
      people: view.totals.map((p) => ({
        person: noticePersonOf(view.violations.find((v) => v.personId === p.personId)!),
        payCutPercent: p.payCutPercent
      })),
      violations: view.violations,
      lines: view.lines,
      fines: fines!.policy
    })
    await platform.saveFile(file.fileName, file.bytes, [{ name: 'Excel', extensions: ['xlsx'] }])
  }

  return (
    <section className="screen" data-testid="reports-screen">
      <header className="screen-head">
        <h1>{t('reports.title')}</h1>
        <label className="inline-field">
          {t('reports.month')}
          <input
            type="month"
            value={month}
            aria-label={t('reports.month')}
            onChange={(e) => e.target.value && setMonth(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy || !report}
          onClick={() => run(() => printMonthlyReport(repositories, platform, month), t('reports.printed'))}
        >
          {t('reports.printReport')}
        </button>
      </header>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {done ? (
        <div className="banner ok" role="status">
          {done}
        </div>
      ) : null}
      {report ? (
        <>
          <section className="card" data-testid="report-tiles">
            <h2>{t('reports.monthFigures', { month: report.month })}</h2>
            <dl className="tiles">
              <div>
                <dt>{t('labels.qualityMetric.timeliness')}</dt>
                <dd>{percent(report.current.timeliness)}</dd>
              </div>
              <div>
                <dt>{t('labels.qualityMetric.completeness')}</dt>
                <dd>{percent(report.current.completeness)}</dd>
              </div>
              <div>
                <dt>{t('labels.qualityMetric.authenticity')}</dt>
                <dd>{percent(report.current.authenticity)}</dd>
              </div>
              <div>
                <dt>{t('reports.nonconformity')}</dt>
                <dd>{percent(report.current.nonconformity)}</dd>
              </div>
              <div>
                <dt>{t('reports.yuan')}</dt>
                <dd>{report.current.yuan.toFixed(2)}</dd>
              </div>
              <div>
                <dt>{t('reports.kpiPoints')}</dt>
                <dd>{report.current.kpiPoints}</dd>
              </div>
            </dl>
            {report.targets.length > 0 ? (
              <ul className="targets">
                {report.targets.map((target) => (
                  <li key={target.metric} className={target.met === false ? 'error' : undefined}>
                    {t('reports.target', {
                      metric: t(`labels.qualityMetric.${target.metric}`),
                      min: target.minPercent,
                      actual: target.percent === null ? '—' : `${target.percent}%`
                    })}{' '}
                    <strong>
                      {target.met === null ? t('reports.noData') : target.met ? t('reports.met') : t('reports.notMet')}
                    </strong>{' '}
                    <span className="muted" lang="zh-CN">
                      {target.clause}
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
            {report.reviewMetrics.length > 0 ? (
              <p className="muted">
                {t('reports.review', {
                  metrics: report.reviewMetrics
                    .map((m) => t(`labels.qualityMetric.${m}`))
                    .join(t('labels.listSeparator'))
                })}
              </p>
            ) : null}
          </section>
          <section className="card">
            <h2>{t('reports.byDepartment')}</h2>
            <FiguresTable first={t('reports.department')}>
              {report.current.byDepartment.map((d) => (
                <FiguresRow key={d.department} name={t(`labels.department.${d.department}`)} figures={d} />
              ))}
              <FiguresRow name={t('reports.total')} figures={report.current} />
            </FiguresTable>
          </section>
          <section className="card">
            <h2>{t('reports.byAdvisor')}</h2>
            {report.current.byAdvisor.length === 0 ? (
              <p className="muted">{t('reports.none')}</p>
            ) : (
              <FiguresTable first={t('reports.advisor')}>
                {report.current.byAdvisor.map((a) => (
                  <FiguresRow key={a.advisor} name={a.advisor} figures={a} nameLang="zh-CN" />
                ))}
              </FiguresTable>
            )}
          </section>
          <section className="card" data-testid="report-charts">
            <h2>{t('reports.trend')}</h2>
            {charts.map((svg, i) => (
              // ECharts' own SVG of our figures: text escaped by the library, no script.
              <div
                key={i}
                className="chart"
                role="img"
                aria-label={i === 0 ? labels.ratesTitle : labels.finesTitle}
                dangerouslySetInnerHTML={{ __html: svg }}
              />
            ))}
          </section>
        </>
      ) : null}
      {fines ? (
        <section className="card" data-testid="report-people">
          <h2>{t('reports.people')}</h2>
          <p className="muted">{t('reports.peopleHint')}</p>
          {people.length === 0 ? (
            <p className="muted">{t('reports.none')}</p>
          ) : (
            <>
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('reports.person')}</th>
                    <th>{t('reports.yuan')}</th>
                    <th>{t('reports.kpiPoints')}</th>
                    <th>{t('reports.payCut')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {people.map((p) => (
                    <tr key={p.personId}>
                      <td lang="zh-CN">{p.personName}</td>
                      <td className="num">{p.yuan.toFixed(2)}</td>
                      <td className="num">{p.kpiPoints}</td>
                      <td className="num">{p.payCutPercent ? `${p.payCutPercent}%` : '—'}</td>
                      <td>
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() =>
                            run(
                              () => printFineNotice(repositories, platform, requestFor(p.personId)),
                              t('reports.printed')
                            )
                          }
                        >
                          {t('reports.printNotice')}
                        </button>{' '}
                        <button
                          type="button"
                          disabled={busy}
                          onClick={() =>
                            run(
                              () => printFineStatement(repositories, platform, requestFor(p.personId)),
                              t('reports.printed')
                            )
                          }
                        >
                          {t('reports.printStatement')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="form-actions">
                <button type="button" disabled={busy} onClick={() => run(exportPayroll, t('reports.exported'))}>
                  {t('reports.exportPayroll')}
                </button>
              </div>
            </>
          )}
        </section>
      ) : null}
    </section>
  )
}
