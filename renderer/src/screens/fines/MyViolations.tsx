import { useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { chinaDateTimeText } from '@shared/time'
import { useServices } from '../../services/app-context'
import { useCommand, useQuery } from '../../hooks/use-query'

/** On 我的: the advisor's own violations, what to fix and by when, and the objection (申诉) form. */
export function MyViolations() {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const mine = useQuery(() => repositories.fines.mine(), [repositories])
  const command = useCommand()
  const [objecting, setObjecting] = useState<string | null>(null)
  if (mine.status === 'error') return null
  const list = mine.data ?? []
  const submit = (id: string) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const note = String(new FormData(event.currentTarget).get('note') ?? '')
    void command
      .run(() => repositories.fines.object(id, note), t('fines.done.objection'), mine.reload)
      .then((ok) => ok && setObjecting(null))
  }
  return (
    <section className="card" data-testid="mine-violations">
      <h2>{t('labels.counted', { label: t('fines.mine'), count: list.length })}</h2>
      {command.status ? (
        <div className={`banner ${command.status.kind}`} role={command.status.kind === 'ok' ? 'status' : 'alert'}>
          {command.status.text}
        </div>
      ) : null}
      {list.length === 0 ? (
        <p className="muted">{t('mine.none')}</p>
      ) : (
        <>
          <p className="muted">{t('fines.mineHint')}</p>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('fines.day')}</th>
                <th>{t('fines.rule')}</th>
                <th>{t('fines.reason')}</th>
                <th>{t('fines.fix')}</th>
                <th>{t('fines.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((v) => (
                <tr key={v.id} data-violation={v.ruleCode}>
                  <td className="mono">{v.occurredOn}</td>
                  <td lang="zh-CN">{v.clause}</td>
                  <td>
                    {v.withheld ? (
                      <span className="muted">{t('fines.withheld')}</span>
                    ) : (
                      <span lang="zh-CN">
                        {v.archiveNo ? <span className="mono">{v.archiveNo} </span> : null}
                        {v.reason}
                      </span>
                    )}
                    {v.objection ? (
                      <div className="muted">
                        {t('fines.objection')}
                        <span lang="zh-CN">{v.objection.note}</span>{' '}
                        {v.objection.answer ? (
                          <>
                            {t(v.objection.answer.upheld ? 'fines.upheld' : 'fines.rejected')}
                            <span lang="zh-CN">{v.objection.answer.note}</span>
                          </>
                        ) : (
                          t('fines.objectionOpen')
                        )}
                      </div>
                    ) : null}
                    {objecting === v.id ? (
                      <form className="inline-form" onSubmit={submit(v.id)} data-testid="objection-form">
                        <input name="note" placeholder={t('fines.objectionPlaceholder')} />
                        <button type="submit" className="primary">
                          {t('fines.submitObjection')}
                        </button>
                        <button type="button" onClick={() => setObjecting(null)}>
                          {t('fines.cancel')}
                        </button>
                      </form>
                    ) : null}
                  </td>
                  <td>
                    {v.fix ? <span lang="zh-CN">{v.fix}</span> : '—'}
                    {v.fixBy ? (
                      <div className="mono">{t('fines.fixBy', { at: chinaDateTimeText(v.fixBy) })}</div>
                    ) : null}
                  </td>
                  <td>{t(`fines.statuses.${v.status}`)}</td>
                  <td>
                    {!v.objection || v.objection.answer ? (
                      <button type="button" onClick={() => setObjecting(v.id)}>
                        {t('fines.object')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
