import type { ChangeEvent, FocusEvent, InputHTMLAttributes, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import { isCompleteTypedDate, maskTypedDate, normalizeTypedDate } from '@shared/dates/typed-date'

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'max' | 'min'> & { ref?: Ref<HTMLInputElement> }

/**
 * The one date input: typed and shown as 年-月-日 (2026-11-29) whatever the computer's locale, which
 * the browser's own date picker does not do. Works controlled (value + onChange) and with react-hook-form's register.
 */
export function DateInput({ onChange, onBlur, className, value, ...rest }: Props) {
  const { t } = useTranslation()
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const masked = maskTypedDate(event.target.value)
    if (masked !== event.target.value) event.target.value = masked
    onChange?.(event)
  }
  const blur = (event: FocusEvent<HTMLInputElement>) => {
    const normal = normalizeTypedDate(event.target.value)
    if (normal !== event.target.value) {
      event.target.value = normal
      onChange?.(event as unknown as ChangeEvent<HTMLInputElement>)
    }
    onBlur?.(event)
  }
  const text = typeof value === 'string' ? value : undefined
  const incomplete = text !== undefined && text !== '' && !isCompleteTypedDate(text)
  return (
    <input
      {...rest}
      {...(value !== undefined ? { value } : {})}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={11}
      placeholder={rest.placeholder ?? t('form.placeholders.date')}
      title={rest.title ?? t('form.placeholders.dateTitle')}
      className={['mono', 'date-input', className].filter(Boolean).join(' ')}
      aria-invalid={rest['aria-invalid'] ?? (incomplete ? true : undefined)}
      onChange={change}
      onBlur={blur}
    />
  )
}

/** The typed date as YYYY-MM-DD once it is complete and real, else undefined (e.g. an optional filter). */
export function completeDate(text: string): string | undefined {
  return isCompleteTypedDate(text) ? normalizeTypedDate(text) : undefined
}
