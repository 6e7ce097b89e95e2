import { useMemo, useState } from 'react'
import type { FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ViolationRecord } from '@shared/fines/violation-record'
import type { MonthView } from '@shared/fines/fine-month'
import type { PenalisedRole, Policy } from '@shared/policy'
import { DEPARTMENT_LABELS } from '@shared/operators/roles'
import { PENALISED_ROLE_LABELS } from '@shared/policy/fine-schedule'
import { addChinaMonths, chinaDateTimeText, chinaMonthOf } from '@shared/time'
import type { ChinaMonth } from '@shared/time'
import { useServices } from '../../services/app-context'
import { useCommand, useQuery } from '../../hooks/use-query'
import { Refusal } from '../../components/Refusal'
import { printFineNotice } from '../../print/fine-prints'
import type { FinePerson } from '../../data/repositories'

const yuanText = (n: number) => n.toFixed(2)

/** The China calendar month a violation's department is told by: the archive's kind, else customer care. */
const departmentOf = (v: ViolationRecord) => v.archiveKind ?? 'customer_care'

/** 罚款/考核: the month's violations for the director to decide, its lines, totals and what waits for a value. */
export function FinesScreen() {
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const [month, setMonth] = useState<string>(() => chinaMonthOf(new Date()))
  const [person, setPerson] = useState('')
  const [department, setDepartment] = useState('')
  const command = useCommand()
  const rights = useQuery(
    async () => ({
      manage: await repositories.can('fines.manage'),
      payCut: await repositories.can('fines.payCut'),
      print: await repositories.can('reports.read')
    }),
    [repositories]
  )
  const view = useQuery(() => repositories.fines.month(month), [repositories, month])
  const policy = useQuery(() => repositories.policies.active(), [repositories])
  const can = rights.data ?? { manage: false, payCut: false, print: false }
  if (view.status === 'error' && !view.data) return <Refusal message={view.error} />
  const data = view.data
  const closed = data?.state.status === 'closed'
  const shown = (data?.violations ?? []).filter(
    (v) => (!person || v.personId === person) && (!department || departmentOf(v) === department)
  )
  const act = (work: () => Promise<unknown>, done: string) => command.run(work, done, view.reload)

  return (
    <section className="screen" data-testid="fines-screen">
      <header className="screen-head">
        <h1>{t('fines.title')}</h1>
        <div className="head-actions">
          <label className="field inline">
            <span className="field-label">{t('fines.month')}</span>
            <input
              type="month"
              name="month"
              value={month}
              onChange={(e) => e.target.value && setMonth(e.target.value)}
            />
          </label>
          {can.manage && !closed ? (
            <button
              type="button"
              className="primary"
              disabled={command.busy}
              onClick={() =>
                act(async () => {
                  const found = await repositories.fines.detect(month)
                  if (found.unassigned.length)
                    throw new Error(t('fines.unassigned', { count: found.unassigned.length, added: found.added }))
                  return found
                }, t('fines.detected'))
              }
            >
              {t('fines.detect')}
            </button>
          ) : null}
          {can.manage && !closed ? (
            <button
              type="button"
              disabled={command.busy}
              onClick={() => act(() => repositories.fines.closeMonth(month), t('fines.closedNow', { month }))}
            >
              {t('fines.close')}
            </button>
          ) : null}
        </div>
      </header>
      {command.status ? (
        <div className={`banner ${command.status.kind}`} role={command.status.kind === 'ok' ? 'status' : 'alert'}>
          {command.status.text}
        </div>
      ) : null}
      {data ? (
        <>
          <p className="muted" data-testid="fines-month-state">
            {closed
              ? t('fines.stateClosed', { at: chinaDateTimeText(data.state.closedAt!), by: data.state.closedBy })
              : t('fines.stateOpen')}{' '}
            {t(`fines.counting.${data.penaltyCounting}`)}
          </p>
          <div className="card filters">
            <label className="field inline">
              <span className="field-label">{t('fines.person')}</span>
              <select name="person" value={person} onChange={(e) => setPerson(e.target.value)}>
                <option value="">{t('fines.everyone')}</option>
                {data.totals.map((p) => (
                  <option key={p.personId} value={p.personId} lang="zh-CN">
                    {p.personName}
                  </option>
                ))}
              </select>
            </label>
            <label className="field inline">
              <span className="field-label">{t('fines.department')}</span>
              <select name="department" value={department} onChange={(e) => setDepartment(e.target.value)}>
                <option value="">{t('fines.everyone')}</option>
                {(['sales', 'service', 'customer_care'] as const).map((d) => (
                  <option key={d} value={d}>
                    {t(`labels.department.${d}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <ViolationsTable
            violations={shown}
            view={data}
            manage={can.manage && !closed}
            correct={can.manage && closed}
            month={month}
            act={act}
          />
          <Totals
            view={data}
            policy={policy.data}
            payCut={can.payCut && !closed}
            print={can.print}
            act={act}
            onPrint={(personId, how) =>
              command.run(async () => {
                const p = policy.data!
                const own = data.violations.filter((v) => v.personId === personId)
                const first = own[0]!
                await printFineNotice(
                  repositories,
                  platform,
                  {
                    person: {
                      id: personId,
                      name: first.personName,
                      roleLabel: PENALISED_ROLE_LABELS[first.role],
                      department: DEPARTMENT_LABELS[departmentOf(first)]
                    },
                    month,
                    violations: data.violations,
                    lines: data.lines,
                    fines: p.fines,
                    payCutPercent: data.totals.find((x) => x.personId === personId)?.payCutPercent ?? null
                  },
                  how
                )
              }, t('fines.printed'))
            }
          />
          {data.awaitingKpiPoints.length ? (
            <section className="card" data-testid="fines-awaiting">
              <h2>{t('labels.counted', { label: t('fines.awaiting'), count: data.awaitingKpiPoints.length })}</h2>
              <p className="muted">{t('fines.awaitingHint')}</p>
              <ul>
                {[...new Map(data.awaitingKpiPoints.map((a) => [a.ruleCode, a])).values()].map((a) => (
                  <li key={a.ruleCode}>
                    <span lang="zh-CN">
                      {a.clause} {a.ruleTitle}
                    </span>{' '}
                    {t('fines.awaitingCount', {
                      count: data.awaitingKpiPoints.filter((x) => x.ruleCode === a.ruleCode).length
                    })}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {can.manage && !closed && policy.data ? (
            <ManualViolation month={month} policy={policy.data} act={act} />
          ) : null}
        </>
      ) : null}
    </section>
  )
}

type Act = (work: () => Promise<unknown>, done: string) => Promise<boolean>

function ViolationsTable({
  violations,
  view,
  manage,
  correct,
  month,
  act
}: {
  violations: readonly ViolationRecord[]
  view: MonthView
  manage: boolean
  correct: boolean
  month: string
  act: Act
}) {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const [open, setOpen] = useState<{ id: string; kind: 'waive' | 'adjust' | 'answer' | 'correct' } | null>(null)
  const amountOf = (id: string) => {
    const lines = view.lines.filter((l) => l.violationId === id)
    if (lines.length === 0) return '—'
    const yuan = lines.reduce((s, l) => s + l.yuan, 0)
    const kpi = lines.reduce((s, l) => s + l.kpiPoints, 0)
    const multiplier = Math.max(...lines.map((l) => l.multiplier))
    return [
      yuan ? t('fines.yuan', { amount: yuanText(yuan) }) : '',
      kpi ? t('fines.points', { points: kpi }) : '',
      multiplier > 1 ? `×${multiplier}` : ''
    ]
      .filter(Boolean)
      .join(' ')
  }
  const submit = (v: ViolationRecord) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const text = (name: string) => String(form.get(name) ?? '')
    const number = (name: string) => (text(name).trim() === '' ? undefined : Number(text(name)))
    const kind = open!.kind
    const work =
      kind === 'waive'
        ? () => repositories.fines.decide(v.id, { decision: 'waive', reason: text('reason') })
        : kind === 'adjust'
          ? () =>
              repositories.fines.decide(v.id, {
                decision: 'adjust',
                reason: text('reason'),
                ...(number('yuan') === undefined ? {} : { yuan: number('yuan')! }),
                ...(number('kpiPoints') === undefined ? {} : { kpiPoints: number('kpiPoints')! })
              })
          : kind === 'answer'
            ? () => repositories.fines.answer(v.id, { note: text('reason'), upheld: form.get('upheld') === 'yes' })
            : () =>
                repositories.fines.correct(v.id, text('month'), {
                  reason: text('reason'),
                  yuan: number('yuan') ?? 0,
                  kpiPoints: number('kpiPoints') ?? 0
                })
    void act(work, t(`fines.done.${kind}`)).then((ok) => ok && setOpen(null))
  }
  return (
    <section className="card" data-testid="fines-violations">
      <h2>{t('labels.counted', { label: t('fines.violations'), count: violations.length })}</h2>
      {violations.length === 0 ? (
        <p className="muted">{t('fines.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('fines.day')}</th>
              <th>{t('fines.person')}</th>
              <th>{t('fines.rule')}</th>
              <th>{t('fines.reason')}</th>
              <th>{t('fines.quantity')}</th>
              <th>{t('fines.amount')}</th>
              <th>{t('fines.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {violations.map((v) => (
              <tr key={v.id} data-violation={v.ruleCode}>
                <td className="mono">{v.occurredOn}</td>
                <td lang="zh-CN">{v.personName}</td>
                <td lang="zh-CN">{v.clause}</td>
                <td>
                  {v.withheld ? (
                    <span className="muted">{t('fines.withheld')}</span>
                  ) : (
                    <span lang="zh-CN">
                      {v.archiveNo ? <span className="mono">{v.archiveNo} </span> : null}
                      {v.reason}
                    </span>
                  )}
                  {v.repeatOf ? <div className="muted">{t('fines.repeat')}</div> : null}
                  {v.source === 'manual' ? <div className="muted">{t('fines.manualSource')}</div> : null}
                  {v.objection ? (
                    <div className="muted">
                      {t('fines.objection')}
                      <span lang="zh-CN">{v.objection.note}</span>
                      {v.objection.answer ? (
                        <>
                          {' '}
                          {t(v.objection.answer.upheld ? 'fines.upheld' : 'fines.rejected')}
                          <span lang="zh-CN">{v.objection.answer.note}</span>
                        </>
                      ) : (
                        ` ${t('fines.objectionOpen')}`
                      )}
                    </div>
                  ) : null}
                  {v.decision && v.status !== 'confirmed' ? (
                    <div className="muted">
                      {t('fines.decision')}
                      <span lang="zh-CN">
                        {v.decision.by}：{v.decision.reason}
                      </span>
                    </div>
                  ) : null}
                  {open?.id === v.id ? (
                    <form className="inline-form" onSubmit={submit(v)} data-testid="fines-decision-form">
                      {open.kind === 'correct' ? (
                        <input
                          name="month"
                          type="month"
                          defaultValue={addChinaMonths(month as ChinaMonth, 1)}
                          aria-label={t('fines.correctionMonth')}
                        />
                      ) : null}
                      <input name="reason" placeholder={t(`fines.reasonFor.${open.kind}`)} />
                      {open.kind === 'adjust' || open.kind === 'correct' ? (
                        <>
                          <input name="yuan" type="number" step="0.01" placeholder={t('fines.yuanPlaceholder')} />
                          <input name="kpiPoints" type="number" step="0.5" placeholder={t('fines.pointsPlaceholder')} />
                        </>
                      ) : null}
                      {open.kind === 'answer' ? (
                        <select name="upheld" defaultValue="no">
                          <option value="no">{t('fines.rejectObjection')}</option>
                          <option value="yes">{t('fines.upholdObjection')}</option>
                        </select>
                      ) : null}
                      <button type="submit" className="primary">
                        {t('fines.save')}
                      </button>
                      <button type="button" onClick={() => setOpen(null)}>
                        {t('fines.cancel')}
                      </button>
                    </form>
                  ) : null}
                </td>
                <td>
                  {v.quantity} <span lang="zh-CN">{v.unit ?? ''}</span>
                </td>
                <td className="mono">{amountOf(v.id)}</td>
                <td>{t(`fines.statuses.${v.status}`)}</td>
                <td className="row-actions">
                  {manage && v.status !== 'confirmed' ? (
                    <button
                      type="button"
                      onClick={() =>
                        act(() => repositories.fines.decide(v.id, { decision: 'confirm' }), t('fines.done.confirm'))
                      }
                    >
                      {t('fines.confirm')}
                    </button>
                  ) : null}
                  {manage && v.status !== 'waived' ? (
                    <button type="button" onClick={() => setOpen({ id: v.id, kind: 'waive' })}>
                      {t('fines.waive')}
                    </button>
                  ) : null}
                  {manage ? (
                    <button type="button" onClick={() => setOpen({ id: v.id, kind: 'adjust' })}>
                      {t('fines.adjust')}
                    </button>
                  ) : null}
                  {manage && v.objection && !v.objection.answer ? (
                    <button type="button" onClick={() => setOpen({ id: v.id, kind: 'answer' })}>
                      {t('fines.answer')}
                    </button>
                  ) : null}
                  {correct && !v.corrects ? (
                    <button type="button" onClick={() => setOpen({ id: v.id, kind: 'correct' })}>
                      {t('fines.correct')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function Totals({
  view,
  policy,
  payCut,
  print,
  act,
  onPrint
}: {
  view: MonthView
  policy: Policy | undefined
  payCut: boolean
  print: boolean
  act: Act
  onPrint: (personId: string, how: 'print' | 'save') => void
}) {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const [cuts, setCuts] = useState<Record<string, string>>({})
  const rules = useMemo(() => new Map((policy?.fines.rules ?? []).map((r) => [r.code, r])), [policy])
  return (
    <>
      <section className="card" data-testid="fines-lines">
        <h2>{t('labels.counted', { label: t('fines.lines'), count: view.lines.length })}</h2>
        {view.lines.length === 0 ? (
          <p className="muted">{t('fines.none')}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('fines.person')}</th>
                <th>{t('fines.rule')}</th>
                <th>{t('fines.quantity')}</th>
                <th>{t('fines.multiplier')}</th>
                <th>{t('fines.yuanColumn')}</th>
                <th>{t('fines.kpiColumn')}</th>
              </tr>
            </thead>
            <tbody>
              {view.lines.map((l, i) => (
                <tr key={`${l.violationId}-${l.ruleCode}-${i}`}>
                  <td lang="zh-CN">{view.totals.find((p) => p.personId === l.personId)?.personName ?? ''}</td>
                  <td lang="zh-CN" title={rules.get(l.ruleCode)?.title}>
                    {l.clause}
                  </td>
                  <td>
                    {l.quantity} <span lang="zh-CN">{l.unit}</span>
                  </td>
                  <td className="mono">×{l.multiplier}</td>
                  <td className="mono">{yuanText(l.yuan)}</td>
                  <td className="mono">{l.kpiPoints}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" data-testid="fines-totals">
        <h2>{t('fines.totals')}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('fines.person')}</th>
              <th>{t('fines.yuanColumn')}</th>
              <th>{t('fines.kpiColumn')}</th>
              <th>{t('fines.payCut')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {view.totals.map((p) => {
              const flag = view.payCutFlags.find((f) => f.personId === p.personId)
              return (
                <tr key={p.personId} data-person={p.personName}>
                  <td lang="zh-CN">{p.personName}</td>
                  <td className="mono">{yuanText(p.yuan)}</td>
                  <td className="mono">{p.kpiPoints}</td>
                  <td>
                    {p.payCutPercent !== null ? `${p.payCutPercent}%` : flag ? t('fines.payCutFlagged') : '—'}
                    {flag && payCut ? (
                      <span className="inline-form">
                        <input
                          type="number"
                          aria-label={t('fines.payCut')}
                          min={0}
                          max={flag.maxPercent}
                          value={cuts[p.personId] ?? ''}
                          placeholder={`${flag.minPercent}–${flag.maxPercent}`}
                          onChange={(e) => setCuts({ ...cuts, [p.personId]: e.target.value })}
                        />
                        <button
                          type="button"
                          onClick={() =>
                            act(
                              () =>
                                repositories.fines.setPayCut(view.state.month, p.personId, Number(cuts[p.personId])),
                              t('fines.done.payCut')
                            )
                          }
                        >
                          {t('fines.setPayCut')}
                        </button>
                      </span>
                    ) : null}
                  </td>
                  <td>
                    {print && policy ? (
                      <>
                        <button type="button" onClick={() => onPrint(p.personId, 'print')}>
                          {t('fines.printNotice')}
                        </button>
                        <button type="button" onClick={() => onPrint(p.personId, 'save')}>
                          {t('fines.saveNotice')}
                        </button>
                      </>
                    ) : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </section>
    </>
  )
}

function ManualViolation({ month, policy, act }: { month: string; policy: Policy; act: Act }) {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const people = useQuery(() => repositories.fines.people(), [repositories])
  const [role, setRole] = useState<PenalisedRole>('service_advisor')
  const rules = policy.fines.rules.filter((r) => r.appliesTo.includes(role))
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const target = event.currentTarget
    const form = new FormData(target)
    const text = (name: string) => String(form.get(name) ?? '')
    void act(
      () =>
        repositories.fines.recordManual({
          personId: text('personId'),
          role,
          ruleCode: text('ruleCode'),
          occurredOn: text('occurredOn'),
          quantity: Number(text('quantity')),
          reason: text('reason'),
          evidence: text('evidence')
        }),
      t('fines.done.manual')
    ).then((ok) => ok && target.reset())
  }
  return (
    <section className="card" data-testid="fines-manual">
      <h2>{t('fines.manualTitle')}</h2>
      <p className="muted">{t('fines.manualHint')}</p>
      <form className="form-grid" onSubmit={submit}>
        <label className="field">
          <span className="field-label">{t('fines.person')}</span>
          <select name="personId" defaultValue="">
            <option value="" disabled>
              {t('fines.choose')}
            </option>
            {(people.data ?? []).map((p: FinePerson) => (
              <option key={p.id} value={p.id} lang="zh-CN">
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('fines.role')}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as PenalisedRole)}>
            {(Object.keys(PENALISED_ROLE_LABELS) as PenalisedRole[]).map((r) => (
              <option key={r} value={r}>
                {t(`labels.penalisedRole.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('fines.rule')}</span>
          <select name="ruleCode" lang="zh-CN">
            {rules.map((r) => (
              <option key={r.code} value={r.code}>
                {r.clause} {r.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('fines.day')}</span>
          <input name="occurredOn" type="date" defaultValue={`${month}-01`} />
        </label>
        <label className="field">
          <span className="field-label">{t('fines.quantity')}</span>
          <input name="quantity" type="number" min={1} defaultValue={1} />
        </label>
        <label className="field">
          <span className="field-label">{t('fines.reason')}</span>
          <input name="reason" />
        </label>
        <label className="field">
          <span className="field-label">{t('fines.evidence')}</span>
          <input name="evidence" />
        </label>
        <div className="form-actions">
          <button type="submit" className="primary">
            {t('fines.record')}
          </button>
        </div>
      </form>
    </section>
  )
}
