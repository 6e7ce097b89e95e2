import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../components/error-message'
import { useServices } from '../../services/app-context'
import type { IntegrityReport } from '../../data/repositories'
import { chinaDateTimeText } from '@shared/time'
import { BackupPanel } from './BackupPanel'
import { DataQualityPanel } from './DataQualityPanel'

export function SystemScreen() {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const [report, setReport] = useState<IntegrityReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)

  const run = async () => {
    setRunning(true)
    setError(null)
    try {
      setReport(await repositories.integrity.run())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setRunning(false)
    }
  }

  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t('system.title')}</h1>
      </header>
      <section className="card">
        <h2>{t('system.integrity')}</h2>
        <p className="muted">{t('system.integrityHint')}</p>
        <div className="form-actions">
          <button type="button" className="primary" onClick={run} disabled={running}>
            {running ? t('system.running') : t('system.runCheck')}
          </button>
        </div>
        {error ? (
          <div className="banner error" role="alert">
            {error}
          </div>
        ) : null}
        {report ? (
          <div data-testid="integrity-report">
            <div className={`banner ${report.problems.length ? 'error' : 'ok'}`} role="status">
              {report.problems.length
                ? t('system.problems', { count: report.problems.length })
                : t('system.noProblems')}{' '}
              · {chinaDateTimeText(report.at)}
            </div>
            {report.problems.length ? (
              <ul className="problems">
                {report.problems.map((p) => (
                  <li key={`${p.table}-${p.id}-${p.message}`}>{p.message}</li>
                ))}
              </ul>
            ) : null}
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>{t('system.table')}</th>
                  <th>{t('system.rows')}</th>
                </tr>
              </thead>
              <tbody>
                {report.tables.map((row) => (
                  <tr key={row.name}>
                    <td>{t(`system.tables.${row.name}`, { defaultValue: row.name })}</td>
                    <td className="mono">{row.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <DataQualityPanel />
      <BackupPanel />
    </section>
  )
}
