import { useCallback, useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import type { Handover } from '@shared/handover/handover'
import { canTransitionHandover, HANDOVER_STATUSES_TAKING_LINES } from '@shared/handover/handover-status'
import type { DocumentTemplate, Policy } from '@shared/policy'
import { isDomainError } from '@shared/model/domain-error'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { documentRequirement, documentsInFilingOrder } from '@shared/policy'
import type { ArchiveKind } from '@shared/archive'
import { readArchiveInput, requiredDocumentsMissing } from '@shared/archive'
import { chinaDate, chinaDateTimeText } from '@shared/time'
import { useServices } from '../../services/app-context'
import type { ArchiveView } from '../../data/repositories'
import { Refusal } from '../../components/Refusal'
import { DateInput } from '../../components/DateInput'
import { printHandoverSheet } from '../../print/print-actions'
import { errorMessage } from '../../components/error-message'
import { ExportButton } from '../../components/ExportButton'

/** Starting a handover: which department hands files over, and who. */
export function NewHandoverScreen() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { repositories } = useServices()
  const [department, setDepartment] = useState<ArchiveKind>('sales')
  const [handedByName, setHandedByName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [list, setList] = useState<Handover[]>([])
  useEffect(() => {
    void repositories.handovers.list().then(setList)
  }, [repositories])
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    try {
      const handover = await repositories.handovers.open({ department, handedByName })
      navigate(`/handovers/${handover.id}`)
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  return (
    <section className="screen">
      <header className="screen-head">
        <h1>{t('handover.title')}</h1>
        <div className="head-actions">
          <ExportButton
            label={t('exports.handovers')}
            permission="backup.export"
            run={() => repositories.exports.handovers()}
            testId="export-handovers"
          />
        </div>
      </header>
      <form className="card inline-form" onSubmit={submit} noValidate>
        <label className="field">
          <span className="field-label">{t('handover.department')}</span>
          <select name="department" value={department} onChange={(e) => setDepartment(e.target.value as ArchiveKind)}>
            <option value="sales">{t('handover.sales')}</option>
            <option value="service">{t('handover.service')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('handover.handedBy')}</span>
          <input name="handedByName" value={handedByName} onChange={(e) => setHandedByName(e.target.value)} autoFocus />
        </label>
        <button type="submit" className="primary">
          {t('handover.start')}
        </button>
        {error ? (
          <span className="field-error" role="alert">
            {error}
          </span>
        ) : null}
      </form>
      <section className="card">
        <h2>{t('handover.recent')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('handover.number')}</th>
              <th>{t('handover.department')}</th>
              <th>{t('handover.handedBy')}</th>
              <th>{t('handover.receivedBy')}</th>
              <th>{t('handover.at')}</th>
              <th>{t('handover.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((h) => (
              <tr key={h.id}>
                <td>
                  <Link to={`/handovers/${h.id}`} className="mono">
                    {h.number}
                  </Link>
                </td>
                <td>{h.department === 'sales' ? t('handover.sales') : t('handover.service')}</td>
                <td lang="zh-CN">{h.handedByName}</td>
                <td lang="zh-CN">{h.receivedByName}</td>
                <td className="mono">{chinaDateTimeText(h.handedAt)}</td>
                <td>{t(`labels.handoverStatus.${h.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  )
}

/** One handover batch: scan each archive in, tick what came with it, print the sheet, record the signatures. */
export function HandoverScreen() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const [handover, setHandover] = useState<Handover | null>(null)
  const [policy, setPolicy] = useState<Policy | null>(null)
  const [lines, setLines] = useState<ArchiveView[]>([])
  const [refused, setRefused] = useState<string | null>(null)
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [scan, setScan] = useState('')
  const [visitType, setVisitType] = useState('')
  const [repairOrderNo, setRepairOrderNo] = useState('')
  const [advisorName, setAdvisorName] = useState('')
  // Typed by the receiver for each line: the hand-in deadline (and later the fines) count from it.
  const [anchorDate, setAnchorDate] = useState('')
  // Ticks the receiver flipped: a document the visit type requires is ticked as handed over until unticked.
  const [toggled, setToggled] = useState<Set<string>>(new Set())
  const [missingNote, setMissingNote] = useState('')
  const [choices, setChoices] = useState<VehicleFile[]>([])
  const scanRef = useRef<HTMLInputElement>(null)

  const load = useCallback(async () => {
    try {
      const found = await repositories.handovers.get(id)
      if (!found) {
        setRefused(t('handover.notFound'))
        return
      }
      setHandover(found)
      setAdvisorName((name) => name || found.handedByName)
      const p = (await repositories.policies.getVersion(found.policyId, found.policyVersion)) ?? null
      setPolicy(p)
      setLines(await repositories.handovers.lines(id))
    } catch (error) {
      setRefused(errorMessage(error))
    }
  }, [id, repositories, t])
  // Loaded after the render that asked for it; every later refresh calls load() itself.
  useEffect(() => {
    void Promise.resolve().then(load)
  }, [load])

  const kind = handover?.department === 'service' ? 'service' : 'sales'
  const template = policy?.archiveTemplates[kind]
  // At handover only the visit type is known: a document whose requirement turns on a fact entered at the
  // inspection (FAW-VW 五(二)2(6): the work-order type) is listed with the policy's condition beside it.
  const expected = (d: DocumentTemplate) =>
    documentRequirement(d, kind === 'service' ? visitType || undefined : undefined, () => undefined) !== 'not_required'
  const docs = template
    ? documentsInFilingOrder(template).filter((d) => expected(d) || d.requiredWhen !== undefined)
    : []
  const present = new Set(docs.filter((d) => expected(d) !== toggled.has(d.code)).map((d) => d.code))

  if (refused) return <Refusal message={refused} />
  if (!handover || !policy || !template) return <section className="screen" />

  const add = async (event: FormEvent) => {
    event.preventDefault()
    await addLine(scan)
  }
  const addLine = async (scanned: string) => {
    setStatus(null)
    setChoices([])
    try {
      const view = await repositories.handovers.addArchive(id, {
        scan: scanned,
        kind,
        advisorName,
        documentsPresent: [...present],
        anchorDate,
        ...(kind === 'service' ? { visitType, repairOrderNo } : {}),
        ...(missingNote ? { missingNote } : {})
      })
      setStatus({ kind: 'ok', text: t('handover.added', { archiveNo: view.file.archiveNo }) })
      setScan('')
      setRepairOrderNo('')
      setMissingNote('')
      setToggled(new Set())
      setAnchorDate('')
      await load()
      scanRef.current?.focus()
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
      // The last 6–8 characters fit several files: list them, the receiver picks the one in hand.
      if (isDomainError(error) && error.code === 'HANDOVER_SCAN_AMBIGUOUS')
        setChoices(await repositories.handovers.matchScan(scanned).catch(() => []))
      else scanRef.current?.select()
    }
  }
  const act = async (work: () => Promise<unknown>, done: string) => {
    setStatus(null)
    try {
      await work()
      setStatus({ kind: 'ok', text: done })
      await load()
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  }

  return (
    <section className="screen handover-screen">
      <header className="screen-head">
        <div>
          <h1>
            {t('handover.sheetTitle')} <span className="mono">{handover.number}</span>{' '}
            <span className="tag">{t(`labels.handoverStatus.${handover.status}`)}</span>
          </h1>
          <div className="head-meta">
            {handover.department === 'sales' ? t('handover.sales') : t('handover.service')} · {t('handover.handedBy')}{' '}
            <span lang="zh-CN">{handover.handedByName}</span> · {t('handover.receivedBy')}{' '}
            <span lang="zh-CN">{handover.receivedByName}</span> · {chinaDateTimeText(handover.handedAt)}
          </div>
        </div>
        <div className="head-actions">
          <button
            type="button"
            onClick={() => act(() => printHandoverSheet(repositories, platform, id), t('handover.printed'))}
          >
            {t('handover.print')}
          </button>
          <button
            type="button"
            onClick={() => act(() => printHandoverSheet(repositories, platform, id, 'save'), t('handover.printed'))}
          >
            {t('print.savePdf')}
          </button>
          {canTransitionHandover(handover.status, 'submit') ? (
            <button
              type="button"
              className="primary"
              onClick={() => act(() => repositories.handovers.submit(id), t('handover.submitted'))}
            >
              {t('handover.submit')}
            </button>
          ) : null}
          {canTransitionHandover(handover.status, 'sign') ? (
            <button
              type="button"
              className="primary"
              onClick={() => act(() => repositories.handovers.markSigned(id), t('handover.signedDone'))}
            >
              {t('handover.markSigned')}
            </button>
          ) : null}
        </div>
      </header>
      {status ? (
        <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}
      {HANDOVER_STATUSES_TAKING_LINES.includes(handover.status) ? (
        <form className="card scan-form" onSubmit={add} noValidate>
          <div className="grid">
            <label className="field wide">
              <span className="field-label">{t('handover.scan')}</span>
              <input
                ref={scanRef}
                name="scan"
                className="mono upper scan"
                value={scan}
                onChange={(e) => setScan(e.target.value)}
                autoFocus
                autoComplete="off"
                spellCheck={false}
                placeholder={t('handover.scanHint')}
              />
            </label>
            {kind === 'service' ? (
              <>
                <label className="field">
                  <span className="field-label">{t('handover.visitType')}</span>
                  <select name="visitType" value={visitType} onChange={(e) => setVisitType(e.target.value)}>
                    <option value="">{t('form.placeholders.select')}</option>
                    {template.visitTypes.map((v) => (
                      <option key={v.code} value={v.code} lang="zh-CN">
                        {v.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="field">
                  <span className="field-label">{t('handover.repairOrder')}</span>
                  <input
                    name="repairOrderNo"
                    className="mono upper"
                    value={repairOrderNo}
                    onChange={(e) => setRepairOrderNo(e.target.value)}
                  />
                </label>
              </>
            ) : null}
            <label className="field">
              <span className="field-label">{t('handover.advisor')}</span>
              <input name="advisorName" value={advisorName} onChange={(e) => setAdvisorName(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">
                {kind === 'sales' ? t('handover.deliveryDate') : t('handover.handBackDate')}
              </span>
              <DateInput
                name="anchorDate"
                value={anchorDate}
                required
                onChange={(e) => setAnchorDate(e.target.value)}
              />
            </label>
          </div>
          {choices.length ? (
            <div className="scan-choices" data-testid="scan-choices" role="group" aria-label={t('handover.chooseFile')}>
              {choices.map((f) => (
                <button
                  key={f.id}
                  type="button"
                  onClick={() => {
                    setScan(f.vin)
                    void addLine(f.vin)
                  }}
                >
                  <span className="mono">{f.vin}</span> · {f.plate ?? '—'} · {f.ownerName} ·{' '}
                  <span className="mono">{f.archiveNo}</span>
                </button>
              ))}
            </div>
          ) : null}
          <fieldset className="doc-ticks">
            <legend>{t('handover.documents')}</legend>
            {docs.map((d) => (
              <label key={d.code} className="check">
                <input
                  type="checkbox"
                  name={`doc.${d.code}`}
                  checked={present.has(d.code)}
                  onChange={() => {
                    const next = new Set(toggled)
                    if (next.has(d.code)) next.delete(d.code)
                    else next.add(d.code)
                    setToggled(next)
                  }}
                />
                <span lang="zh-CN">
                  {d.order}. {d.name}
                </span>
                {d.requiredWhen ? (
                  <span className="muted" lang="zh-CN" data-testid={`condition-${d.code}`}>
                    （{d.conditionNote ?? d.requiredWhen.note}）
                  </span>
                ) : null}
              </label>
            ))}
          </fieldset>
          <label className="field wide">
            <span className="field-label">{t('handover.missingNote')}</span>
            <input name="missingNote" value={missingNote} onChange={(e) => setMissingNote(e.target.value)} />
          </label>
          <div className="form-actions">
            <button type="submit" className="primary">
              {t('handover.add')}
            </button>
          </div>
        </form>
      ) : null}
      <section className="card">
        <h2>{t('handover.lines', { count: lines.length })}</h2>
        <table className="data-table" data-testid="handover-lines">
          <thead>
            <tr>
              <th>#</th>
              <th>{t('list.columns.archiveNo')}</th>
              <th>{t('list.columns.vin')}</th>
              <th>{t('list.columns.plate')}</th>
              <th>{t('list.columns.owner')}</th>
              {kind === 'service' ? <th>{t('handover.repairOrder')}</th> : null}
              <th>{kind === 'sales' ? t('handover.deliveryDate') : t('handover.handBackDate')}</th>
              <th>{t('handover.advisor')}</th>
              <th>{t('handover.missing')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map(({ archive, file }) => {
              const input = readArchiveInput(archive)
              const missing = requiredDocumentsMissing(policy, archive, input).map((d) => d.name)
              return (
                <tr key={archive.id}>
                  <td>{archive.handoverLine}</td>
                  <td className="mono">{file.archiveNo}</td>
                  <td className="mono">{file.vin}</td>
                  <td lang="zh-CN">{file.plate ?? '—'}</td>
                  <td lang="zh-CN">{file.ownerName}</td>
                  {kind === 'service' ? <td className="mono">{archive.repairOrderNo ?? '—'}</td> : null}
                  <td className="mono">{archive.anchorAt ? chinaDate(archive.anchorAt) : '—'}</td>
                  <td lang="zh-CN">{archive.advisorName}</td>
                  <td className={missing.length ? 'late' : ''}>
                    {[...missing, archive.missingNote].filter(Boolean).join('；') || '—'}
                  </td>
                  <td>
                    <Link to={`/archives/${archive.id}`}>{t('handover.inspect')}</Link>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </section>
  )
}
