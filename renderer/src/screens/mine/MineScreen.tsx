import { Link } from 'react-router-dom'
import { Trans, useTranslation } from 'react-i18next'
import type { ArchiveStatus } from '@shared/archive'
import { IN_CORRECTION_STATUSES, INSPECTABLE_STATUSES } from '@shared/archive'
import { chinaDateTimeText } from '@shared/time'
import { useServices } from '../../services/app-context'
import { Refusal } from '../../components/Refusal'
import type { ArchiveView } from '../../data/repositories'
import { useQuery } from '../../hooks/use-query'
import { MyViolations } from '../fines/MyViolations'

const PENDING: readonly ArchiveStatus[] = ['expected']
const RETURNED = IN_CORRECTION_STATUSES
const IN_PROGRESS = INSPECTABLE_STATUSES

/** 我的: an advisor's own archives — what is still to hand in, what came back for correction and by when. */
export function MineScreen() {
  const { t } = useTranslation()
  const { repositories, session } = useServices()
  const mine = useQuery(() => repositories.archives.mine(), [repositories])
  const archives = mine.data
  if (mine.status === 'error') return <Refusal message={mine.error} />

  const now = new Date().toISOString()
  const table = (
    title: string,
    statuses: readonly ArchiveStatus[],
    due: (v: ArchiveView) => string | null,
    testId: string,
    hint?: string
  ) => {
    const list = (archives ?? []).filter((v) => statuses.includes(v.archive.status))
    return (
      <section className="card" data-testid={testId}>
        <h2>{t('labels.counted', { label: title, count: list.length })}</h2>
        {hint && list.length > 0 ? <p className="muted">{hint}</p> : null}
        {list.length === 0 ? (
          <p className="muted">{t('mine.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('list.columns.archiveNo')}</th>
                <th>{t('work.vinTail')}</th>
                <th>{t('list.columns.plate')}</th>
                <th>{t('list.columns.owner')}</th>
                <th>{t('mine.archive')}</th>
                <th>{t('mine.status')}</th>
                <th>{t('mine.due')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v) => {
                const at = due(v)
                const late = !!at && at < now
                return (
                  <tr key={v.archive.id} className={late ? 'overdue' : undefined}>
                    <td>
                      <Link to={`/files/${v.file.id}`} className="mono">
                        {v.file.archiveNo}
                      </Link>
                    </td>
                    <td className="mono">{v.file.vin.slice(-8)}</td>
                    <td lang="zh-CN">{v.file.plate ?? '—'}</td>
                    <td lang="zh-CN">{v.file.ownerName}</td>
                    <td>
                      {v.archive.kind === 'sales' ? t('work.sales') : t('work.service')}
                      {v.archive.repairOrderNo ? ` ${v.archive.repairOrderNo}` : ''}
                    </td>
                    <td>{t(`labels.archiveStatus.${v.archive.status}`)}</td>
                    <td className="mono">
                      {at ? chinaDateTimeText(at) : '—'}
                      {late ? ` ${t('mine.overdue')}` : ''}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
    )
  }
  return (
    <section className="screen" data-testid="mine-screen">
      <header className="screen-head">
        <h1>{t('mine.title')}</h1>
      </header>
      <p className="muted">
        <Trans
          i18nKey="mine.intro"
          values={{ name: session.operator.name, role: t(`labels.role.${session.operator.role}`) }}
          components={[<span key="name" lang="zh-CN" />]}
        />
      </p>
      {archives === null ? null : (
        <>
          {table(t('mine.pending'), PENDING, (v) => v.archive.handInDueAt, 'mine-pending')}
          {table(
            t('mine.returned'),
            RETURNED,
            (v) => v.archive.correctionDueAt,
            'mine-returned',
            t('mine.returnedHint')
          )}
          {table(t('mine.inProgress'), IN_PROGRESS, () => null, 'mine-in-progress')}
          <MyViolations />
        </>
      )}
    </section>
  )
}
