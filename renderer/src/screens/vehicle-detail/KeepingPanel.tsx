import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FILE_REPAIR_PROBLEMS, LEGAL_HOLD_KINDS } from '@shared/retention'
import { chinaDateTimeText, todayInChina } from '@shared/time'
import { useServices } from '../../services/app-context'
import { usePermissions } from '../../hooks/use-permissions'
import { useQuery } from '../../hooks/use-query'
import { errorMessage } from '../../components/error-message'

/** A file's keeping on its page: sealed where, legal holds (place, release), repairs, destruction, its dates. */
export function KeepingPanel({ fileId, onChanged }: { fileId: string; onChanged?: () => void }) {
  const { t } = useTranslation()
  const { repositories, session } = useServices()
  const allowed = usePermissions()
  const canKeep = allowed?.has('retention.manage') ?? false
  const keeping = useQuery(() => repositories.retention.fileKeeping(fileId), [repositories, fileId])
  const [holdKind, setHoldKind] = useState('')
  const [holdReason, setHoldReason] = useState('')
  const [releaseReason, setReleaseReason] = useState('')
  const [repair, setRepair] = useState<{ problem: string; description: string; repair: string; repairedOn: string }>({
    problem: '',
    description: '',
    repair: '',
    repairedOn: todayInChina()
  })
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  if (keeping.status === 'error') return null
  const k = keeping.data
  if (!k) return null
  const act = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      setMessage({ kind: 'ok', text: done })
      await keeping.reload()
      onChanged?.()
      return true
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) })
      return false
    }
  }
  const standing = k.holds.find((h) => h.releasedAt === null)
  return (
    <section className="card keeping-panel" data-testid="keeping-panel">
      <h2>{t('keeping.panelTitle')}</h2>
      {message ? (
        <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </div>
      ) : null}
      {k.status === 'sealed' ? (
        <div className="banner warn" data-testid="sealed-banner">
          {t('keeping.sealedBanner', {
            at: k.sealedAt ? chinaDateTimeText(k.sealedAt) : '—',
            batch: k.batchNumber ?? '—'
          })}{' '}
          <strong lang="zh-CN" data-testid="sealed-location">
            {k.sealLocation}
          </strong>
        </div>
      ) : null}
      {k.status === 'destroyed' ? (
        <div className="banner warn" data-testid="destroyed-banner">
          {t('keeping.destroyedBanner', {
            on: k.destruction?.destroyedOn ?? '—',
            method: k.destruction?.method ? t(`keeping.method.${k.destruction.method}`) : '—'
          })}
        </div>
      ) : null}
      {standing ? (
        <div className="banner error" data-testid="hold-banner">
          {t('keeping.heldBanner', { kind: t(`keeping.holdKind.${standing.kind}`) })}{' '}
          <span lang="zh-CN">{standing.reason}</span> ({chinaDateTimeText(standing.placedAt)},{' '}
          <span lang="zh-CN">{standing.placedByName}</span>)
        </div>
      ) : null}
      <dl className="items">
        <div className="item">
          <dt>{t('keeping.sealDueOn')}</dt>
          <dd className="mono" data-testid="seal-due-on">
            {k.schedule?.sealDueOn ?? '—'}
            {k.schedule ? ` (${t(`keeping.basis.${k.schedule.sealBasis}`)})` : ''}
          </dd>
        </div>
        <div className="item">
          <dt>{t('keeping.reviewOn')}</dt>
          <dd className="mono">{k.schedule?.destructionReviewOn ?? '—'}</dd>
        </div>
        {k.destruction ? (
          <div className="item">
            <dt>{t('keeping.register')}</dt>
            <dd>{t(`keeping.destructionStatus.${k.destruction.status}`)}</dd>
          </div>
        ) : null}
      </dl>
      {canKeep && k.status !== 'destroyed' ? (
        standing ? (
          <div className="inline-form">
            <input
              name="release-reason"
              placeholder={t('keeping.releaseReason')}
              value={releaseReason}
              onChange={(e) => setReleaseReason(e.target.value)}
            />
            <button
              type="button"
              className="button"
              onClick={() =>
                act(() => repositories.retention.releaseHold(standing.id, releaseReason), t('keeping.released'))
              }
            >
              {t('keeping.release')}
            </button>
          </div>
        ) : (
          <div className="inline-form">
            <select name="hold-kind" value={holdKind} onChange={(e) => setHoldKind(e.target.value)}>
              <option value="">{t('keeping.chooseHoldKind')}</option>
              {LEGAL_HOLD_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`keeping.holdKind.${kind}`)}
                </option>
              ))}
            </select>
            <input
              name="hold-reason"
              placeholder={t('keeping.holdReason')}
              value={holdReason}
              onChange={(e) => setHoldReason(e.target.value)}
            />
            <button
              type="button"
              className="button"
              onClick={() =>
                act(
                  () => repositories.retention.placeHold(fileId, { kind: holdKind, reason: holdReason }),
                  t('keeping.holdPlaced')
                )
              }
            >
              {t('keeping.placeHold')}
            </button>
          </div>
        )
      ) : null}
      <h3>{t('labels.counted', { label: t('keeping.repairs'), count: k.repairs.length })}</h3>
      {k.repairs.length > 0 ? (
        <table className="data-table" data-testid="repairs">
          <thead>
            <tr>
              <th>{t('keeping.repairedOn')}</th>
              <th>{t('keeping.problem')}</th>
              <th>{t('keeping.damage')}</th>
              <th>{t('keeping.repair')}</th>
              <th>{t('keeping.by')}</th>
            </tr>
          </thead>
          <tbody>
            {k.repairs.map((r) => (
              <tr key={r.id}>
                <td className="mono">{r.repairedOn}</td>
                <td>{t(`keeping.repairProblem.${r.problem}`)}</td>
                <td lang="zh-CN">{r.description}</td>
                <td lang="zh-CN">{r.repair}</td>
                <td lang="zh-CN">{r.repairedByName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {canKeep && k.status !== 'destroyed' ? (
        <div className="inline-form">
          <select
            name="repair-problem"
            value={repair.problem}
            onChange={(e) => setRepair({ ...repair, problem: e.target.value })}
          >
            <option value="">{t('keeping.chooseProblem')}</option>
            {FILE_REPAIR_PROBLEMS.map((p) => (
              <option key={p} value={p}>
                {t(`keeping.repairProblem.${p}`)}
              </option>
            ))}
          </select>
          <input
            name="repair-description"
            placeholder={t('keeping.damage')}
            value={repair.description}
            onChange={(e) => setRepair({ ...repair, description: e.target.value })}
          />
          <input
            name="repair-action"
            placeholder={t('keeping.repair')}
            value={repair.repair}
            onChange={(e) => setRepair({ ...repair, repair: e.target.value })}
          />
          <input
            name="repair-on"
            value={repair.repairedOn}
            onChange={(e) => setRepair({ ...repair, repairedOn: e.target.value })}
          />
          <button
            type="button"
            className="button"
            onClick={async () => {
              if (
                await act(
                  () =>
                    repositories.retention.recordRepair(fileId, {
                      ...repair,
                      repairedByName: session.operator.name
                    }),
                  t('keeping.repairRecorded')
                )
              )
                setRepair({ problem: '', description: '', repair: '', repairedOn: todayInChina() })
            }}
          >
            {t('keeping.recordRepair')}
          </button>
        </div>
      ) : null}
    </section>
  )
}
