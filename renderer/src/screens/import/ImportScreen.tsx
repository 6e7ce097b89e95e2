import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { sha256Hex } from '@shared/backup/backup-format'
import type { ReadTable } from '@shared/import'
import type { ImportSource } from '@shared/import/import-mappings'
import type { SystemField } from '@shared/reconciliation'
import { guessColumnMapping, SYSTEM_FIELDS, requiredSystemFields } from '@shared/reconciliation'
import { SYSTEM_LIST_DEPARTMENT } from '@shared/reconciliation/system-list'
import type { VehicleField } from '@shared/vehicle/vehicle-file-columns'
import {
  guessVehicleColumns,
  REQUIRED_VEHICLE_COLUMNS,
  vehicleFormsFromTable
} from '@shared/vehicle/vehicle-file-columns'
import { VEHICLE_FILE_FIELD_NAMES } from '@shared/vehicle/vehicle-file'
import { useServices } from '../../services/app-context'
import { usePermissions } from '../../hooks/use-permissions'
import { errorMessage } from '../../components/error-message'
import { readTable } from '../../import/read-table'

// 导入: a dealer system's export or an existing archive's spreadsheet, read in a worker with progress, its
// columns mapped to fields (guessed from the headers, or the mapping remembered for the source), every row
// checked and every problem shown, and only then, on confirmation, imported in one transaction.

type Field = SystemField | VehicleField

/** A row-level problem as the preview lists it. */
interface RowProblem {
  row: number
  code: string
  message: string
  details: Readonly<Record<string, string>>
}

interface Preview {
  rows: number
  /** Lines already kept by an earlier import (system lists only). */
  alreadyKept: number
  problems: RowProblem[]
}

const VEHICLE_FIELD_KEYS: Partial<Record<VehicleField, string>> = {
  ownerName: 'ownerNameIndividual',
  ownerIdNumber: 'ownerIdIndividual',
  provinceName: 'province',
  cityName: 'city',
  countyName: 'county'
}
const VEHICLE_FIELDS = VEHICLE_FILE_FIELD_NAMES.filter(
  (field) => field !== 'provinceCode' && field !== 'cityCode' && field !== 'countyCode'
)

function fieldsOf(source: ImportSource): readonly Field[] {
  if (source === 'vehicleFiles') return VEHICLE_FIELDS
  return source === 'deliveries' ? SYSTEM_FIELDS.filter((f) => f !== 'repairOrderNo') : SYSTEM_FIELDS
}

function requiredOf(source: ImportSource): readonly Field[] {
  return source === 'vehicleFiles' ? REQUIRED_VEHICLE_COLUMNS : requiredSystemFields(SYSTEM_LIST_DEPARTMENT[source])
}

function fieldLabel(t: TFunction, source: ImportSource, field: Field): string {
  if (source === 'vehicleFiles') return t(`form.fields.${VEHICLE_FIELD_KEYS[field as VehicleField] ?? field}`)
  if (field === 'date' || field === 'advisor')
    return t(`import.systemFields.${field}.${SYSTEM_LIST_DEPARTMENT[source]}`)
  return t(`import.systemFields.${field}`)
}

function guess(source: ImportSource, headers: readonly string[]): Record<string, string> {
  const guessed =
    source === 'vehicleFiles'
      ? guessVehicleColumns(headers)
      : guessColumnMapping(headers, SYSTEM_LIST_DEPARTMENT[source])
  return Object.fromEntries(Object.entries(guessed).filter((entry): entry is [string, string] => !!entry[1]))
}

/** A problem's words in the operator's language (its errors.<code> text), else its Chinese message. */
function problemText(t: TFunction, i18n: { exists: (key: string) => boolean }, problem: RowProblem): string {
  const key = `errors.${problem.code}`
  return i18n.exists(key) ? t(key, { ...problem.details }) : problem.message
}

