import type { ReactNode } from 'react'

interface FieldProps {
  label: string
  error?: string | undefined
  hint?: ReactNode
  required?: boolean
  wide?: boolean
  children: ReactNode
  extra?: ReactNode
}

/** A labelled form field with its hint, or its error in place of the hint. */
export function Field({ label, error, hint, required, wide, children, extra }: FieldProps) {
  return (
    <label className={`field${error ? ' has-error' : ''}${wide ? ' wide' : ''}`}>
      <span className="field-label">
        {label}
        {required ? (
          <span className="required" aria-hidden>
            *
          </span>
        ) : null}
      </span>
      {children}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
      {extra}
    </label>
  )
}
