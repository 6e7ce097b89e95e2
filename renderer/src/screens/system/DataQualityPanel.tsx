import { useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { VEHICLE_FIELD_LABELS } from '@shared/vehicle/vehicle-field-requirement'
import { useServices } from '../../services/app-context'
import { errorMessage } from '../../components/error-message'
import type { FilesLackingFields } from '../../data/repositories'

/** Files kept from before that lack the fields the policy in force requires (FAW-VW 五(二)3): listed, not refused. */
export function DataQualityPanel() {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const [result, setResult] = useState<{ clause: string; lacking: FilesLackingFields } | null>(null)
  const [none, setNone] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [running, setRunning] = useState(false)

  const run = async () => {
    setRunning(true)
    setError(null)
    try {
      const requirement = (await repositories.policies.active()).vehicleFile
      if (!requirement || requirement.fields.length === 0) {
        setNone(true)
        setResult(null)
        return
      }
      setNone(false)
      setResult({
        clause: requirement.clause,
        lacking: await repositories.vehicleFiles.lackingFields(requirement.fields)
      })
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setRunning(false)
    }
  }

  return (
    <section className="card" data-testid="data-quality">
      <h2>{t('system.dataQuality')}</h2>
      <p className="muted">{t('system.dataQualityHint')}</p>
      <div className="form-actions">
        <button type="button" onClick={run} disabled={running}>
          {running ? t('system.running') : t('system.dataQualityRun')}
        </button>
      </div>
      {error ? (
        <div className="banner error" role="alert">
          {error}
        </div>
      ) : null}
      {none ? (
        <div className="banner ok" role="status">
          {t('system.dataQualityNoRequirement')}
        </div>
      ) : null}
      {result ? (
        <div data-testid="data-quality-report">
          <div className={`banner ${result.lacking.total ? 'warn' : 'ok'}`} role="status">
            <Trans
              i18nKey={result.lacking.total ? 'system.dataQualityFound' : 'system.dataQualityNone'}
              values={{ count: result.lacking.total, clause: result.clause, shown: result.lacking.files.length }}
              components={[<span key="clause" lang="zh-CN" />]}
            />
          </div>
          {result.lacking.files.length ? (
            <table className="data-table compact">
              <thead>
                <tr>
                  <th>{t('system.dataQualityFile')}</th>
                  <th>{t('system.dataQualityMissing')}</th>
                </tr>
              </thead>
              <tbody>
                {result.lacking.files.map((file) => (
                  <tr key={file.id}>
                    <td className="mono">
                      <Link to={`/files/${file.id}/edit`}>{file.archiveNo}</Link>
                    </td>
                    <td>{[...new Set(file.missing.map((key) => VEHICLE_FIELD_LABELS[key]))].join('、')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      ) : null}
    </section>
  )
}
