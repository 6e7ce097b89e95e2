import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { useRepositories } from '../../services/app-context'
import { useQuery } from '../../hooks/use-query'

/** Loans still out past their due date, for the work list (逾期未归还档案者按违纪处理). */
export function OverdueLoans() {
  const { t } = useTranslation()
  const repositories = useRepositories()
  const overdue = useQuery(() => repositories.loans.overdue(), [repositories])
  const loans = overdue.data ?? []
  return (
    <section className="card" data-testid="overdue-loans">
      <h2>{t('labels.counted', { label: t('loans.overdueLoans'), count: loans.length })}</h2>
      {loans.length === 0 ? (
        <p className="muted">{t('work.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('loans.number')}</th>
              <th>{t('loans.borrower')}</th>
              <th>{t('loans.files')}</th>
              <th>{t('loans.dueOn')}</th>
            </tr>
          </thead>
          <tbody>
            {loans.map((v) => (
              <tr key={v.loan.id} className="overdue">
                <td>
                  <Link to="/loans" className="mono">
                    {v.loan.number}
                  </Link>
                </td>
                <td lang="zh-CN">{v.loan.borrowerName}</td>
                <td className="mono">
                  {v.files.map((f) => (f.visible ? f.archiveNo : t('loans.withheld'))).join(t('labels.listSeparator'))}
                </td>
                <td className="mono">
                  {v.loan.dueOn} {t('loans.overdueDays', { count: v.daysOverdue })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
