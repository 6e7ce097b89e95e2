import type { SyncMeta } from '@shared/model/sync-meta'
import type { ViolationRecord } from '@shared/fines/violation-record'
import type { FineMonthState } from '@shared/fines/fine-month'

/** One setting, stored as JSON under its key. */
export interface SettingRow extends SyncMeta {
  value: string
}

/** A gap-free sequence, e.g. archive numbers within one year. */
export interface CounterRow extends SyncMeta {
  value: number
  /** For a device's audit sequence: the hash of its last event, the next event's prevHash. */
  lastHash?: string
  /** For a device's audit sequence: the counter's seal under the audit key (absent before keyed chains). */
  mac?: string
  /** For a device's audit sequence: the sequence a tampered counter claimed when the writer found it (sealed). */
  tamperedAt?: number
}

/** One version of a dealership policy; the policy object itself as JSON. */
export interface PolicyRow extends SyncMeta {
  policyId: string
  version: number
  name: string
  document: string
}

/** A violation as stored: the record other tools read, with its sync fields. */
export type ViolationRow = ViolationRecord & SyncMeta

/** A China calendar month of fines (id = 'YYYY-MM'): open or closed, and its pay cuts. */
export type FineMonthRow = FineMonthState & SyncMeta
