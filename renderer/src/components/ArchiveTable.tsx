import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { chinaDateTimeText } from '@shared/time'
import type { ArchiveView } from '../data/repositories'

interface Props {
  title: string
  list: readonly ArchiveView[]
  /** The deadline shown for a row (and marks it overdue once passed); null: none. */
  due: (view: ArchiveView) => string | null
  testId: string
  /** Where the archive number leads: the inspection (archive room) or the vehicle file (advisors). */
  linkTo: (view: ArchiveView) => string
  /** Shown above a list that is not empty. */
  hint?: string | undefined
  /** Shows the responsible advisor's column (the archive room sees every advisor's archives). */
  showAdvisor?: boolean
  /** Said beside the deadline, e.g. that the correction notice is not signed for yet. */
  dueNote?: (view: ArchiveView) => string | null
}

/** A list of archives with their vehicle, kind, status and deadline, as the Work and Mine screens show them. */
export function ArchiveTable({ title, list, due, testId, linkTo, hint, showAdvisor = false, dueNote }: Props) {
  const { t } = useTranslation()
  const now = new Date().toISOString()
  let rows: ReactNode = null
  if (list.length > 0) {
    rows = list.map((v) => {
      const at = due(v)
      const late = !!at && at < now
      const note = dueNote?.(v) ?? null
      return (
        <tr key={v.archive.id} className={late ? 'overdue' : undefined}>
          <td>
            <Link to={linkTo(v)} className="mono">
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
          {showAdvisor ? <td lang="zh-CN">{v.archive.advisorName}</td> : null}
          <td>{t(`labels.archiveStatus.${v.archive.status}`)}</td>
          <td className="mono">
            {at ? chinaDateTimeText(at) : '—'}
            {late ? ` ${t('inspection.overdue')}` : ''}
            {note ? <span className="muted"> {note}</span> : null}
          </td>
        </tr>
      )
    })
  }
  return (
    <section className="card" data-testid={testId}>
      <h2>{t('labels.counted', { label: title, count: list.length })}</h2>
      {hint && list.length > 0 ? <p className="muted">{hint}</p> : null}
      {list.length === 0 ? (
        <p className="muted">{t('work.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('list.columns.archiveNo')}</th>
              <th>{t('work.vinTail')}</th>
              <th>{t('list.columns.plate')}</th>
              <th>{t('list.columns.owner')}</th>
              <th>{t('work.archive')}</th>
              {showAdvisor ? <th>{t('handover.advisor')}</th> : null}
              <th>{t('work.status')}</th>
              <th>{t('work.due')}</th>
            </tr>
          </thead>
          <tbody>{rows}</tbody>
        </table>
      )}
    </section>
  )
}
