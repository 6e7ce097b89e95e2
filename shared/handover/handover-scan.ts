import { DomainError } from '../model/domain-error'
import { normalizeInput, problemDetails, validateVin } from '../validation'

// What the receiver scans or types on a handover line: the whole VIN from the barcode, or — as in the
// list search — its last 6–8 characters read off the windscreen or the paper file.

export type HandoverScan = { kind: 'vin'; vin: string } | { kind: 'suffix'; suffix: string }

const VIN_SUFFIX = /^[A-HJ-NPR-Z0-9]{6,8}$/

export function readHandoverScan(raw: string): HandoverScan {
  const text = normalizeInput(raw)
    .toUpperCase()
    .replace(/[\s·.-]/g, '')
  if (VIN_SUFFIX.test(text)) return { kind: 'suffix', suffix: text }
  const vin = validateVin(text)
  if (!vin.ok) {
    throw new DomainError('HANDOVER_SCAN_INVALID', `${vin.reason}（请扫描完整车架号，或输入车架号后 6–8 位）`, {
      field: 'scan',
      ...problemDetails(vin)
    })
  }
  return { kind: 'vin', vin: vin.value }
}

/** The refusal when a suffix fits several files: the receiver picks one from the list shown. */
export function ambiguousScanError(suffix: string, count: number): DomainError {
  return new DomainError(
    'HANDOVER_SCAN_AMBIGUOUS',
    `车架号后 ${suffix.length} 位“${suffix}”对应 ${count} 份车辆档案，请从下面选择一份`,
    { field: 'scan', suffix, digits: String(suffix.length), count: String(count) }
  )
}
