import { useCallback, useEffect, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import type { CalendarOverride } from '@shared/calendar'
import type { UnsetKpiRule } from '@shared/policy'
import { unsetKpiRules } from '@shared/policy'
import { useRepositories } from '../../services/app-context'
import { errorMessage } from '../../components/error-message'
import { DateInput } from '../../components/DateInput'

const EMPTY: CalendarOverride = { date: '', kind: 'closed', note: '' }

/** The service department's own calendar, and the policy values no text gives that the director must set. */
export function ServiceDaysAndOpenValues() {
  const { t } = useTranslation()
  const { policies } = useRepositories()
  const [days, setDays] = useState<CalendarOverride[] | null>(null)
  const [unset, setUnset] = useState<UnsetKpiRule[]>([])
  const [draft, setDraft] = useState<CalendarOverride>(EMPTY)
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  const load = useCallback(async () => {
    setDays(await policies.serviceDayOverrides())
    setUnset(unsetKpiRules((await policies.active()).fines))
  }, [policies])
  useEffect(() => {
    void Promise.resolve().then(load)
  }, [load])
  if (!days) return null

  const save = async (next: CalendarOverride[], after?: () => void) => {
    setStatus(null)
    try {
      await policies.saveServiceDayOverrides(next)
      after?.()
      setStatus({ kind: 'ok', text: t('policy.serviceDaysSaved') })
      await load()
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  }

  return (
    <section className="card" data-testid="service-days">
      {unset.length > 0 ? (
        <div className="banner warn" role="status" data-testid="unset-values">
          <strong>{t('policy.unsetTitle')}</strong>
          <p>{t('policy.unsetHint')}</p>
          <ul className="plain">
            {unset.map((rule) => (
              <li key={rule.code}>
                <Trans
                  i18nKey="policy.unsetItem"
                  values={{ clause: rule.clause, title: rule.title }}
                  components={[<span key="rule" lang="zh-CN" />]}
                />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3>{t('policy.serviceDays')}</h3>
      <p className="muted small">{t('policy.serviceDaysHint')}</p>
      {status ? (
        <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}
      <ul className="plain">
        {days.map((o) => (
          <li key={o.date}>
            <span className="mono">{o.date}</span> · {o.kind === 'open' ? t('policy.open') : t('policy.serviceClosed')}{' '}
            · {o.note}{' '}
            <button type="button" className="link-button" onClick={() => save(days.filter((x) => x.date !== o.date))}>
              {t('policy.remove')}
            </button>
          </li>
        ))}
      </ul>
      <div className="inline-form">
        <label className="field">
          <span className="field-label">{t('policy.date')}</span>
          <DateInput
            name="service-day-date"
            value={draft.date}
            onChange={(e) => setDraft({ ...draft, date: e.target.value })}
          />
        </label>
        <label className="field wide">
          <span className="field-label">{t('policy.note')}</span>
          <input
            name="service-day-note"
            value={draft.note}
            onChange={(e) => setDraft({ ...draft, note: e.target.value })}
          />
        </label>
        <button type="button" onClick={() => save([...days, draft], () => setDraft(EMPTY))}>
          {t('policy.addOverride')}
        </button>
      </div>
    </section>
  )
}
