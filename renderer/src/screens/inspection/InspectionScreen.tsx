import { useCallback, useEffect, useMemo, useState } from 'react'
import { Link, useParams } from 'react-router-dom'
import { Trans, useTranslation } from 'react-i18next'
import type { Policy } from '@shared/policy'
import { documentExemption, documentRequirement, documentsInFilingOrder } from '@shared/policy'
import type { ArchiveInput, DocumentInput, FactValue, ManualCheckResult, RuleContext } from '@shared/rules'
import { buildArchiveFacts, evaluateArchive, ruleContextOf } from '@shared/rules'
import type { InspectionRecord } from '@shared/archive'
import {
  canTransition,
  INSPECTABLE_STATUSES,
  readArchiveInput,
  readFailureCount,
  readManualResults
} from '@shared/archive'
import { chinaDateTimeText } from '@shared/time'
import { useServices } from '../../services/app-context'
import type { ArchiveView } from '../../data/repositories'
import { Refusal } from '../../components/Refusal'
import { printCorrectionNotice } from '../../print/print-actions'
import { FactInput } from './FactInput'
import { CorrectionLoop } from './CorrectionLoop'
import { errorMessage } from '../../components/error-message'
import { useCommand } from '../../hooks/use-query'

/** The 100 % inspection of one archive: what was received, the facts the rules read, the results live. */
export function InspectionScreen() {
  const { id = '' } = useParams()
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const [view, setView] = useState<ArchiveView | null>(null)
  const [policy, setPolicy] = useState<Policy | null>(null)
  const [context, setContext] = useState<RuleContext | null>(null)
  const [input, setInput] = useState<ArchiveInput | null>(null)
  const [manual, setManual] = useState<Record<string, ManualCheckResult>>({})
  const [rounds, setRounds] = useState<InspectionRecord[]>([])
  const command = useCommand()
  const status = command.status
  const [refused, setRefused] = useState<string | null>(null)
  const [location, setLocation] = useState('')

  const load = useCallback(async () => {
    try {
      const loaded = await repositories.archives.get(id)
      if (!loaded) {
        setRefused(t('inspection.notFound'))
        return
      }
      setView(loaded)
      setPolicy((await repositories.policies.getVersion(loaded.archive.policyId, loaded.archive.policyVersion)) ?? null)
      setContext(ruleContextOf(await repositories.settings.getDealership()))
      setInput(readArchiveInput(loaded.archive))
      setManual(readManualResults(loaded.archive))
      setRounds(await repositories.archives.inspections(id))
      setLocation(
        [loaded.file.cabinet, loaded.file.shelf, loaded.file.box].every(Boolean)
          ? `${loaded.file.cabinet}-${loaded.file.shelf}-${loaded.file.box}`
          : ''
      )
    } catch (error) {
      setRefused(errorMessage(error))
    }
  }, [id, repositories, t])
  // Loaded after the render that asked for it; every later refresh calls load() itself.
  useEffect(() => {
    void Promise.resolve().then(load)
  }, [load])

  // The same rule engine as the batch inspection, run on every keystroke.
  const evaluation = useMemo(() => {
    if (!policy || !input || !context) return null
    try {
      return evaluateArchive(policy, input, manual, context)
    } catch {
      return null
    }
  }, [policy, input, manual, context])

  if (refused) return <Refusal message={refused} />
  if (!view || !policy || !input) return <section className="screen" />
  const { archive, file } = view
  const template = policy.archiveTemplates[archive.kind]
  const editable = INSPECTABLE_STATUSES.includes(archive.status)
  const visitType = archive.kind === 'service' ? (archive.visitType ?? undefined) : undefined
  // What the documents' requirements read (e.g. FAW-VW 五(二)2(6) the work-order type), as typed so far.
  const facts = (() => {
    try {
      return buildArchiveFacts(template, input).values
    } catch {
      return {}
    }
  })()
  const factOf = (ref: string): unknown => facts[ref]

  const setDocument = (code: string, patch: Partial<DocumentInput>) => {
    const current = input.documents[code] ?? { present: false }
    setInput({ ...input, documents: { ...input.documents, [code]: { ...current, ...patch } } })
  }
  const setFact = (code: string | 'archive', key: string, value: FactValue | undefined) => {
    if (code === 'archive') {
      const facts = { ...(input.facts ?? {}) }
      if (value === undefined) delete facts[key]
      else facts[key] = value
      setInput({ ...input, facts })
      return
    }
    const current = input.documents[code] ?? { present: true }
    const facts = { ...(current.facts ?? {}) }
    if (value === undefined) delete facts[key]
    else facts[key] = value
    setDocument(code, { facts })
  }
  const tick = (code: string, passed: boolean | null, note?: string) => {
    const next = { ...manual }
    if (passed === null) delete next[code]
    else next[code] = { passed, ...(note ? { note } : {}) }
    setManual(next)
  }
  const act = (work: () => Promise<unknown>, done: string) => command.run(work, done, load)
  const overdue =
    archive.correctionDueAt &&
    canTransition(archive.status, 'resubmit') &&
    new Date(archive.correctionDueAt) < new Date()
  const checkResults = new Map(evaluation?.documents.flatMap((d) => d.checks.map((c) => [c.code, c] as const)) ?? [])
  const documentResults = new Map(evaluation?.documents.map((d) => [d.code, d] as const) ?? [])

  return (
    <section className="screen inspection-screen">
      <header className="screen-head">
        <div>
          <h1>
            <Trans
              i18nKey="inspection.title"
              values={{ label: template.name }}
              components={[<span key="policy" lang="zh-CN" />]}
            />{' '}
            <span className="tag">{t(`labels.archiveStatus.${archive.status}`)}</span>
          </h1>
          <div className="head-meta">
            <Link to={`/files/${file.id}`} className="mono">
              {file.archiveNo}
            </Link>{' '}
            · <span className="mono">{file.vin}</span> · <span lang="zh-CN">{file.plate ?? ''}</span> ·{' '}
            <span lang="zh-CN">{file.ownerName}</span>
            {archive.repairOrderNo ? (
              <>
                {' '}
                · {t('inspection.repairOrder')} <span className="mono">{archive.repairOrderNo}</span>
              </>
            ) : null}{' '}
            · {t('inspection.advisor')} <span lang="zh-CN">{archive.advisorName}</span> ·{' '}
            <Trans
              i18nKey="inspection.policy"
              values={{ name: policy.name, version: policy.version }}
              components={[<span key="policy" lang="zh-CN" />]}
            />
          </div>
        </div>
      </header>
      {status ? (
        <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}
      <div className="card deadlines">
        {archive.handInDueAt ? (
          <span>
            {t('inspection.handInDue', { at: chinaDateTimeText(archive.handInDueAt) })}
            {archive.handedOverAt && archive.handedOverAt > archive.handInDueAt ? (
              <strong className="late"> {t('inspection.late')}</strong>
            ) : null}
          </span>
        ) : null}
        {archive.correctionDueAt ? (
          <span className={overdue ? 'late' : ''}>
            {t('inspection.correctionDue', { at: chinaDateTimeText(archive.correctionDueAt) })}
            {overdue ? ` ${t('inspection.overdue')}` : ''}
          </span>
        ) : null}
        {archive.location ? <span>{t('inspection.filedAt', { location: archive.location })}</span> : null}
        {archive.missingNote ? <span>{t('inspection.missingNote', { note: archive.missingNote })}</span> : null}
      </div>

      {archive.status === 'returned' || archive.status === 'resubmitted' ? (
        <CorrectionLoop archive={archive} deadline={policy.deadlines.correction} act={act} />
      ) : null}

      {template.facts.length ? (
        <section className="card">
          <h2>{t('inspection.archiveFacts')}</h2>
          <div className="facts">
            {template.facts.map((fact) => {
              const recorded = input.facts?.[fact.key]
              // The handover already recorded it (delivery date, advisor): shown, not asked again.
              if (fact.fromHandover && typeof recorded === 'string' && recorded !== '') {
                return (
                  <div key={fact.key} className="fact" data-testid={`from-handover-${fact.key}`}>
                    <span className="field-label" lang="zh-CN">
                      {fact.label}
                    </span>
                    <span className="fact-value" lang="zh-CN">
                      {recorded}
                    </span>
                    <span className="field-hint">{t('inspection.fromHandover')}</span>
                  </div>
                )
              }
              return (
                <label key={fact.key} className="fact">
                  <span className="field-label" lang="zh-CN">
                    {fact.label}
                  </span>
                  <FactInput
                    name={`archive.${fact.key}`}
                    definition={fact}
                    value={recorded}
                    onChange={(v) => editable && setFact('archive', fact.key, v)}
                  />
                </label>
              )
            })}
          </div>
        </section>
      ) : null}

      {documentsInFilingOrder(template).map((doc) => {
        // The one rule decides, from any fact of the archive (not only the visit type).
        const requirement = documentRequirement(doc, visitType, factOf)
        const exemption = documentExemption(doc, factOf)
        const entry = input.documents[doc.code]
        const result = documentResults.get(doc.code)
        if (requirement === 'not_required' && !entry?.present && exemption === null) return null
        return (
          <section key={doc.code} className={`card document ${result?.status ?? ''}`} data-testid={`doc-${doc.code}`}>
            <div className="doc-head">
              <label className="check big">
                <input
                  type="checkbox"
                  name={`present.${doc.code}`}
                  checked={!!entry?.present}
                  disabled={!editable}
                  onChange={(e) => setDocument(doc.code, { present: e.target.checked })}
                />
                <strong lang="zh-CN">
                  {doc.order}. {doc.name}
                </strong>
              </label>
              {exemption !== null && requirement !== 'required' ? (
                <span className="tag exempt" data-testid={`exempt-${doc.code}`}>
                  {t('inspection.exempt')}
                  <span lang="zh-CN">{exemption}</span>
                </span>
              ) : (
                <span className="tag">{t(`labels.documentRequirement.${requirement}`)}</span>
              )}
              <select
                name={`form.${doc.code}`}
                value={entry?.form ?? ''}
                disabled={!editable || !entry?.present}
                onChange={(e) =>
                  setDocument(doc.code, e.target.value ? { form: e.target.value as 'original' | 'copy' } : {})
                }
              >
                <option value="">
                  {t('inspection.formUnknown', { expected: t(`labels.documentForm.${doc.form}`) })}
                </option>
                <option value="original">{t('labels.documentForm.original')}</option>
                <option value="copy">{t('labels.documentForm.copy')}</option>
              </select>
              {result && result.status !== 'present' ? (
                <span className="doc-status" lang="zh-CN">
                  {result.message}
                </span>
              ) : null}
            </div>
            {entry?.present && doc.facts.length ? (
              <div className="facts">
                {doc.facts.map((fact) => (
                  <label key={fact.key} className="fact">
                    <span className="field-label" lang="zh-CN">
                      {fact.label}
                    </span>
                    <FactInput
                      name={`${doc.code}.${fact.key}`}
                      definition={fact}
                      value={entry.facts?.[fact.key]}
                      onChange={(v) => editable && setFact(doc.code, fact.key, v)}
                    />
                    {fact.hint ? (
                      <span className="field-hint" lang="zh-CN">
                        {fact.hint}
                      </span>
                    ) : null}
                  </label>
                ))}
              </div>
            ) : null}
            {entry?.present ? (
              <ul className="checks-list">
                {doc.checks.map((check) => {
                  const r = checkResults.get(check.code)
                  return (
                    <li
                      key={check.code}
                      className={`check-item ${r?.status ?? 'pending'}`}
                      data-testid={`check-${check.code}`}
                    >
                      <span className="check-status">{r ? t(`labels.checkItemStatus.${r.status}`) : '—'}</span>
                      <span className="check-title">
                        <span lang="zh-CN">{check.title}</span>
                        {check.mode === 'manual' ? (
                          <span className="muted">{t('labels.parenthesised', { text: t('inspection.manual') })}</span>
                        ) : null}
                      </span>
                      {check.mode === 'manual' && editable ? (
                        <span className="tick">
                          <button
                            type="button"
                            className={manual[check.code]?.passed === true ? 'on' : ''}
                            onClick={() => tick(check.code, manual[check.code]?.passed === true ? null : true)}
                          >
                            {t('inspection.pass')}
                          </button>
                          <button
                            type="button"
                            className={manual[check.code]?.passed === false ? 'on fail' : ''}
                            onClick={() =>
                              tick(
                                check.code,
                                manual[check.code]?.passed === false ? null : false,
                                t('inspection.failedByChecker')
                              )
                            }
                          >
                            {t('inspection.fail')}
                          </button>
                        </span>
                      ) : null}
                      {r && r.status === 'fail' ? (
                        <span className="check-message" lang="zh-CN">
                          {r.message}
                        </span>
                      ) : null}
                    </li>
                  )
                })}
              </ul>
            ) : null}
          </section>
        )
      })}

      <section className="card verdict" data-testid="verdict">
        <h2>
          {t('labels.labelled', { label: t('inspection.verdict') })}
          {evaluation ? t(`labels.archiveVerdict.${evaluation.verdict}`) : '—'}
          {evaluation?.openItems
            ? t('labels.parenthesised', { text: t('inspection.openItems', { count: evaluation.openItems }) })
            : ''}
        </h2>
        {evaluation?.failures.length ? (
          <ol className="failures">
            {evaluation.failures.map((f) => (
              <li key={`${f.documentCode}-${f.checkCode ?? 'doc'}`}>
                <span lang="zh-CN">
                  <strong>{f.documentName}</strong>：{f.message}
                </span>
              </li>
            ))}
          </ol>
        ) : null}
        <div className="form-actions">
          {editable ? (
            <>
              <button
                type="button"
                onClick={() => act(() => repositories.archives.saveProgress(id, input, manual), t('inspection.saved'))}
              >
                {t('inspection.save')}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() =>
                  act(() => repositories.archives.completeInspection(id, input, manual), t('inspection.judged'))
                }
              >
                {t('inspection.judge')}
              </button>
            </>
          ) : null}
          {canTransition(archive.status, 'resubmit') ? (
            <>
              <button
                type="button"
                className="primary"
                onClick={() =>
                  act(() => printCorrectionNotice(repositories, platform, id), t('inspection.noticePrinted'))
                }
              >
                {t('inspection.printNotice')}
              </button>
              <button
                type="button"
                onClick={() =>
                  act(() => printCorrectionNotice(repositories, platform, id, 'save'), t('inspection.noticePrinted'))
                }
              >
                {t('print.savePdf')}
              </button>
              <button
                type="button"
                onClick={() => act(() => repositories.archives.resubmit(id), t('inspection.resubmitted'))}
              >
                {t('inspection.resubmit')}
              </button>
            </>
          ) : null}
          {canTransition(archive.status, 'file') ? (
            <span className="inline-form">
              <label className="field">
                <span className="field-label">{t('inspection.location')}</span>
                <input
                  name="location"
                  value={location}
                  onChange={(e) => setLocation(e.target.value)}
                  placeholder="A3-2-15"
                />
              </label>
              <button
                type="button"
                className="primary"
                onClick={() => act(() => repositories.archives.file(id, location), t('inspection.filed'))}
              >
                {t('inspection.file')}
              </button>
            </span>
          ) : null}
        </div>
      </section>

      {rounds.length ? (
        <section className="card">
          <h2>{t('inspection.rounds')}</h2>
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('inspection.round')}</th>
                <th>{t('inspection.inspectedAt')}</th>
                <th>{t('inspection.inspector')}</th>
                <th>{t('inspection.verdict')}</th>
                <th>{t('inspection.correctionDueShort')}</th>
              </tr>
            </thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <td>{r.round}</td>
                  <td className="mono">{chinaDateTimeText(r.inspectedAt)}</td>
                  <td lang="zh-CN">{r.inspectorName}</td>
                  <td>
                    {r.verdict === 'accepted'
                      ? t('labels.archiveVerdict.accepted')
                      : t('inspection.roundFailed', { count: readFailureCount(r) })}
                    {r.returnedUnchanged ? `${t('labels.listSeparator')}${t('inspection.unchanged')}` : ''}
                  </td>
                  <td className="mono">{r.correctionDueAt ? chinaDateTimeText(r.correctionDueAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </section>
  )
}
