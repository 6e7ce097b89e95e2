import { useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { DealershipSettings } from '@shared/settings/dealership-settings'
import { DEFAULT_DEALERSHIP_SETTINGS, dealershipSettingsSchema } from '@shared/settings/dealership-settings'
import type { PermissionMatrix } from '@shared/operators/permissions'
import { validateArchiveNoPattern } from '@shared/vehicle/archive-number'
import { useServices } from '../../services/app-context'
import { Field } from '../../components/Field'
import { Refusal } from '../../components/Refusal'
import { moveOnEnter } from '../../hooks/use-enter-moves-on'
import { PermissionMatrixEditor } from './PermissionMatrixEditor'
import { PolicyEditor } from './PolicyEditor'
import { ServiceDaysAndOpenValues } from './ServiceDaysAndOpenValues'
import { errorMessage } from '../../components/error-message'

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7]

export function SettingsScreen() {
  const { t } = useTranslation()
  const { repositories, version, platform } = useServices()
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [refused, setRefused] = useState<string | null>(null)
  const [matrix, setMatrix] = useState<{ matrix: PermissionMatrix; editable: boolean } | null>(null)
  const {
    register,
    handleSubmit,
    reset,
    watch,
    setValue,
    formState: { errors, isSubmitting }
  } = useForm<DealershipSettings>({
    resolver: zodResolver(dealershipSettingsSchema),
    mode: 'onTouched',
    defaultValues: DEFAULT_DEALERSHIP_SETTINGS
  })

  useEffect(() => {
    repositories.settings.openForEditing().then(
      ({ dealership, matrix, canEditPermissions }) => {
        reset(dealership)
        setMatrix({ matrix, editable: canEditPermissions })
      },
      (error: unknown) => setRefused(errorMessage(error))
    )
  }, [repositories, reset])

  const pattern = watch('archiveNoPattern').trim().toUpperCase()
  const patternValid = validateArchiveNoPattern(pattern).ok
  const [nextNumber, setNextNumber] = useState<{ pattern: string; sample: string } | null>(null)
  useEffect(() => {
    if (!patternValid) return
    let current = true
    // The real next number: the counter of this pattern, skipping numbers typed by hand.
    repositories.vehicleFiles.previewArchiveNo('sold_here', undefined, pattern).then(
      (sample) => {
        if (current) setNextNumber({ pattern, sample })
      },
      () => {
        if (current) setNextNumber(null)
      }
    )
    return () => {
      current = false
    }
  }, [repositories, pattern, patternValid])
  const sample = patternValid && nextNumber?.pattern === pattern ? nextNumber.sample : null
  const workdays = watch('rescueWorkdays')
  const toggleWorkday = (day: number, on: boolean) =>
    setValue(
      'rescueWorkdays',
      WEEKDAYS.filter((d) => (d === day ? on : workdays.includes(d))),
      { shouldDirty: true, shouldValidate: true }
    )

  const onSubmit = handleSubmit(async (values) => {
    setStatus(null)
    try {
      reset(await repositories.settings.saveDealership(values))
      setStatus({ kind: 'ok', text: t('settings.saved') })
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  })

  if (refused) return <Refusal message={refused} />
  if (!matrix) return <section className="screen" />

  return (
    <section className="screen settings-screen">
      <header className="screen-head">
        <h1>{t('settings.title')}</h1>
      </header>
      <form onSubmit={onSubmit} onKeyDown={moveOnEnter} noValidate>
        {status ? (
          <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
            {status.text}
          </div>
        ) : null}
        <fieldset className="card">
          <legend>{t('settings.dealership')}</legend>
          <div className="grid">
            <Field label={t('settings.dealershipName')} error={errors.dealershipName?.message} wide>
              <input {...register('dealershipName')} autoComplete="off" />
            </Field>
            <Field
              label={t('settings.archiveNoPattern')}
              error={errors.archiveNoPattern?.message}
              hint={t('settings.archiveNoPatternHint')}
              wide
            >
              <input {...register('archiveNoPattern')} className="mono upper" autoComplete="off" />
            </Field>
          </div>
          {sample ? (
            <p className="muted" data-testid="pattern-preview">
              {t('settings.preview', { sample })}
            </p>
          ) : null}
          <h3>{t('settings.rescueHours')}</h3>
          <p className="muted">{t('settings.rescueHoursHint')}</p>
          <div className="grid">
            <Field label={t('settings.rescueWorkStart')} error={errors.rescueWorkStart?.message}>
              <input {...register('rescueWorkStart')} className="mono" placeholder="08:30" autoComplete="off" />
            </Field>
            <Field label={t('settings.rescueWorkEnd')} error={errors.rescueWorkEnd?.message}>
              <input {...register('rescueWorkEnd')} className="mono" placeholder="17:30" autoComplete="off" />
            </Field>
          </div>
          <div className="field wide" role="group" aria-label={t('settings.rescueWorkdays')}>
            <span className="field-label">{t('settings.rescueWorkdays')}</span>
            <span className="inline-form">
              {WEEKDAYS.map((day) => (
                <label key={day} className="check">
                  <input
                    type="checkbox"
                    name={`rescueWorkday${day}`}
                    checked={workdays.includes(day)}
                    onChange={(e) => toggleWorkday(day, e.target.checked)}
                  />
                  {t(`settings.weekday${day}`)}
                </label>
              ))}
            </span>
            {errors.rescueWorkdays?.message ? (
              <span className="field-error" role="alert">
                {errors.rescueWorkdays.message}
              </span>
            ) : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={isSubmitting}>
              {t('settings.save')}
            </button>
          </div>
        </fieldset>
      </form>
      <PolicyEditor />
      <ServiceDaysAndOpenValues />
      <PermissionMatrixEditor initial={matrix.matrix} editable={matrix.editable} />
      <section className="card">
        <h2>{t('settings.about')}</h2>
        <p>
          {t('app.name')} · {t('settings.version', { version })} ·{' '}
          {platform.kind === 'desktop' ? t('app.desktopMode') : t('app.browserMode')}
        </p>
        <p className="muted">{t('settings.storage')}</p>
      </section>
    </section>
  )
}
