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
import { ArchiveTable } from '../../components/ArchiveTable'
import { ReconciliationWork } from '../reconciliation/ReconciliationWork'

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
  const keepingDue = useQuery(
    async () =>
      (await repositories.can('retention.manage')) ? repositories.retention.inspectionDue() : Promise.resolve(null),
    [repositories]
  )
  const handovers = work.data?.handovers ?? []
  const archives = useMemo(() => work.data?.archives ?? [], [work.data])

  const advisors = useMemo(
    () => [...new Set(archives.map((v) => v.archive.advisorName))].sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [archives]
  )
  const shown = archives.filter(
    (v) => (!department || v.archive.department === department) && (!advisor || v.archive.advisorName === advisor)
  )
  const awaiting = shown.filter((v) => INSPECTABLE_STATUSES.includes(v.archive.status))
  const returned = shown.filter((v) => AWAITING_RESUBMISSION_STATUSES.includes(v.archive.status))
  const toFile = shown.filter((v) => READY_TO_FILE_STATUSES.includes(v.archive.status))
  if (work.status === 'error') return <Refusal message={work.error} />

  const table = (title: string, list: ArchiveView[], due: (v: ArchiveView) => string | null, testId: string) => (
    <ArchiveTable
      title={title}
      list={list}
      due={due}
      testId={testId}
      linkTo={(v) => `/archives/${v.archive.id}`}
      showAdvisor
      // FAW-VW 五(二)4(5) counts the correction from the advisor's 签收: say when it is still missing.
      dueNote={(v) => (v.archive.status === 'returned' && !v.archive.noticeReceivedAt ? t('work.notSignedFor') : null)}
    />
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
      {keepingDue.data?.due ? (
        <div className="banner warn" role="status" data-testid="storage-inspection-reminder">
          {t('keeping.inspectionDue', {
            dueOn: keepingDue.data.dueOn,
            last: keepingDue.data.lastInspectedOn ?? t('keeping.never')
          })}{' '}
          <Link to="/keeping">{t('keeping.openStorage')}</Link>
        </div>
      ) : null}
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
      <ReconciliationWork />
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
