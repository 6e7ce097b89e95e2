import { useState } from 'react'
import type { ReactNode } from 'react'
import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import type { DestructionRow } from '@shared/destruction'
import { DESTRUCTION_METHODS } from '@shared/destruction'
import type { StorageCheckItem, StorageCheckResult } from '@shared/retention'
import { STORAGE_CHECK_ITEMS } from '@shared/retention'
import { chinaDateTimeText, todayInChina } from '@shared/time'
import { useServices } from '../../services/app-context'
import type { KeepingFileRow } from '../../data/repositories'
import { Refusal } from '../../components/Refusal'
import { errorMessage } from '../../components/error-message'
import { usePermissions } from '../../hooks/use-permissions'
import { useQuery } from '../../hooks/use-query'
import { printDestructionList, printSealingTransferList, printStorageInspection } from '../../print/print-actions'

type Tab = 'seal' | 'holds' | 'destruction' | 'storage'
const TABS: readonly Tab[] = ['seal', 'holds', 'destruction', 'storage']

/** 保管: what the archive manager keeps, seals and proposes to destroy; where the director and the general manager approve. */
export function KeepingScreen() {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const allowed = usePermissions()
  const [chosenTab, setTab] = useState<Tab | null>(null)
  // Approvers (who do not keep files) open on the destruction register.
  const tab: Tab = chosenTab ?? (allowed && !allowed.has('retention.manage') ? 'destruction' : 'seal')
  const summary = useQuery(() => repositories.retention.policy(), [repositories])
  if (summary.status === 'error') return <Refusal message={summary.error} />
  const policy = summary.data
  return (
    <section className="screen keeping-screen">
      <header className="screen-head">
        <div>
          <h1>{t('keeping.title')}</h1>
          {policy ? (
            <div className="head-meta" data-testid="keeping-policy">
              <span lang="zh-CN">{policy.policyName}</span> · <span lang="zh-CN">{policy.clause}</span>
              {' · '}
              {policy.sealsByAge
                ? t('keeping.policyRule', {
                    afterVisit: policy.keepYearsAfterLastService ?? '—',
                    noService: policy.noServiceYears ?? '—',
                    fromCreation: policy.keepYearsFromCreation ?? '—',
                    destroy: policy.destroyNotBeforeYears
                  })
                : t('keeping.noPeriod', { destroy: policy.destroyNotBeforeYears })}
              {policy.sealsByAge ? ` · ${t(`keeping.clock.${policy.dormancyClock}`)}` : ''}
            </div>
          ) : null}
        </div>
      </header>
      <div className="tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            className={tab === name ? 'button primary' : 'button'}
            onClick={() => setTab(name)}
            data-testid={`keeping-tab-${name}`}
          >
            {t(`keeping.tabs.${name}`)}
          </button>
        ))}
      </div>
      {tab === 'seal' ? <SealingPanel sealsByAge={policy?.sealsByAge ?? true} /> : null}
      {tab === 'holds' ? <HoldsPanel /> : null}
      {tab === 'destruction' ? <DestructionPanel /> : null}
      {tab === 'storage' ? <StoragePanel /> : null}
    </section>
  )
}

/** Runs an action and says what happened (the refusal's sentence, or `done`). */
function useAct(): {
  message: { kind: 'ok' | 'error'; text: string } | null
  busy: boolean
  act: (work: () => Promise<unknown>, done: string) => Promise<boolean>
} {
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await work()
      setMessage({ kind: 'ok', text: done })
      return true
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) })
      return false
    } finally {
      setBusy(false)
    }
  }
  return { message, busy, act }
}

