import { useCallback, useEffect, useRef, useState } from 'react'
import { type FieldError, useForm } from 'react-hook-form'
import { toNestErrors } from '@hookform/resolvers'
import { Link, useNavigate, useParams } from 'react-router-dom'
import { Trans, useTranslation } from 'react-i18next'
import type { VehicleFileFields, VehicleOrigin } from '@shared/vehicle/vehicle-file'
import { OWNER_KINDS, VEHICLE_ORIGINS } from '@shared/vehicle/vehicle-file'
import type { LoadedPersonalInfo, VehicleFileForm } from '@shared/vehicle/vehicle-file-schema'
import {
  EMPTY_VEHICLE_FILE_FORM,
  toVehicleFileForm,
  vehicleFileFormSchemaFor
} from '@shared/vehicle/vehicle-file-schema'
import { PERSONAL_INFO_FIELDS } from '@shared/vehicle/vehicle-file'
import { validateVin } from '@shared/validation'
import { isDomainError } from '@shared/model/domain-error'
import { duplicateVinError } from '@shared/vehicle/vehicle-file-errors'
import type { VehicleFieldKey, VehicleFieldRequirement } from '@shared/vehicle/vehicle-field-requirement'
import { useServices } from '../../services/app-context'
import { DateInput } from '../../components/DateInput'
import { Field } from '../../components/Field'
import { moveOnEnter } from '../../hooks/use-enter-moves-on'
import { errorMessage, issueMessage } from '../../components/error-message'
import { RegionSelect } from './RegionSelect'
import type { RegionValue } from './RegionSelect'

interface ExistingFile {
  id: string
  archiveNo: string
}

