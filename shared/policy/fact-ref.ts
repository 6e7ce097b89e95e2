// Check items name the facts they read as "scope.key": the scope is a document code, or `archive`
// for facts of the archive itself (visit date, mileage, registration date…).

export const ARCHIVE_SCOPE = 'archive'

/** e.g. `invoice.invoiceDate`, `archive.mileageKm`. */
export type FactRef = string

export const FACT_REF_PATTERN = /^[a-z][a-z0-9_]*\.[a-zA-Z][a-zA-Z0-9_]*$/

export function factRef(scope: string, key: string): FactRef {
  return `${scope}.${key}`
}

export function splitFactRef(ref: FactRef): { scope: string; key: string } {
  const dot = ref.indexOf('.')
  if (dot < 0) return { scope: ref, key: '' }
  return { scope: ref.slice(0, dot), key: ref.slice(dot + 1) }
}
