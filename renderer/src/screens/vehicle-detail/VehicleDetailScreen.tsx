import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { Link, useLocation, useParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { type AuditEvent, auditChangesOf } from '@shared/audit/audit-event'
import type { PersonalInfoField } from '@shared/vehicle/vehicle-file'

import type { ArchiveRecord } from '@shared/archive'
import { archiveTimeline } from '@shared/archive'
import type { TimelineEntry } from '@shared/archive'
import type { Policy } from '@shared/policy'
import { chinaDateTimeText } from '@shared/time'
import { useRepositories } from '../../services/app-context'
import { actionKey } from '../audit/AuditScreen'
import { Refusal } from '../../components/Refusal'
import { usePermissions } from '../../hooks/use-permissions'
import { RevealButton } from './RevealButton'
import { SecrecyControl } from './SecrecyControl'
import { FileLoanStatus, PrintCoverButton } from './FolderAndLoan'
import { KeepingPanel } from './KeepingPanel'
import { errorMessage } from '../../components/error-message'

function Item({
  label,
  value,
  className,
  extra,
  translated = false
}: {
  label: string
  value: string | null | undefined
  className?: string
  extra?: ReactNode
  /** The value is the app's own word (a label); otherwise it is the file's data, shown as typed. */
  translated?: boolean
}) {
  return (
    <div className="item">
      <dt>{label}</dt>
      <dd className={className}>
        {translated ? value || '—' : <span lang="zh-CN">{value || '—'}</span>}
        {value ? extra : null}
      </dd>
    </div>
  )
}

export function VehicleDetailScreen() {
  const { id = '' } = useParams()
  const location = useLocation()
  const { t } = useTranslation()
  const { vehicleFiles, auditLog, archives: archivesRepo, policies } = useRepositories()
  const [file, setFile] = useState<VehicleFile | null | undefined>(undefined)
  const [history, setHistory] = useState<AuditEvent[]>([])
  const [timeline, setTimeline] = useState<TimelineEntry[]>([])
  const [refused, setRefused] = useState<string | null>(null)
  const [revealed, setRevealed] = useState<Partial<Record<PersonalInfoField, string>>>({})
  const allowed = usePermissions()

  useEffect(() => {
    let live = true
    vehicleFiles.get(id).then(
      (f) => {
        if (!live) return
        setFile(f ?? null)
        if (f)
          void auditLog.forEntity('vehicleFile', id).then((events) => {
            if (live) setHistory(events)
          })
        if (f) {
          void (async () => {
            const list = await archivesRepo.forVehicle(id)
            const rounds = new Map(
              await Promise.all(list.map(async (a) => [a.id, await archivesRepo.inspections(a.id)] as const))
            )
            const versions = new Map<string, Policy | undefined>()
            for (const a of list) {
              const key = `${a.policyId}@${a.policyVersion}`
              if (!versions.has(key)) versions.set(key, await policies.getVersion(a.policyId, a.policyVersion))
            }
            const visitName = (a: ArchiveRecord) =>
              versions
                .get(`${a.policyId}@${a.policyVersion}`)
                ?.archiveTemplates.service.visitTypes.find((v) => v.code === a.visitType)?.name ?? null
            if (live) setTimeline(archiveTimeline(list, rounds, visitName, new Date().toISOString()))
          })()
        }
      },
      (error: unknown) => {
        if (live) setRefused(errorMessage(error))
      }
    )
    return () => {
      live = false
    }
  }, [id, vehicleFiles, auditLog, archivesRepo, policies])

  if (refused) return <Refusal message={refused} />
  if (file === undefined) return <section className="screen" />
  if (file === null)
    return (
      <section className="screen">
        <p className="empty">{t('detail.notFound')}</p>
        <Link to="/">{t('detail.back')}</Link>
      </section>
    )
  const canReveal = allowed?.has('personalInfo.reveal') ?? false
  const pi = (field: PersonalInfoField) => revealed[field] ?? file[field]
  const reveal = (field: PersonalInfoField) =>
    canReveal && !revealed[field] ? (
      <RevealButton
        fileId={file.id}
        field={field}
        onRevealed={(value) => setRevealed({ ...revealed, [field]: value })}
      />
    ) : null

  const saved = (location.state as { saved?: string } | null)?.saved
  const address = [file.provinceName, file.cityName === '市辖区' ? null : file.cityName, file.countyName, file.street]
    .filter(Boolean)
    .join(' ')
  const fieldLabel = (key: string) => {
    const labels: Record<string, string> = {
      ownerName: t('form.fields.ownerNameIndividual'),
      ownerIdNumber: t('form.fields.ownerIdIndividual'),
      provinceCode: t('form.fields.province'),
      cityCode: t('form.fields.city'),
      countyCode: t('form.fields.county')
    }
    return labels[key] ?? t(`form.fields.${key}`, { defaultValue: key })
  }

  return (
    <section className="screen detail-screen">
      {saved ? (
        <div className="banner ok" role="status">
          {t('form.saved', { archiveNo: saved })}
        </div>
      ) : null}
      <header className="screen-head">
        <div>
          <h1>
            <span className="mono">{file.archiveNo}</span>{' '}
            <span className="plate big" lang="zh-CN">
              {file.plate ?? ''}
            </span>
            {file.secrecy !== 'ordinary' ? (
              <span className={`secrecy ${file.secrecy}`}>{t(`labels.secrecy.${file.secrecy}`)}</span>
            ) : null}
            {file.status !== 'active' ? (
              <span className={`file-status ${file.status}`} data-testid="file-status">
                {t(`detail.statuses.${file.status}`)}
              </span>
            ) : null}
          </h1>
          <div className="head-meta">
            <span className="vin">
              <span className="vin-head">{file.vin.slice(0, 9)}</span>
              <strong>{file.vin.slice(9)}</strong>
            </span>{' '}
            ·{' '}
            <span lang="zh-CN">
              {file.series} {file.model ?? ''}
            </span>{' '}
            · {t(`origin.${file.origin}`)}
          </div>
        </div>
        <div className="head-actions">
          <Link className="button" to="/">
            {t('detail.back')}
          </Link>
          <PrintCoverButton fileId={file.id} />
          {allowed?.has('vehicleFile.update') && file.status === 'active' ? (
            <Link className="button primary" to={`/files/${file.id}/edit`}>
              {t('detail.edit')}
            </Link>
          ) : null}
        </div>
      </header>
      <FileLoanStatus fileId={file.id} />

      <div className="detail-grid">
        <section className="card">
          <h2>{t('detail.vehicle')}</h2>
          <dl className="items">
            <Item label={t('form.fields.vin')} value={file.vin} className="mono" />
            <Item label={t('form.fields.plate')} value={file.plate} />
            <Item label={t('form.fields.series')} value={file.series} />
            <Item label={t('form.fields.model')} value={file.model} />
            <Item label={t('form.fields.productCode')} value={file.productCode} className="mono" />
            <Item label={t('form.fields.colour')} value={file.colour} />
            <Item label={t('form.fields.registrationDate')} value={file.registrationDate} className="mono" />
            <Item label={t('form.fields.origin')} value={t(`origin.${file.origin}`)} translated />
          </dl>
        </section>
        <section className="card">
          <h2>{t('detail.owner')}</h2>
          <dl className="items">
            <Item
              label={
                file.ownerKind === 'organisation'
                  ? t('form.fields.ownerNameOrganisation')
                  : t('form.fields.ownerNameIndividual')
              }
              value={file.ownerName}
            />
            <Item
              label={
                file.ownerKind === 'organisation'
                  ? t('form.fields.ownerIdOrganisation')
                  : t('form.fields.ownerIdIndividual')
              }
              value={pi('ownerIdNumber')}
              className="mono"
              extra={file.ownerKind === 'individual' ? reveal('ownerIdNumber') : null}
            />
            <Item
              label={t('form.fields.ownerPhone')}
              value={pi('ownerPhone')}
              className="mono"
              extra={reveal('ownerPhone')}
            />
            <Item
              label={t('form.fields.ownerPhone2')}
              value={pi('ownerPhone2')}
              className="mono"
              extra={reveal('ownerPhone2')}
            />
            <Item label={t('form.sections.address')} value={address} />
            <Item label={t('form.fields.postcode')} value={file.postcode} className="mono" />
          </dl>
        </section>
        <section className="card">
          <h2>
            {t('detail.contact')} · {t('detail.storage')}
          </h2>
          <dl className="items">
            <Item label={t('form.fields.contactName')} value={file.contactName} />
            <Item
              label={t('form.fields.contactPhone')}
              value={pi('contactPhone')}
              className="mono"
              extra={reveal('contactPhone')}
            />
            <Item
              label={t('form.sections.location')}
              value={[
                file.cabinet && t('detail.cabinetNo', { value: file.cabinet }),
                file.shelf && t('detail.shelfNo', { value: file.shelf }),
                file.box && t('detail.boxNo', { value: file.box })
              ]
                .filter(Boolean)
                .join(' · ')}
              translated
            />
            <Item label={t('detail.status')} value={t(`detail.statuses.${file.status}`)} translated />
            {file.status === 'sealed' ? (
              <Item label={t('keeping.sealLocation')} value={file.sealLocation ?? null} />
            ) : null}
            <Item label={t('detail.secrecy')} value={t(`labels.secrecy.${file.secrecy}`)} translated />
            <Item label={t('detail.created')} value={chinaDateTimeText(file.createdAt)} className="mono" />
            <Item label={t('detail.updated')} value={chinaDateTimeText(file.updatedAt)} className="mono" />
            <Item label={t('form.fields.notes')} value={file.notes} />
          </dl>
        </section>
      </div>

      {allowed?.has('vehicleFile.setSecrecy') && file.status === 'active' ? (
        <SecrecyControl file={file} onChanged={setFile} />
      ) : null}

      <KeepingPanel fileId={file.id} />

      <section className="card" data-testid="vehicle-archives">
        <h2>{t('detail.archivesTitle')}</h2>
        {timeline.length === 0 ? (
          <p className="muted">{t('detail.archivesEmpty')}</p>
        ) : (
          <ol className="archive-timeline">
            {timeline.map((e) => (
              <li key={e.archiveId} className={`timeline-entry ${e.kind}`} data-testid={`timeline-${e.archiveId}`}>
                <div className="timeline-date mono">{e.date ?? '—'}</div>
                <div className="timeline-body">
                  <div className="timeline-head">
                    <Link to={`/archives/${e.archiveId}`}>
                      <strong>
                        {e.kind === 'sales' ? t('work.sales') : t('work.service')}
                        {e.visitName ? <span lang="zh-CN">·{e.visitName}</span> : null}
                      </strong>
                    </Link>
                    {e.repairOrderNo ? (
                      <span className="mono">
                        {t('handover.repairOrder')} {e.repairOrderNo}
                      </span>
                    ) : null}
                    <span>
                      {t('handover.advisor')} <span lang="zh-CN">{e.advisorName}</span>
                    </span>
                    <span className="tag">{t(`labels.archiveStatus.${e.status}`)}</span>
                  </div>
                  <div className="timeline-meta">
                    {e.deadline ? (
                      <span className={e.deadline.missed ? 'late' : ''}>
                        {t(e.deadline.kind === 'correction' ? 'detail.correctionDue' : 'detail.handInDue', {
                          at: chinaDateTimeText(e.deadline.at)
                        })}
                        {e.deadline.missed
                          ? ` ${t(e.deadline.kind === 'correction' ? 'inspection.overdue' : 'inspection.late')}`
                          : ''}
                      </span>
                    ) : null}
                    <span>
                      {e.rounds.length
                        ? e.rounds
                            .map((r) =>
                              t(r.accepted ? 'detail.roundAccepted' : 'detail.roundFailed', {
                                round: r.round,
                                date: r.date,
                                count: r.failures
                              })
                            )
                            .join('；')
                        : t('detail.notInspected')}
                    </span>
                    <span>
                      {t('labels.labelled', { label: t('form.sections.location') })}
                      <span className="mono">{e.location ?? '—'}</span>
                    </span>
                  </div>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="card">
        <h2>{t('detail.history')}</h2>
        {history.length === 0 ? (
          <p className="muted">{t('detail.noHistory')}</p>
        ) : (
          <ol className="history">
            {history.map((event) => (
              <li key={event.id}>
                <span className="mono">{chinaDateTimeText(event.at)}</span>
                <span className="tag">{t(actionKey(event.action))}</span>
                <span lang="zh-CN">{event.actorName}</span>
                <span className="muted">
                  {event.action === 'update' && !event.changes.includes('"secrecy"') ? (
                    t('detail.changedFields', {
                      fields: Object.keys(auditChangesOf(event)).map(fieldLabel).join(t('labels.listSeparator'))
                    })
                  ) : (
                    <span lang="zh-CN">{event.summary}</span>
                  )}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}
