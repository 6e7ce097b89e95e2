import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { chinaDateTimeText } from '@shared/time'
import { useRepositories } from '../../services/app-context'
import { useQuery } from '../../hooks/use-query'

// On the work list: the count against the dealer systems when one is due (FAW-VW counts weekly), and the
// archives a count found missing that have not arrived yet, each with the advisor who owes it.

export function ReconciliationWork() {
  const { t } = useTranslation()
  const repositories = useRepositories()
  const work = useQuery(async () => {
    if (!(await repositories.can('reconciliation.manage'))) return null
    const [reminders, expected] = await Promise.all([
      repositories.reconciliations.reminders(),
      repositories.reconciliations.expectedArchives()
    ])
    return { due: reminders.filter((r) => r.reminder.due), expected }
  }, [repositories])
  if (!work.data) return null
  const { due, expected } = work.data
  const now = new Date().toISOString()
  return (
    <>
      {due.map((r) => (
        <div className="banner" role="status" key={r.department} data-testid={`reconcile-reminder-${r.department}`}>
          {t('reconciliation.dueLabel')}
          <span lang="zh-CN">{r.system}</span>
          {t('reconciliation.dueWhen', {
            dueOn: r.reminder.dueOn,
            from: r.reminder.period.from,
            to: r.reminder.period.to
          })}{' '}
          <Link to="/reconciliation">{t('reconciliation.title')}</Link>
        </div>
      ))}
      <section className="card" data-testid="expected-archives">
        <h2>{t('labels.counted', { label: t('reconciliation.expected'), count: expected.length })}</h2>
        {expected.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('reconciliation.vin')}</th>
                <th>{t('work.archive')}</th>
                <th>{t('reconciliation.systemDate')}</th>
                <th>{t('handover.advisor')}</th>
                <th>{t('reconciliation.reportDueColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {expected.map((e) => (
                <tr
                  key={`${e.department}:${e.vin}/${e.repairOrderNo}`}
                  className={e.reportDueAt < now ? 'overdue' : undefined}
                >
                  <td className="mono">{e.vin}</td>
                  <td>
                    {e.department === 'sales' ? t('work.sales') : t('work.service')}
                    {e.repairOrderNo ? ` ${e.repairOrderNo}` : ''}
                  </td>
                  <td className="mono">{e.date}</td>
                  <td lang="zh-CN">{e.advisor || '—'}</td>
                  <td className="mono">{chinaDateTimeText(e.reportDueAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