export function ImportScreen() {
  const { t, i18n } = useTranslation()
  const { repositories, platform } = useServices()
  const allowed = usePermissions()
  const sources = useMemo(
    () =>
      (['deliveries', 'repairOrders', 'vehicleFiles'] as const).filter((source) =>
        allowed?.has(source === 'vehicleFiles' ? 'vehicleFile.create' : 'reconciliation.manage')
      ),
    [allowed]
  )
  const [chosen, setChosen] = useState<ImportSource | null>(null)
  const source = chosen ?? sources[0] ?? null
  const [file, setFile] = useState<{ name: string; sha256: string; table: ReadTable } | null>(null)
  const [progress, setProgress] = useState<number | null>(null)
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [preview, setPreview] = useState<Preview | null>(null)
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null)

  if (allowed === null) return null
  if (source === null)
    return (
      <section className="screen">
        <div className="banner error refusal" role="alert">
          {t('import.noSource')}
        </div>
      </section>
    )

  const reset = () => {
    setFile(null)
    setPreview(null)
    setStatus(null)
    setMapping({})
  }

  const choose = async () => {
    setStatus(null)
    setPreview(null)
    const picked = await platform.openFile([{ name: t('import.tableFiles'), extensions: ['csv', 'xlsx'] }])
    if (!picked) return
    setBusy(true)
    setProgress(0)
    try {
      const table = await readTable({ bytes: picked.data, name: picked.name }, { onProgress: setProgress })
      const remembered = (await repositories.reconciliations.mapping(source)) ?? {}
      const fits = Object.entries(remembered).filter(([, header]) => table.headers.includes(header))
      setMapping({ ...guess(source, table.headers), ...Object.fromEntries(fits) })
      setFile({ name: picked.name, sha256: sha256Hex(picked.data), table })
    } catch (error) {
      setFile(null)
      setStatus({ ok: false, text: errorMessage(error) })
    } finally {
      setBusy(false)
      setProgress(null)
    }
  }

  const vehicleRows = () => vehicleFormsFromTable(file!.table, mapping)

  const check = async () => {
    if (!file) return
    setBusy(true)
    setStatus(null)
    try {
      if (source === 'vehicleFiles') {
        const { forms, lines } = vehicleRows()
        const result = await repositories.vehicleFiles.validateImport({ rows: forms, lines })
        setPreview({ rows: result.rows, alreadyKept: 0, problems: result.errors })
      } else {
        const result = await repositories.reconciliations.checkSystemList({ source, table: file.table, mapping })
        setPreview({ rows: result.valid, alreadyKept: result.alreadyKept, problems: result.issues })
      }
    } catch (error) {
      setPreview(null)
      setStatus({ ok: false, text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  const confirm = async () => {
    if (!file || !preview || preview.problems.length > 0) return
    setBusy(true)
    try {
      const origin = { fileName: file.name, sha256: file.sha256 }
      if (source === 'vehicleFiles') {
        const { forms, lines } = vehicleRows()
        const result = await repositories.vehicleFiles.importBulk({ source: origin, rows: forms, lines })
        if (!result.ok) {
          setPreview({ rows: result.rows, alreadyKept: 0, problems: result.errors })
          return
        }
        setStatus({ ok: true, text: t('import.importedFiles', { count: result.created, fileName: file.name }) })
      } else {
        const result = await repositories.reconciliations.importSystemList({
          source,
          table: file.table,
          mapping,
          file: origin
        })
        if (!result.ok) {
          setPreview({ rows: 0, alreadyKept: 0, problems: result.issues })
          return
        }
        setStatus({
          ok: true,
          text: t('import.importedLines', {
            count: result.created,
            alreadyKept: result.alreadyKept,
            fileName: file.name
          })
        })
      }
      await repositories.reconciliations.saveMapping(source, mapping)
      setFile(null)
      setPreview(null)
    } catch (error) {
      setStatus({ ok: false, text: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  const required = requiredOf(source)
  const headers = file?.table.headers ?? []
  return (
    <section className="screen" data-testid="import-screen">
      <header className="screen-head">
        <h1>{t('import.title')}</h1>
      </header>
      <div className="card inline-form">
        <label className="field">
          <span className="field-label">{t('import.source')}</span>
          <select
            name="import-source"
            value={source}
            disabled={busy}
            onChange={(e) => {
              setChosen(e.target.value as ImportSource)
              reset()
            }}
          >
            {sources.map((s) => (
              <option key={s} value={s}>
                {t(`import.sources.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="primary" onClick={choose} disabled={busy} data-testid="import-choose">
          {t('import.choose')}
        </button>
        {file ? (
          <span className="muted" data-testid="import-file">
            {t('import.fileRead', { fileName: file.name, rows: file.table.rows.length })}
          </span>
        ) : null}
      </div>
      {progress !== null ? (
        <div className="card">
          <label className="field">
            <span className="field-label">{t('import.reading')}</span>
            <progress max={1} value={progress} data-testid="import-progress" />
          </label>
        </div>
      ) : null}
      {status ? (
        <div
          className={status.ok ? 'banner' : 'banner error'}
          role={status.ok ? 'status' : 'alert'}
          data-testid="import-status"
        >
          {status.text}
        </div>
      ) : null}
      {file ? (
        <section className="card" data-testid="import-mapping">
          <h2>{t('import.mapping')}</h2>
          <p className="muted">{t('import.mappingHint')}</p>
          <div className="mapping-grid">
            {fieldsOf(source).map((field) => (
              <label className="field" key={field}>
                <span className="field-label">
                  {fieldLabel(t, source, field)}
                  {required.includes(field) ? ' *' : ''}
                </span>
                <select
                  name={`map-${field}`}
                  value={mapping[field] ?? ''}
                  onChange={(e) => {
                    setMapping({ ...mapping, [field]: e.target.value })
                    setPreview(null)
                  }}
                >
                  <option value="">{t('import.notInFile')}</option>
                  {headers.map((header) => (
                    <option key={header} value={header} lang="zh-CN">
                      {header}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div className="head-actions">
            <button type="button" onClick={check} disabled={busy} data-testid="import-check">
              {t('import.check')}
            </button>
          </div>
        </section>
      ) : null}
      {preview ? (
        <section className="card" data-testid="import-preview">
          <h2>{t('import.preview')}</h2>
          <p>
            {t('import.previewCounts', { rows: preview.rows, problems: preview.problems.length })}
            {preview.alreadyKept > 0 ? ` ${t('import.alreadyKept', { count: preview.alreadyKept })}` : ''}
          </p>
          {preview.problems.length > 0 ? (
            <>
              <p className="field-error" role="alert">
                {t('import.fixFirst')}
              </p>
              <ul className="plain row-problems" data-testid="import-problems">
                {preview.problems.map((problem, i) => (
                  <li key={i} lang="zh-CN">
                    {problemText(t, i18n, problem)}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <button type="button" className="primary" onClick={confirm} disabled={busy} data-testid="import-confirm">
              {t('import.confirm', { rows: preview.rows - preview.alreadyKept })}
            </button>
          )}
        </section>
      ) : null}
    </section>
  )
}
