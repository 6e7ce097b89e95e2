import { useMemo, useState } from 'react'
import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { allowedHandoverEvents } from '@shared/handover/handover-status'
import { AWAITING_RESUBMISSION_STATUSES, INSPECTABLE_STATUSES, READY_TO_FILE_STATUSES } from '@shared/archive'
import { chinaDateTimeText } from '@shared/time'
import { useRepositories } from '../../services/app-context'
import type { ArchiveView } from '../../data/repositories'
import { Refusal } from '../../components/Refusal'
import { usePermissions } from '../../hooks/use-permissions'
import { useQuery } from '../../hooks/use-query'

const WORK_STATUSES = [...INSPECTABLE_STATUSES, ...AWAITING_RESUBMISSION_STATUSES, ...READY_TO_FILE_STATUSES]
import { ExportButton } from '../../components/ExportButton'
import { OverdueLoans } from '../loans/OverdueLoans'

/** What the archive manager works from: pending handovers, archives awaiting inspection, corrections due. */
export function WorkScreen() {
  const { t } = useTranslation()
  const repositories = useRepositories()
  const [department, setDepartment] = useState('')
  const [advisor, setAdvisor] = useState('')
  const allowed = usePermissions()
  const work = useQuery(async () => {
    const [handovers, archives] = await Promise.all([
      repositories.handovers.list(),
      repositories.archives.list({ statuses: WORK_STATUSES })
    ])
    // Pending: a handover that still has a step to go (submitting, signing).
    return { handovers: handovers.filter((h) => allowedHandoverEvents(h.status).length > 0), archives }
  }, [repositories])
  const handovers = work.data?.handovers ?? []
  const archives = useMemo(() => work.data?.archives ?? [], [work.data])

  const advisors = useMemo(
    () => [...new Set(archives.map((v) => v.archive.advisorName))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [archives]
  )
  const shown = archives.filter(
    (v) => (!department || v.archive.department === department) && (!advisor || v.archive.advisorName === advisor)
  )
  const now = new Date().toISOString()
  const awaiting = shown.filter((v) => INSPECTABLE_STATUSES.includes(v.archive.status))
  const returned = shown.filter((v) => AWAITING_RESUBMISSION_STATUSES.includes(v.archive.status))
  const toFile = shown.filter((v) => READY_TO_FILE_STATUSES.includes(v.archive.status))
  if (work.status === 'error') return <Refusal message={work.error} />

  const row = (v: ArchiveView, due: string | null) => (
    <tr key={v.archive.id} className={due && due < now ? 'overdue' : undefined}>
      <td>
        <Link to={`/archives/${v.archive.id}`} className="mono">
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
      <td lang="zh-CN">{v.archive.advisorName}</td>
      <td>{t(`labels.archiveStatus.${v.archive.status}`)}</td>
      <td className="mono">
        {due ? chinaDateTimeText(due) : '—'}
        {due && due < now ? ` ${t('inspection.overdue')}` : ''}
      </td>
    </tr>
  )
  const table = (title: string, list: ArchiveView[], due: (v: ArchiveView) => string | null, testId: string) => (
    <section className="card" data-testid={testId}>
      <h2>{t('labels.counted', { label: title, count: list.length })}</h2>
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
              <th>{t('handover.advisor')}</th>
              <th>{t('work.status')}</th>
              <th>{t('work.due')}</th>
            </tr>
          </thead>
          <tbody>{list.map((v) => row(v, due(v)))}</tbody>
        </table>
      )}
    </section>
  )
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t('work.title')}</h1>
        <div className="head-actions">
          <ExportButton
            label={t('exports.inspections')}
            permission="backup.export"
            run={() => repositories.exports.inspections()}
            testId="export-inspections"
          />
          <ExportButton
            label={t('exports.correctionNotices')}
            permission="backup.export"
            run={() => repositories.exports.correctionNotices()}
            testId="export-correction-notices"
          />
          {allowed?.has('handover.receive') ? (
            <Link className="button primary" to="/handovers">
              {t('work.newHandover')}
            </Link>
          ) : null}
        </div>
      </header>
      <div className="card inline-form">
        <label className="field">
          <span className="field-label">{t('handover.department')}</span>
          <select name="work-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
            <option value="">{t('work.all')}</option>
            <option value="sales">{t('handover.sales')}</option>
            <option value="service">{t('handover.service')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('handover.advisor')}</span>
          <select name="work-advisor" value={advisor} onChange={(e) => setAdvisor(e.target.value)}>
            <option value="">{t('work.all')}</option>
            {advisors.map((a) => (
              <option key={a} value={a} lang="zh-CN">
                {a}
              </option>
            ))}
          </select>
        </label>
      </div>
      <section className="card" data-testid="pending-handovers">
        <h2>{t('labels.counted', { label: t('work.pendingHandovers'), count: handovers.length })}</h2>
        {handovers.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <ul className="plain">
            {handovers.map((h) => (
              <li key={h.id}>
                <Link to={`/handovers/${h.id}`} className="mono">
                  {h.number}
                </Link>{' '}
                · <span lang="zh-CN">{h.handedByName}</span> · {t(`labels.handoverStatus.${h.status}`)} ·{' '}
                {chinaDateTimeText(h.handedAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
      {table(t('work.awaiting'), awaiting, (v) => v.archive.handInDueAt, 'awaiting-inspection')}
      {table(t('work.returned'), returned, (v) => v.archive.correctionDueAt, 'returned-archives')}
      {table(t('work.toFile'), toFile, () => null, 'to-file')}
      {allowed?.has('loan.manage') ? <OverdueLoans /> : null}
    </section>
  )
}