export function VehicleFormScreen() {
  const { id } = useParams()
  const editing = id !== undefined
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const { repositories } = useServices()
  const { vehicleFiles } = repositories
  const [rev, setRev] = useState<number | null>(null)
  const [loadFailed, setLoadFailed] = useState(false)
  const [duplicate, setDuplicate] = useState<ExistingFile | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const archiveNoTouched = useRef(false)
  // ID number and phones as loaded (masked without 查看完整个人信息): left as they are, they keep the stored values.
  const loadedPersonalInfo = useRef<LoadedPersonalInfo>({})
  // The fields the policy in force requires (FAW-VW 五(二)3 DSERP fields): marked, and refused when empty.
  const requirement = useRef<VehicleFieldRequirement | null>(null)
  const [requiredFields, setRequiredFields] = useState<ReadonlySet<VehicleFieldKey>>(new Set())
  useEffect(() => {
    void repositories.policies.active().then((policy) => {
      requirement.current = policy.vehicleFile ?? null
      setRequiredFields(new Set(policy.vehicleFile?.fields ?? []))
    })
  }, [repositories.policies])
  const needs = (...keys: VehicleFieldKey[]) => keys.some((key) => requiredFields.has(key))

  const {
    register,
    handleSubmit,
    reset,
    setValue,
    watch,
    setError,
    getValues,
    formState: { errors, isSubmitting, submitCount }
  } = useForm<VehicleFileForm, unknown, VehicleFileFields>({
    // The one definition of a valid file (shared/vehicle), each field's problem worded in the operator's language.
    resolver: (values, _context, options) => {
      const parsed = vehicleFileFormSchemaFor(loadedPersonalInfo.current, requirement.current).safeParse(values)
      if (parsed.success) return { values: parsed.data, errors: {} }
      const fieldErrors: Record<string, FieldError> = {}
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '')
        if (field !== '' && !fieldErrors[field])
          fieldErrors[field] = { type: issue.code, message: issueMessage(issue, i18n) }
      }
      return { values: {}, errors: toNestErrors(fieldErrors, options) }
    },
    mode: 'onTouched',
    defaultValues: EMPTY_VEHICLE_FILE_FORM
  })

  useEffect(() => {
    if (!editing) return
    void vehicleFiles.getForEdit(id).then((file) => {
      if (!file) {
        setLoadFailed(true)
        return
      }
      archiveNoTouched.current = true
      const form = toVehicleFileForm(file)
      loadedPersonalInfo.current = Object.fromEntries(PERSONAL_INFO_FIELDS.map((field) => [field, form[field]]))
      reset(form)
      setRev(file.rev)
    })
  }, [editing, id, reset, vehicleFiles])

  const origin = watch('origin') as VehicleOrigin
  const ownerKind = watch('ownerKind')

  // A new file gets the next number of the dealership's pattern until someone types their own.
  useEffect(() => {
    if (editing || archiveNoTouched.current) return
    void vehicleFiles.previewArchiveNo(origin).then((no) => {
      if (!archiveNoTouched.current) setValue('archiveNo', no)
    })
  }, [editing, origin, setValue, vehicleFiles])

  const checkDuplicateVin = useCallback(
    async (raw: string) => {
      const vin = validateVin(raw)
      if (!vin.ok) {
        setDuplicate(null)
        return
      }
      let existing
      try {
        existing = await vehicleFiles.findByVin(vin.value)
      } catch (error) {
        // A file the operator may not see: the refusal says the VIN is taken, and names nothing else.
        setDuplicate(null)
        if (isDomainError(error)) setError('vin', { type: 'duplicate', message: errorMessage(error) })
        return
      }
      if (existing && existing.id !== id) {
        setDuplicate({ id: existing.id, archiveNo: existing.archiveNo })
        setError('vin', { type: 'duplicate', message: errorMessage(duplicateVinError(existing)) })
      } else {
        setDuplicate(null)
      }
    },
    [id, setError, vehicleFiles]
  )

  const onSubmit = handleSubmit(async () => {
    setFormError(null)
    const form = getValues()
    try {
      const saved = editing ? await vehicleFiles.update(id, form, rev ?? 0) : await vehicleFiles.create(form)
      navigate(`/files/${saved.id}`, { state: { saved: saved.archiveNo } })
    } catch (error) {
      if (isDomainError(error)) {
        const field = error.details.field as keyof VehicleFileForm | undefined
        if (error.details.existingId)
          setDuplicate({ id: error.details.existingId, archiveNo: error.details.existingArchiveNo ?? '' })
        if (field) setError(field, { type: 'server', message: errorMessage(error) }, { shouldFocus: true })
        else setFormError(errorMessage(error))
      } else {
        setFormError(errorMessage(error))
      }
    }
  })

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
        event.preventDefault()
        void onSubmit()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onSubmit])

  if (loadFailed)
    return (
      <section className="screen">
        <p className="empty">{t('detail.notFound')}</p>
        <Link to="/">{t('detail.back')}</Link>
      </section>
    )

  const region: RegionValue = {
    provinceCode: watch('provinceCode'),
    provinceName: watch('provinceName'),
    cityCode: watch('cityCode'),
    cityName: watch('cityName'),
    countyCode: watch('countyCode'),
    countyName: watch('countyName')
  }
  const setRegion = (value: RegionValue) => {
    for (const [key, v] of Object.entries(value)) setValue(key as keyof RegionValue, v, { shouldDirty: true })
  }
  const errorCount = Object.keys(errors).length
  const maskedHint = (field: keyof LoadedPersonalInfo) =>
    loadedPersonalInfo.current[field]?.includes('*') ? t('form.hints.masked') : undefined
  const vinField = register('vin', { onBlur: (e) => void checkDuplicateVin(e.target.value) })
  const archiveNoField = register('archiveNo', {
    onChange: () => {
      archiveNoTouched.current = true
    }
  })

  return (
    <section className="screen form-screen">
      <header className="screen-head">
        <h1>{editing ? t('form.editTitle', { archiveNo: getValues('archiveNo') }) : t('form.newTitle')}</h1>
        <div className="head-meta">{t('form.saveShortcut')}</div>
      </header>
      <form className="vehicle-form" onSubmit={onSubmit} onKeyDown={moveOnEnter} noValidate>
        {submitCount > 0 && errorCount > 0 ? (
          <div className="banner error" role="alert">
            {t('form.errorSummary', { count: errorCount })}
          </div>
        ) : null}

        <fieldset className="card">
          <legend>{t('form.sections.vehicle')}</legend>
          <div className="grid">
            <Field
              label={t('form.fields.vin')}
              required
              error={errors.vin?.message}
              hint={t('form.hints.vin')}
              wide
              extra={
                duplicate ? (
                  <Link className="dup-link" to={`/files/${duplicate.id}`}>
                    {t('form.duplicateLink', { archiveNo: duplicate.archiveNo })}
                  </Link>
                ) : null
              }
            >
              <input
                {...vinField}
                className="mono upper"
                autoFocus={!editing}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={errors.vin ? true : undefined}
              />
            </Field>
            <Field
              label={t('form.fields.archiveNo')}
              required
              error={errors.archiveNo?.message}
              hint={t('form.hints.archiveNo')}
            >
              <input
                {...archiveNoField}
                className="mono upper"
                autoComplete="off"
                aria-invalid={errors.archiveNo ? true : undefined}
              />
            </Field>
            <Field label={t('form.fields.origin')} required error={errors.origin?.message}>
              <select {...register('origin')}>
                {VEHICLE_ORIGINS.map((o) => (
                  <option key={o} value={o}>
                    {t(`origin.${o}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={t('form.fields.plate')}
              required={needs('plate')}
              error={errors.plate?.message}
              hint={<Trans i18nKey="form.hints.plate" components={[<span key="plates" lang="zh-CN" />]} />}
            >
              <input
                {...register('plate')}
                className="upper"
                autoComplete="off"
                aria-invalid={errors.plate ? true : undefined}
              />
            </Field>
            <Field label={t('form.fields.series')} required error={errors.series?.message}>
              <input {...register('series')} autoComplete="off" aria-invalid={errors.series ? true : undefined} />
            </Field>
            <Field label={t('form.fields.model')} required={needs('model')} error={errors.model?.message}>
              <input {...register('model')} autoComplete="off" />
            </Field>
            <Field
              label={t('form.fields.productCode')}
              required={needs('productCode')}
              error={errors.productCode?.message}
            >
              <input {...register('productCode')} className="mono upper" autoComplete="off" />
            </Field>
            <Field label={t('form.fields.colour')} required={needs('colour')} error={errors.colour?.message}>
              <input {...register('colour')} autoComplete="off" />
            </Field>
            <Field
              label={t('form.fields.registrationDate')}
              error={errors.registrationDate?.message}
              hint={t('form.hints.registrationDate')}
            >
              <DateInput {...register('registrationDate')} aria-invalid={errors.registrationDate ? true : undefined} />
            </Field>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('form.sections.owner')}</legend>
          <div className="grid">
            <Field label={t('form.fields.ownerKind')} required>
              <select {...register('ownerKind')}>
                {OWNER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`ownerKind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              label={
                ownerKind === 'organisation'
                  ? t('form.fields.ownerNameOrganisation')
                  : t('form.fields.ownerNameIndividual')
              }
              required
              error={errors.ownerName?.message}
            >
              <input {...register('ownerName')} autoComplete="off" aria-invalid={errors.ownerName ? true : undefined} />
            </Field>
            <Field
              label={
                ownerKind === 'organisation' ? t('form.fields.ownerIdOrganisation') : t('form.fields.ownerIdIndividual')
              }
              error={errors.ownerIdNumber?.message}
              hint={maskedHint('ownerIdNumber') ?? t('form.hints.ownerId')}
            >
              <input
                {...register('ownerIdNumber')}
                className="mono upper"
                autoComplete="off"
                aria-invalid={errors.ownerIdNumber ? true : undefined}
              />
            </Field>
            <Field
              label={t('form.fields.ownerPhone')}
              required
              error={errors.ownerPhone?.message}
              hint={maskedHint('ownerPhone') ?? t('form.hints.ownerPhone')}
            >
              <input
                {...register('ownerPhone')}
                className="mono"
                inputMode="tel"
                autoComplete="off"
                aria-invalid={errors.ownerPhone ? true : undefined}
              />
            </Field>
            <Field
              label={t('form.fields.customerCategory')}
              required={needs('customerCategory')}
              error={errors.customerCategory?.message}
              hint={t('form.hints.customerCategory')}
            >
              <input
                {...register('customerCategory')}
                autoComplete="off"
                aria-invalid={errors.customerCategory ? true : undefined}
              />
            </Field>
            <Field
              label={t('form.fields.customerRatingCategory')}
              required={needs('customerRatingCategory')}
              error={errors.customerRatingCategory?.message}
              hint={t('form.hints.customerCategory')}
            >
              <input
                {...register('customerRatingCategory')}
                autoComplete="off"
                aria-invalid={errors.customerRatingCategory ? true : undefined}
              />
            </Field>
            <Field
              label={t('form.fields.ownerPhone2')}
              error={errors.ownerPhone2?.message}
              hint={maskedHint('ownerPhone2')}
            >
              <input {...register('ownerPhone2')} className="mono" inputMode="tel" autoComplete="off" />
            </Field>
          </div>
        </fieldset>

        <fieldset className="card">
          <legend>{t('form.sections.address')}</legend>
          <div className="grid">
            <RegionSelect
              value={region}
              onChange={setRegion}
              errors={{
                provinceCode: errors.provinceCode?.message,
                cityCode: errors.cityCode?.message,
                countyCode: errors.countyCode?.message
              }}
            />
            <Field label={t('form.fields.street')} required={needs('street')} error={errors.street?.message} wide>
              <input {...register('street')} autoComplete="off" />
            </Field>
            <Field label={t('form.fields.postcode')} required={needs('postcode')} error={errors.postcode?.message}>
              <input {...register('postcode')} className="mono" inputMode="numeric" autoComplete="off" />
            </Field>
          </div>
        </fieldset>

        <div className="two-col">
          <fieldset className="card">
            <legend>{t('form.sections.contact')}</legend>
            <div className="grid">
              <Field
                label={t('form.fields.contactName')}
                required={needs('contactName')}
                error={errors.contactName?.message}
              >
                <input
                  {...register('contactName')}
                  autoComplete="off"
                  aria-invalid={errors.contactName ? true : undefined}
                />
              </Field>
              <Field
                label={t('form.fields.contactPhone')}
                required={needs('contactPhone')}
                error={errors.contactPhone?.message}
                hint={maskedHint('contactPhone')}
              >
                <input {...register('contactPhone')} className="mono" inputMode="tel" autoComplete="off" />
              </Field>
            </div>
          </fieldset>
          <fieldset className="card">
            <legend>{t('form.sections.location')}</legend>
            <div className="grid three">
              <Field label={t('form.fields.cabinet')} error={errors.cabinet?.message}>
                <input {...register('cabinet')} className="mono upper" autoComplete="off" />
              </Field>
              <Field label={t('form.fields.shelf')} error={errors.shelf?.message}>
                <input {...register('shelf')} className="mono upper" autoComplete="off" />
              </Field>
              <Field label={t('form.fields.box')} error={errors.box?.message}>
                <input {...register('box')} className="mono upper" autoComplete="off" />
              </Field>
            </div>
            <p className="field-hint">{t('form.hints.location')}</p>
          </fieldset>
        </div>

        <fieldset className="card">
          <legend>{t('form.sections.notes')}</legend>
          <textarea {...register('notes')} rows={2} aria-label={t('form.fields.notes')} />
          {errors.notes ? (
            <span className="field-error" role="alert">
              {errors.notes.message}
            </span>
          ) : null}
        </fieldset>

        {/* A refusal of the save appears beside 保存, not at the top of a long form. */}
        {formError ? (
          <div className="banner error" role="alert" data-testid="save-refusal">
            {formError}
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('form.saving') : t('form.save')}
          </button>
          <button type="button" onClick={() => navigate(editing ? `/files/${id}` : '/')}>
            {t('form.cancel')}
          </button>
        </div>
      </form>
    </section>
  )
}