function Banner({ message }: { message: { kind: 'ok' | 'error'; text: string } | null }) {
  if (!message) return null
  return (
    <div className={`banner ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
      {message.text}
    </div>
  )
}

function FileCells({ row }: { row: KeepingFileRow }) {
  const { t } = useTranslation()
  return (
    <>
      <td>
        <Link to={`/files/${row.file.id}`} className="mono">
          {row.file.archiveNo}
        </Link>
      </td>
      <td className="mono">{row.file.vin.slice(-8)}</td>
      <td lang="zh-CN">{row.file.plate ?? '—'}</td>
      <td lang="zh-CN">{row.file.ownerName}</td>
      <td className="mono">{row.createdOn}</td>
      <td className="mono">{row.lastVisitOn ?? '—'}</td>
      <td>{t(`keeping.basis.${row.schedule.sealBasis}`)}</td>
    </>
  )
}

function FileHeads({ due }: { due: string }) {
  const { t } = useTranslation()
  return (
    <>
      <th>{t('list.columns.archiveNo')}</th>
      <th>{t('work.vinTail')}</th>
      <th>{t('list.columns.plate')}</th>
      <th>{t('list.columns.owner')}</th>
      <th>{t('keeping.createdOn')}</th>
      <th>{t('keeping.lastVisit')}</th>
      <th>{t('keeping.basisHead')}</th>
      <th>{due}</th>
    </>
  )
}

function PrintButtons({ print }: { print: (how: 'print' | 'save') => Promise<void> }) {
  const { t } = useTranslation()
  const { message, act } = useAct()
  return (
    <span className="print-buttons">
      <button type="button" className="button" onClick={() => act(() => print('print'), t('keeping.printed'))}>
        {t('keeping.print')}
      </button>
      <button type="button" className="button" onClick={() => act(() => print('save'), t('keeping.printed'))}>
        {t('print.savePdf')}
      </button>
      {message?.kind === 'error' ? <Banner message={message} /> : null}
    </span>
  )
}

function SealingPanel({ sealsByAge }: { sealsByAge: boolean }) {
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const allowed = usePermissions()
  const canSeal = allowed?.has('retention.manage') ?? false
  const data = useQuery(
    async () => ({
      due: await repositories.retention.dueForSealing(),
      batches: await repositories.retention.sealingBatches()
    }),
    [repositories]
  )
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [location, setLocation] = useState('')
  const [note, setNote] = useState('')
  const { message, busy, act } = useAct()
  if (data.status === 'error') return <Refusal message={data.error} />
  const due = data.data?.due ?? []
  const batches = data.data?.batches ?? []
  const toggle = (id: string) => {
    const next = new Set(chosen)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setChosen(next)
  }
  const seal = async () => {
    let number = ''
    const ok = await act(async () => {
      number = (await repositories.retention.seal({ fileIds: [...chosen], location, note })).number
    }, t('keeping.sealed'))
    if (ok) {
      setChosen(new Set())
      await data.reload()
      void number
    }
  }
  return (
    <>
      <Banner message={message} />
      <section className="card" data-testid="due-for-sealing">
        <h2>{t('labels.counted', { label: t('keeping.dueForSealing'), count: due.length })}</h2>
        {!sealsByAge ? <p className="muted">{t('keeping.noPeriodHint')}</p> : null}
        {due.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('keeping.chooseAll')}
                    checked={chosen.size === due.length}
                    onChange={() =>
                      setChosen(chosen.size === due.length ? new Set() : new Set(due.map((r) => r.file.id)))
                    }
                  />
                </th>
                <FileHeads due={t('keeping.sealDueOn')} />
              </tr>
            </thead>
            <tbody>
              {due.map((row) => (
                <tr key={row.file.id}>
                  <td>
                    <input
                      type="checkbox"
                      name={`seal-${row.file.vin}`}
                      aria-label={t('keeping.choose')}
                      checked={chosen.has(row.file.id)}
                      onChange={() => toggle(row.file.id)}
                    />
                  </td>
                  <FileCells row={row} />
                  <td className="mono">{row.schedule.sealDueOn}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canSeal && due.length > 0 ? (
          <div className="inline-form">
            <label className="field">
              <span className="field-label">{t('keeping.location')}</span>
              <input
                name="seal-location"
                value={location}
                placeholder={t('keeping.locationPlaceholder')}
                onChange={(e) => setLocation(e.target.value)}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('keeping.note')}</span>
              <input name="seal-note" value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="button" className="button primary" disabled={busy} onClick={() => void seal()}>
              {t('keeping.seal', { count: chosen.size })}
            </button>
          </div>
        ) : null}
      </section>
      <section className="card" data-testid="sealing-batches">
        <h2>{t('labels.counted', { label: t('keeping.batches'), count: batches.length })}</h2>
        {batches.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('keeping.batchNumber')}</th>
                <th>{t('keeping.location')}</th>
                <th>{t('keeping.files')}</th>
                <th>{t('keeping.by')}</th>
                <th>{t('keeping.at')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {batches.map((batch) => (
                <tr key={batch.id}>
                  <td className="mono">{batch.number}</td>
                  <td lang="zh-CN">{batch.location}</td>
                  <td>{batch.fileCount}</td>
                  <td lang="zh-CN">{batch.sealedByName}</td>
                  <td className="mono">{chinaDateTimeText(batch.sealedAt)}</td>
                  <td>
                    <PrintButtons print={(how) => printSealingTransferList(repositories, platform, batch.id, how)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}

function HoldsPanel() {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const allowed = usePermissions()
  const holds = useQuery(() => repositories.retention.holds(), [repositories])
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const { message, busy, act } = useAct()
  if (holds.status === 'error') return <Refusal message={holds.error} />
  const list = holds.data ?? []
  return (
    <>
      <Banner message={message} />
      <section className="card" data-testid="legal-holds">
        <h2>{t('labels.counted', { label: t('keeping.holds'), count: list.length })}</h2>
        <p className="muted">{t('keeping.holdsHint')}</p>
        {list.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('list.columns.archiveNo')}</th>
                <th>{t('list.columns.owner')}</th>
                <th>{t('keeping.holdKindHead')}</th>
                <th>{t('keeping.reason')}</th>
                <th>{t('keeping.by')}</th>
                <th>{t('keeping.at')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map(({ hold, file }) => (
                <tr key={hold.id}>
                  <td>
                    <Link to={`/files/${file.id}`} className="mono">
                      {file.archiveNo}
                    </Link>
                  </td>
                  <td lang="zh-CN">{file.ownerName}</td>
                  <td>{t(`keeping.holdKind.${hold.kind}`)}</td>
                  <td lang="zh-CN">{hold.reason}</td>
                  <td lang="zh-CN">{hold.placedByName}</td>
                  <td className="mono">{chinaDateTimeText(hold.placedAt)}</td>
                  <td>
                    {allowed?.has('retention.manage') ? (
                      <span className="inline-form">
                        <input
                          name={`release-${file.archiveNo}`}
                          placeholder={t('keeping.releaseReason')}
                          value={reasons[hold.id] ?? ''}
                          onChange={(e) => setReasons({ ...reasons, [hold.id]: e.target.value })}
                        />
                        <button
                          type="button"
                          className="button"
                          disabled={busy}
                          onClick={async () => {
                            if (
                              await act(
                                () => repositories.retention.releaseHold(hold.id, reasons[hold.id] ?? ''),
                                t('keeping.released')
                              )
                            )
                              await holds.reload()
                          }}
                        >
                          {t('keeping.release')}
                        </button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}

function DestructionPanel() {
  const { t } = useTranslation()
  const { repositories, platform, session } = useServices()
  const allowed = usePermissions()
  const canPropose = allowed?.has('destruction.propose') ?? false
  const canApprove = allowed?.has('destruction.approve') ?? false
  const data = useQuery(
    async () => ({
      due: await repositories.retention.dueForDestruction(),
      register: await repositories.retention.destructions()
    }),
    [repositories]
  )
  const [reasons, setReasons] = useState<Record<string, string>>({})
  const [methods, setMethods] = useState<Record<string, string>>({})
  const [witnesses, setWitnesses] = useState<Record<string, string>>({})
  const { message, busy, act } = useAct()
  if (data.status === 'error') return <Refusal message={data.error} />
  const register = data.data?.register ?? []
  const open = new Set(register.filter((r) => r.status !== 'destroyed').map((r) => r.vehicleFileId))
  const due = (data.data?.due ?? []).filter((row) => !open.has(row.file.id))
  const run = async (work: () => Promise<unknown>, done: string) => {
    if (await act(work, done)) await data.reload()
  }
  const waiting = (row: DestructionRow): ReactNode =>
    row.status === 'proposed'
      ? t('keeping.waitingFor', { role: t('labels.role.cc_director') })
      : row.status === 'director_approved'
        ? t('keeping.waitingFor', { role: t('labels.role.general_manager') })
        : t(`keeping.destructionStatus.${row.status}`)
  const myStep =
    session.operator.role === 'cc_director'
      ? 'proposed'
      : session.operator.role === 'general_manager'
        ? 'director_approved'
        : null
  const printable = register.filter((r) => r.status === 'approved' || r.status === 'destroyed').map((r) => r.id)
  return (
    <>
      <Banner message={message} />
      <section className="card" data-testid="due-for-destruction">
        <h2>{t('labels.counted', { label: t('keeping.dueForDestruction'), count: due.length })}</h2>
        <p className="muted">{t('keeping.destructionHint')}</p>
        {due.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <FileHeads due={t('keeping.reviewOn')} />
                <th>{t('keeping.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {due.map((row) => (
                <tr key={row.file.id}>
                  <FileCells row={row} />
                  <td className="mono">{row.schedule.destructionReviewOn}</td>
                  <td>{t(`keeping.fileStatus.${row.file.status}`)}</td>
                  <td>
                    {canPropose ? (
                      <span className="inline-form">
                        <input
                          name={`destroy-reason-${row.file.vin}`}
                          placeholder={t('keeping.destructionReason')}
                          value={reasons[row.file.id] ?? ''}
                          onChange={(e) => setReasons({ ...reasons, [row.file.id]: e.target.value })}
                        />
                        <button
                          type="button"
                          className="button"
                          disabled={busy}
                          onClick={() =>
                            run(
                              () => repositories.retention.proposeDestruction(row.file.id, reasons[row.file.id] ?? ''),
                              t('keeping.proposed')
                            )
                          }
                        >
                          {t('keeping.propose')}
                        </button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" data-testid="destruction-register">
        <header className="card-head">
          <h2>{t('labels.counted', { label: t('keeping.register'), count: register.length })}</h2>
          {printable.length > 0 ? (
            <PrintButtons print={(how) => printDestructionList(repositories, platform, printable, how)} />
          ) : null}
        </header>
        {register.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('list.columns.archiveNo')}</th>
                <th>{t('keeping.vin')}</th>
                <th>{t('keeping.reason')}</th>
                <th>{t('keeping.proposedBy')}</th>
                <th>{t('labels.role.cc_director')}</th>
                <th>{t('labels.role.general_manager')}</th>
                <th>{t('keeping.status')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {register.map((row) => (
                <tr key={row.id} data-testid={`destruction-${row.vin}`}>
                  <td>
                    <Link to={`/files/${row.vehicleFileId}`} className="mono">
                      {row.archiveNo}
                    </Link>
                  </td>
                  <td className="mono">{row.vin}</td>
                  <td lang="zh-CN">{row.reason}</td>
                  <td>
                    <span lang="zh-CN">{row.proposedByName}</span> <span className="mono">{row.proposedOn}</span>
                  </td>
                  <td>
                    <span lang="zh-CN">{row.directorByName ?? '—'}</span>{' '}
                    <span className="mono">{row.directorOn ?? ''}</span>
                  </td>
                  <td>
                    <span lang="zh-CN">{row.generalManagerByName ?? '—'}</span>{' '}
                    <span className="mono">{row.generalManagerOn ?? ''}</span>
                  </td>
                  <td className="destruction-status">
                    {waiting(row)}
                    {row.status === 'destroyed' && row.method
                      ? ` · ${t(`keeping.method.${row.method}`)} ${row.destroyedOn ?? ''}`
                      : ''}
                  </td>
                  <td>
                    {canApprove && myStep === row.status ? (
                      <button
                        type="button"
                        className="button primary"
                        disabled={busy}
                        onClick={() =>
                          run(() => repositories.retention.approveDestruction(row.id), t('keeping.approved'))
                        }
                      >
                        {t('keeping.approve')}
                      </button>
                    ) : null}
                    {canPropose && row.status === 'approved' ? (
                      <span className="inline-form">
                        <select
                          name={`method-${row.vin}`}
                          value={methods[row.id] ?? ''}
                          onChange={(e) => setMethods({ ...methods, [row.id]: e.target.value })}
                        >
                          <option value="">{t('keeping.chooseMethod')}</option>
                          {DESTRUCTION_METHODS.map((m) => (
                            <option key={m} value={m}>
                              {t(`keeping.method.${m}`)}
                            </option>
                          ))}
                        </select>
                        <input
                          name={`witness-${row.vin}`}
                          placeholder={t('keeping.witness')}
                          value={witnesses[row.id] ?? ''}
                          onChange={(e) => setWitnesses({ ...witnesses, [row.id]: e.target.value })}
                        />
                        <button
                          type="button"
                          className="button danger"
                          disabled={busy}
                          onClick={() =>
                            run(
                              () =>
                                repositories.retention.recordDestruction(row.id, {
                                  method: methods[row.id] ?? '',
                                  witnessName: witnesses[row.id] ?? ''
                                }),
                              t('keeping.destroyed')
                            )
                          }
                        >
                          {t('keeping.recordDestruction')}
                        </button>
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}

const ALL_OK = Object.fromEntries(STORAGE_CHECK_ITEMS.map((item) => [item, { ok: true, note: '' }])) as Record<
  StorageCheckItem,
  { ok: boolean; note: string }
>

function StoragePanel() {
  const { t } = useTranslation()
  const { repositories, platform, session } = useServices()
  const allowed = usePermissions()
  const data = useQuery(
    async () => ({
      due: await repositories.retention.inspectionDue(),
      list: await repositories.retention.inspections()
    }),
    [repositories]
  )
  const [inspectedOn, setInspectedOn] = useState<string>(todayInChina())
  const [inspectorName, setInspectorName] = useState(session.operator.name)
  const [scope, setScope] = useState('')
  const [checks, setChecks] = useState(ALL_OK)
  const [findings, setFindings] = useState('')
  const [actions, setActions] = useState('')
  const { message, busy, act } = useAct()
  if (data.status === 'error') return <Refusal message={data.error} />
  const due = data.data?.due
  const list = data.data?.list ?? []
  const record = async () => {
    const given: Record<StorageCheckItem, StorageCheckResult> = Object.fromEntries(
      STORAGE_CHECK_ITEMS.map((item) => [item, { ok: checks[item].ok, note: checks[item].note || null }])
    ) as Record<StorageCheckItem, StorageCheckResult>
    const ok = await act(
      () =>
        repositories.retention.recordInspection({
          inspectedOn,
          inspectorName,
          scope,
          checks: given,
          findings,
          actions
        }),
      t('keeping.inspectionRecorded')
    )
    if (ok) {
      setChecks(ALL_OK)
      setFindings('')
      setActions('')
      await data.reload()
    }
  }
  return (
    <>
      <Banner message={message} />
      {due ? (
        <div className={`banner ${due.due ? 'error' : 'ok'}`} data-testid="inspection-due">
          {due.due
            ? t('keeping.inspectionDue', { dueOn: due.dueOn, last: due.lastInspectedOn ?? t('keeping.never') })
            : t('keeping.inspectionNext', { dueOn: due.dueOn, last: due.lastInspectedOn ?? t('keeping.never') })}
        </div>
      ) : null}
      {allowed?.has('retention.manage') ? (
        <section className="card" data-testid="inspection-form">
          <h2>{t('keeping.newInspection')}</h2>
          <div className="inline-form">
            <label className="field">
              <span className="field-label">{t('keeping.inspectedOn')}</span>
              <input name="inspectedOn" value={inspectedOn} onChange={(e) => setInspectedOn(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">{t('keeping.inspector')}</span>
              <input name="inspectorName" value={inspectorName} onChange={(e) => setInspectorName(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">{t('keeping.scope')}</span>
              <input
                name="scope"
                value={scope}
                placeholder={t('keeping.scopePlaceholder')}
                onChange={(e) => setScope(e.target.value)}
              />
            </label>
          </div>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('keeping.checkItem')}</th>
                <th>{t('keeping.checkOk')}</th>
                <th>{t('keeping.checkNote')}</th>
              </tr>
            </thead>
            <tbody>
              {STORAGE_CHECK_ITEMS.map((item) => (
                <tr key={item}>
                  <td>{t(`keeping.check.${item}`)}</td>
                  <td>
                    <input
                      type="checkbox"
                      name={`check-${item}`}
                      aria-label={t('keeping.checkOk')}
                      checked={checks[item].ok}
                      onChange={(e) => setChecks({ ...checks, [item]: { ...checks[item], ok: e.target.checked } })}
                    />
                  </td>
                  <td>
                    <input
                      name={`check-${item}-note`}
                      value={checks[item].note}
                      onChange={(e) => setChecks({ ...checks, [item]: { ...checks[item], note: e.target.value } })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <label className="field">
            <span className="field-label">{t('keeping.findings')}</span>
            <textarea name="findings" value={findings} onChange={(e) => setFindings(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('keeping.actions')}</span>
            <textarea name="actions" value={actions} onChange={(e) => setActions(e.target.value)} />
          </label>
          <button type="button" className="button primary" disabled={busy} onClick={() => void record()}>
            {t('keeping.recordInspection')}
          </button>
        </section>
      ) : null}
      <section className="card" data-testid="inspections">
        <h2>{t('labels.counted', { label: t('keeping.inspections'), count: list.length })}</h2>
        {list.length === 0 ? (
          <p className="muted">{t('work.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('keeping.inspectedOn')}</th>
                <th>{t('keeping.inspector')}</th>
                <th>{t('keeping.problems')}</th>
                <th>{t('keeping.actions')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {list.map((inspection) => {
                const problems = STORAGE_CHECK_ITEMS.filter((item) => !inspection[`${item}Ok`])
                return (
                  <tr key={inspection.id}>
                    <td className="mono">{inspection.inspectedOn}</td>
                    <td lang="zh-CN">{inspection.inspectorName}</td>
                    <td>
                      {problems.length
                        ? problems.map((p) => t(`keeping.check.${p}`)).join(', ')
                        : t('keeping.noProblems')}
                    </td>
                    <td lang="zh-CN">{inspection.actions || '—'}</td>
                    <td>
                      <PrintButtons
                        print={(how) => printStorageInspection(repositories, platform, inspection.id, how)}
                      />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>
    </>
  )
}
