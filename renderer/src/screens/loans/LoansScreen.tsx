import { useState } from 'react'
import type { FormEvent } from 'react'
import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import type { ReturnedCondition } from '@shared/loans'
import { requiredLoanApprovers } from '@shared/loans'
import type { LoanMode } from '@shared/loans'
import type { OutsiderDocument } from '@shared/policy/loan-policy'
import { DEPARTMENTS } from '@shared/operators/roles'
import { todayInChina } from '@shared/time'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import { useServices } from '../../services/app-context'
import type { LoanFilter, LoanView } from '../../data/repositories'
import { useQuery } from '../../hooks/use-query'
import { Refusal } from '../../components/Refusal'
import { DateInput, completeDate } from '../../components/DateInput'
import { errorMessage } from '../../components/error-message'
import { printLoanRegister, printLoanSlip, printShelfLabels } from '../../print/print-actions'

type Status = { kind: 'ok' | 'error'; text: string } | null

interface Picked {
  file: VehicleFile
  pieces: number
}

const DOCUMENTS: readonly OutsiderDocument[] = ['introduction_letter', 'id_document']
const CONDITIONS: readonly ReturnedCondition[] = ['intact', 'damaged', 'lost']

/** 借阅: lend files (scanned or typed), the register with its filters, returns, and the printed slip and register. */
export function LoansScreen() {
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const [status, setStatus] = useState<Status>(null)
  const [filter, setFilter] = useState<LoanFilter>({})
  const register = useQuery(() => repositories.loans.register(filter), [repositories, filter])
  const policy = useQuery(() => repositories.policies.active(), [repositories])

  const act = async (work: () => Promise<unknown>, done: string) => {
    setStatus(null)
    try {
      await work()
      setStatus({ kind: 'ok', text: done })
      await register.reload()
      return true
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
      return false
    }
  }

  if (register.status === 'error' && !register.data) return <Refusal message={register.error} />

  return (
    <section className="screen loans-screen">
      <header className="screen-head">
        <h1>{t('loans.title')}</h1>
        <div className="head-actions">
          <button
            type="button"
            data-testid="print-loan-register"
            onClick={() => act(() => printLoanRegister(repositories, platform, filter), t('loans.printed'))}
          >
            {t('loans.printRegister')}
          </button>
          <button
            type="button"
            onClick={() => act(() => printLoanRegister(repositories, platform, filter, 'save'), t('loans.printed'))}
          >
            {t('loans.saveRegister')}
          </button>
        </div>
      </header>
      {status ? (
        <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}
      {policy.data ? <NewLoan policyLoans={policy.data} onLend={act} /> : null}
      <section className="card" data-testid="loan-register">
        <h2>{t('labels.counted', { label: t('loans.register'), count: register.data?.length ?? 0 })}</h2>
        <div className="inline-form">
          <label className="field">
            <span className="field-label">{t('loans.status')}</span>
            <select
              name="loan-status"
              value={filter.status ?? ''}
              onChange={(e) => setFilter({ ...filter, status: (e.target.value || undefined) as LoanFilter['status'] })}
            >
              <option value="">{t('loans.all')}</option>
              <option value="out">{t('loans.statusOut')}</option>
              <option value="overdue">{t('loans.statusOverdue')}</option>
              <option value="returned">{t('loans.statusReturned')}</option>
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('loans.borrower')}</span>
            <input
              name="loan-borrower-filter"
              value={filter.borrower ?? ''}
              onChange={(e) => setFilter({ ...filter, borrower: e.target.value || undefined })}
            />
          </label>
        </div>
        {(register.data ?? []).length === 0 ? (
          <p className="muted">{t('loans.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('loans.number')}</th>
                <th>{t('loans.borrower')}</th>
                <th>{t('loans.files')}</th>
                <th>{t('loans.mode')}</th>
                <th>{t('loans.outOn')}</th>
                <th>{t('loans.dueOn')}</th>
                <th>{t('loans.returnedOn')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {(register.data ?? []).map((view) => (
                <LoanRow
                  key={view.loan.id}
                  view={view}
                  onAct={act}
                  onPrint={() => act(() => printLoanSlip(repositories, platform, view.loan.id), t('loans.printed'))}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      <ShelfLabelsForm
        onPrint={(place) => act(() => printShelfLabels(repositories, platform, place), t('loans.printed'))}
      />
    </section>
  )
}

function LoanRow({
  view,
  onAct,
  onPrint
}: {
  view: LoanView
  onAct: (work: () => Promise<unknown>, done: string) => Promise<boolean>
  onPrint: () => void
}) {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const { loan } = view
  const [returning, setReturning] = useState(false)
  const [returnedOn, setReturnedOn] = useState<string>(todayInChina())
  const [counts, setCounts] = useState(() => Object.fromEntries(view.files.map((f) => [f.fileId, String(f.pieces)])))
  const [conditions, setConditions] = useState<Record<string, ReturnedCondition>>(() =>
    Object.fromEntries(view.files.map((f) => [f.fileId, 'intact' as const]))
  )
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const ok = await onAct(
      () =>
        repositories.loans.returnFiles(loan.id, {
          returnedOn: completeDate(returnedOn) ?? returnedOn,
          files: view.files.map((f) => ({
            fileId: f.fileId,
            piecesCounted: Number(counts[f.fileId]),
            condition: conditions[f.fileId]!
          }))
        }),
      t('loans.returned', { number: loan.number })
    )
    if (ok) setReturning(false)
  }
  const overdue = view.daysOverdue > 0
  return (
    <>
      <tr className={overdue && loan.status === 'out' ? 'overdue' : undefined} data-testid={`loan-${loan.number}`}>
        <td className="mono">{loan.number}</td>
        <td lang="zh-CN">
          {loan.borrowerName}
          {loan.borrowerOrganisation ? `（${loan.borrowerOrganisation}）` : ''}
        </td>
        <td>
          {view.files.map((f) => (
            <div key={f.fileId}>
              {f.visible ? (
                <Link to={`/files/${f.fileId}`} className="mono">
                  {f.archiveNo}
                </Link>
              ) : (
                <span className="muted">{t('loans.withheld')}</span>
              )}{' '}
              × {f.pieces}
            </div>
          ))}
        </td>
        <td>{t(`loans.modes.${loan.mode}`)}</td>
        <td className="mono">{loan.outOn}</td>
        <td className="mono">
          {loan.dueOn}
          {overdue ? (
            <span className="tag danger" data-testid="loan-overdue">
              {' '}
              {t('loans.overdueDays', { count: view.daysOverdue })}
            </span>
          ) : null}
        </td>
        <td className="mono">
          {loan.returnedOn ?? '—'}
          {loan.violation ? <span className="tag danger"> {t('loans.violation')}</span> : null}
        </td>
        <td>
          <button type="button" onClick={onPrint}>
            {t('loans.printSlip')}
          </button>
          {loan.status === 'out' ? (
            <button type="button" onClick={() => setReturning(!returning)}>
              {t('loans.return')}
            </button>
          ) : null}
        </td>
      </tr>
      {returning ? (
        <tr>
          <td colSpan={8}>
            <form className="inline-form" onSubmit={submit} data-testid="return-form">
              <label className="field">
                <span className="field-label">{t('loans.returnedOn')}</span>
                <DateInput name="returned-on" value={returnedOn} onChange={(e) => setReturnedOn(e.target.value)} />
              </label>
              {view.files.map((f) => (
                <fieldset key={f.fileId} className="field">
                  <span className="field-label mono">{f.visible ? f.archiveNo : t('loans.withheld')}</span>
                  <input
                    name={`count-${f.fileId}`}
                    aria-label={t('loans.piecesCounted')}
                    inputMode="numeric"
                    value={counts[f.fileId] ?? ''}
                    onChange={(e) => setCounts({ ...counts, [f.fileId]: e.target.value })}
                  />
                  <select
                    name={`condition-${f.fileId}`}
                    aria-label={t('loans.condition')}
                    value={conditions[f.fileId]}
                    onChange={(e) => setConditions({ ...conditions, [f.fileId]: e.target.value as ReturnedCondition })}
                  >
                    {CONDITIONS.map((c) => (
                      <option key={c} value={c}>
                        {t(`loans.conditions.${c}`)}
                      </option>
                    ))}
                  </select>
                </fieldset>
              ))}
              <button type="submit" className="primary">
                {t('loans.confirmReturn')}
              </button>
            </form>
          </td>
        </tr>
      ) : null}
    </>
  )
}

function NewLoan({
  policyLoans,
  onLend
}: {
  policyLoans: Parameters<typeof requiredLoanApprovers>[0]
  onLend: (work: () => Promise<unknown>, done: string) => Promise<boolean>
}) {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const [kind, setKind] = useState<'staff' | 'outsider'>('staff')
  const [name, setName] = useState('')
  const [department, setDepartment] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [documents, setDocuments] = useState<OutsiderDocument[]>([])
  const [scan, setScan] = useState('')
  const [picked, setPicked] = useState<Picked[]>([])
  const [scanError, setScanError] = useState<string | null>(null)
  const [purpose, setPurpose] = useState('')
  const [mode, setMode] = useState<LoanMode>('in_room')
  const [takeOutReason, setTakeOutReason] = useState('')
  const [approvers, setApprovers] = useState<Record<string, string>>({})
  const [outOn, setOutOn] = useState<string>(todayInChina())

  const borrower =
    kind === 'staff' ? { kind, operatorId: '', name, department } : { kind, name, organisation, documents }
  const titles = requiredLoanApprovers(
    policyLoans,
    borrower,
    picked.map((p) => ({
      fileId: p.file.id,
      archiveNumber: p.file.archiveNo,
      secrecy: p.file.secrecy,
      pieces: p.pieces
    }))
  )

  const addFile = async () => {
    setScanError(null)
    const code = scan.trim()
    if (!code) return
    try {
      const found = await repositories.folders.findByCode(code)
      const file = found ? await repositories.vehicleFiles.get(found.fileId) : undefined
      if (!file) {
        setScanError(t('loans.fileNotFound', { code }))
        return
      }
      if (!picked.some((p) => p.file.id === file.id)) setPicked([...picked, { file, pieces: 1 }])
      setScan('')
    } catch (error) {
      setScanError(errorMessage(error))
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const ok = await onLend(
      () =>
        repositories.loans.lend({
          borrower,
          files: picked.map((p) => ({ fileId: p.file.id, pieces: p.pieces })),
          purpose,
          mode,
          takeOutReason: mode === 'take_out' ? takeOutReason : undefined,
          approvals: titles.map((title) => ({ approverTitle: title, approvedBy: approvers[title] ?? '' })),
          outOn: completeDate(outOn) ?? outOn
        }),
      t('loans.lent')
    )
    if (ok) {
      setPicked([])
      setPurpose('')
      setTakeOutReason('')
    }
  }

  return (
    <form className="card" onSubmit={submit} data-testid="new-loan">
      <h2>{t('loans.newLoan')}</h2>
      <div className="inline-form">
        <label className="field">
          <span className="field-label">{t('loans.borrowerKind')}</span>
          <select name="borrower-kind" value={kind} onChange={(e) => setKind(e.target.value as 'staff' | 'outsider')}>
            <option value="staff">{t('loans.staff')}</option>
            <option value="outsider">{t('loans.outsider')}</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('loans.borrowerName')}</span>
          <input name="borrower-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {kind === 'staff' ? (
          <label className="field">
            <span className="field-label">{t('loans.department')}</span>
            <select name="borrower-department" value={department} onChange={(e) => setDepartment(e.target.value)}>
              <option value="" />
              {DEPARTMENTS.map((d) => (
                <option key={d} value={t(`labels.department.${d}`, { lng: 'zh-CN' })}>
                  {t(`labels.department.${d}`)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <>
            <label className="field">
              <span className="field-label">{t('loans.organisation')}</span>
              <input
                name="borrower-organisation"
                value={organisation}
                onChange={(e) => setOrganisation(e.target.value)}
              />
            </label>
            {DOCUMENTS.map((d) => (
              <label key={d} className="check">
                <input
                  type="checkbox"
                  name={`document-${d}`}
                  checked={documents.includes(d)}
                  onChange={(e) =>
                    setDocuments(e.target.checked ? [...documents, d] : documents.filter((x) => x !== d))
                  }
                />{' '}
                {t(`labels.outsiderDocument.${d}`)}
              </label>
            ))}
          </>
        )}
      </div>
      <div className="inline-form">
        <label className="field">
          <span className="field-label">{t('loans.scanFile')}</span>
          <input
            name="loan-scan"
            value={scan}
            placeholder={t('loans.scanPlaceholder')}
            onChange={(e) => setScan(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                void addFile()
              }
            }}
          />
        </label>
        <button type="button" onClick={() => void addFile()}>
          {t('loans.addFile')}
        </button>
        {scanError ? (
          <span className="error" role="alert">
            {scanError}
          </span>
        ) : null}
      </div>
      {picked.length ? (
        <ul className="plain" data-testid="loan-files">
          {picked.map((p) => (
            <li key={p.file.id}>
              <span className="mono">{p.file.archiveNo}</span> · <span lang="zh-CN">{p.file.ownerName}</span> ·{' '}
              {t(`labels.secrecy.${p.file.secrecy}`)} ·{' '}
              <label>
                {t('loans.pieces')}{' '}
                <input
                  name={`pieces-${p.file.id}`}
                  inputMode="numeric"
                  size={3}
                  value={String(p.pieces)}
                  onChange={(e) =>
                    setPicked(picked.map((x) => (x === p ? { ...x, pieces: Number(e.target.value) || 0 } : x)))
                  }
                />
              </label>{' '}
              <button type="button" className="link-button" onClick={() => setPicked(picked.filter((x) => x !== p))}>
                {t('loans.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="inline-form">
        <label className="field">
          <span className="field-label">{t('loans.purpose')}</span>
          <input name="loan-purpose" value={purpose} onChange={(e) => setPurpose(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('loans.mode')}</span>
          <select name="loan-mode" value={mode} onChange={(e) => setMode(e.target.value as LoanMode)}>
            <option value="in_room">{t('loans.modes.in_room')}</option>
            <option value="take_out">{t('loans.modes.take_out')}</option>
          </select>
        </label>
        {mode === 'take_out' ? (
          <label className="field">
            <span className="field-label">{t('loans.takeOutReason')}</span>
            <input name="take-out-reason" value={takeOutReason} onChange={(e) => setTakeOutReason(e.target.value)} />
          </label>
        ) : null}
        <label className="field">
          <span className="field-label">{t('loans.outOn')}</span>
          <DateInput name="out-on" value={outOn} onChange={(e) => setOutOn(e.target.value)} />
        </label>
      </div>
      <div className="inline-form">
        {titles.map((title) => (
          <label className="field" key={title}>
            <span className="field-label">
              {t('loans.approvedBy')} <span lang="zh-CN">{title}</span>
            </span>
            <input
              name={`approver-${title}`}
              value={approvers[title] ?? ''}
              onChange={(e) => setApprovers({ ...approvers, [title]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <button type="submit" className="primary">
        {t('loans.lend')}
      </button>
    </form>
  )
}

function ShelfLabelsForm({ onPrint }: { onPrint: (place: { cabinet: string; shelf: string; box: string }) => void }) {
  const { t } = useTranslation()
  const [place, setPlace] = useState({ cabinet: '', shelf: '', box: '' })
  return (
    <form
      className="card inline-form"
      onSubmit={(e) => {
        e.preventDefault()
        onPrint(place)
      }}
    >
      <h2>{t('loans.labels')}</h2>
      {(['cabinet', 'shelf', 'box'] as const).map((key) => (
        <label className="field" key={key}>
          <span className="field-label">{t(`loans.place.${key}`)}</span>
          <input
            name={`label-${key}`}
            size={6}
            value={place[key]}
            onChange={(e) => setPlace({ ...place, [key]: e.target.value })}
          />
        </label>
      ))}
      <button type="submit">{t('loans.printLabels')}</button>
    </form>
  )
}
