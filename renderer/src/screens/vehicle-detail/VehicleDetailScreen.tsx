import { useEffect, useState } from 'react'
import { Link, useLocation, useParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type { AuditEvent } from '@shared/audit/audit-event'
import { maskPhone, maskResidentId } from '@shared/validation'
import { useRepositories } from '../../app/app-context'

function formatTime(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

function Item({ label, value, className }: { label: string; value: string | null | undefined; className?: string }) {
  return (
    <div className="item">
      <dt>{label}</dt>
      <dd className={className}>{value || '—'}</dd>
    </div>
  )
}

export function VehicleDetailScreen() {
  const { id = '' } = useParams()
  const location = useLocation()
  const { t } = useTranslation()
  const { vehicleFiles, auditLog } = useRepositories()
  const [file, setFile] = useState<VehicleFile | null | undefined>(undefined)
  const [history, setHistory] = useState<AuditEvent[]>([])

  useEffect(() => {
    let live = true
    void vehicleFiles.get(id).then((f) => { if (live) setFile(f ?? null) })
    void auditLog.forEntity('vehicleFile', id).then((events) => { if (live) setHistory(events) })
    return () => { live = false }
  }, [id, vehicleFiles, auditLog])

  if (file === undefined) return <section className="screen" />
  if (file === null) return <section className="screen"><p className="empty">{t('detail.notFound')}</p><Link to="/">{t('detail.back')}</Link></section>

  const saved = (location.state as { saved?: string } | null)?.saved
  const address = [file.provinceName, file.cityName === '市辖区' ? null : file.cityName, file.countyName, file.street].filter(Boolean).join(' ')
  const fieldLabel = (key: string) => {
    const labels: Record<string, string> = {
      ownerName: t('form.fields.ownerNameIndividual'), ownerIdNumber: t('form.fields.ownerIdIndividual'),
      provinceCode: t('form.fields.province'), cityCode: t('form.fields.city'), countyCode: t('form.fields.county')
    }
    return labels[key] ?? t(`form.fields.${key}`, { defaultValue: key })
  }

  return (
    <section className="screen detail-screen">
      {saved ? <div className="banner ok" role="status">{t('form.saved', { archiveNo: saved })}</div> : null}
      <header className="screen-head">
        <div>
          <h1><span className="mono">{file.archiveNo}</span> <span className="plate big">{file.plate ?? ''}</span></h1>
          <div className="head-meta"><span className="vin"><span className="vin-head">{file.vin.slice(0, 9)}</span><strong>{file.vin.slice(9)}</strong></span> · {file.series} {file.model ?? ''} · {t(`origin.${file.origin}`)}</div>
        </div>
        <div className="head-actions">
          <Link className="button" to="/">{t('detail.back')}</Link>
          <Link className="button primary" to={`/files/${file.id}/edit`}>{t('detail.edit')}</Link>
        </div>
      </header>

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
            <Item label={t('form.fields.origin')} value={t(`origin.${file.origin}`)} />
          </dl>
        </section>
        <section className="card">
          <h2>{t('detail.owner')}</h2>
          <dl className="items">
            <Item label={file.ownerKind === 'organisation' ? t('form.fields.ownerNameOrganisation') : t('form.fields.ownerNameIndividual')} value={file.ownerName} />
            <Item label={file.ownerKind === 'organisation' ? t('form.fields.ownerIdOrganisation') : t('form.fields.ownerIdIndividual')}
              value={file.ownerIdNumber ? (file.ownerKind === 'individual' ? maskResidentId(file.ownerIdNumber) : file.ownerIdNumber) : null} className="mono" />
            <Item label={t('form.fields.ownerPhone')} value={maskPhone(file.ownerPhone)} className="mono" />
            <Item label={t('form.fields.ownerPhone2')} value={file.ownerPhone2 ? maskPhone(file.ownerPhone2) : null} className="mono" />
            <Item label={t('form.sections.address')} value={address} />
            <Item label={t('form.fields.postcode')} value={file.postcode} className="mono" />
          </dl>
        </section>
        <section className="card">
          <h2>{t('detail.contact')} · {t('detail.storage')}</h2>
          <dl className="items">
            <Item label={t('form.fields.contactName')} value={file.contactName} />
            <Item label={t('form.fields.contactPhone')} value={file.contactPhone ? maskPhone(file.contactPhone) : null} className="mono" />
            <Item label={t('form.sections.location')} value={[file.cabinet && `${file.cabinet} 柜`, file.shelf && `${file.shelf} 层`, file.box && `${file.box} 盒`].filter(Boolean).join(' · ')} />
            <Item label={t('detail.status')} value={t(`detail.statuses.${file.status}`)} />
            <Item label={t('detail.created')} value={formatTime(file.createdAt)} className="mono" />
            <Item label={t('detail.updated')} value={formatTime(file.updatedAt)} className="mono" />
            <Item label={t('form.fields.notes')} value={file.notes} />
          </dl>
        </section>
      </div>

      <section className="card">
        <h2>{t('detail.archivesTitle')}</h2>
        <p className="muted">{t('detail.archivesEmpty')}</p>
      </section>

      <section className="card">
        <h2>{t('detail.history')}</h2>
        {history.length === 0 ? <p className="muted">{t('detail.noHistory')}</p> : (
          <ol className="history">
            {history.map((event) => (
              <li key={event.id}>
                <span className="mono">{formatTime(event.at)}</span>
                <span className="tag">{t(`detail.actions.${event.action}`)}</span>
                <span>{event.actorName}</span>
                <span className="muted">{event.action === 'update'
                  ? t('detail.changedFields', { fields: Object.keys(JSON.parse(event.changes) as object).map(fieldLabel).join('、') })
                  : event.summary}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </section>
  )
}
