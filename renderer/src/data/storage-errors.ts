import Dexie from 'dexie'
import { DomainError } from '@shared/model/domain-error'

// The disk (or the browser's quota) is full. IndexedDB aborts the transaction, so nothing was
// half-written; the person must hear that space ran out, not that a backup "is damaged".

export const STORAGE_FULL = 'STORAGE_FULL'

export function storageFull(): DomainError {
  return new DomainError(STORAGE_FULL, '存储空间不足，操作未完成，数据没有任何改动。请清理磁盘空间后重试')
}

/** Is this (or what it wraps) the browser's QuotaExceededError? */
export function isQuotaExceeded(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth++) {
    const { name, inner, cause } = e as { name?: unknown; inner?: unknown; cause?: unknown }
    if (name === 'QuotaExceededError' || name === Dexie.errnames.QuotaExceeded) return true
    e = inner ?? cause
  }
  return false
}

/** The data layer's mapping: a full disk becomes STORAGE_FULL; anything else passes unchanged. */
export function mapStorageError(error: unknown): unknown {
  return isQuotaExceeded(error) ? storageFull() : error
}
