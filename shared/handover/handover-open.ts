import { ARCHIVE_KINDS } from '../archive/archive-kind'
import type { ArchiveKind } from '../archive/archive-kind'
import type { AuditEntry } from '../audit/audit-entry'
import { chinaDayStamp } from '../time'
import { DomainError } from '../model/domain-error'
import type { Actor } from '../model/sync-meta'
import { newSyncMeta } from '../model/sync-meta'
import type { Policy } from '../policy'
import type { Handover } from './handover'
import { handedByNameSchema, parseHandoverText } from './handover-input'
import { INITIAL_HANDOVER_STATUS } from './handover-status'

// Opening a handover batch: who hands over from which department, numbered per China day.

export interface NewHandover {
  department: ArchiveKind
  handedByName: string
}

/** The counter a China day's handover numbers draw from. */
export function handoverCounterId(at: Date): string {
  return `handover:${chinaDayStamp(at)}`
}

/** JJ20261122-001: the day's first handover (China time). */
export function handoverNumber(at: Date, seq: number): string {
  return `JJ${chinaDayStamp(at)}-${String(seq).padStart(3, '0')}`
}

/** Checks what was typed before anything is read or written: the name is clean, the department one of the two. */
export function checkNewHandover(input: NewHandover): NewHandover {
  const handedByName = parseHandoverText(handedByNameSchema, input.handedByName, 'handedByName')
  if (!ARCHIVE_KINDS.includes(input.department))
    throw new DomainError('HANDOVER_DEPARTMENT_REQUIRED', '请选择交档部门', { field: 'department' })
  return { department: input.department, handedByName }
}

/** The new handover (the day's `seq`-th) received by `receivedByName` under `policy`, with its audit event. */
export function openHandover(
  input: NewHandover,
  policy: Pick<Policy, 'id' | 'version'>,
  seq: number,
  id: string,
  actor: Actor,
  receivedByName: string,
  at: Date
): { handover: Handover; audit: AuditEntry } {
  const checked = checkNewHandover(input)
  const stamp = at.toISOString()
  const handover: Handover = {
    ...newSyncMeta(id, actor, stamp),
    number: handoverNumber(at, seq),
    department: checked.department,
    handedByName: checked.handedByName,
    receivedByName,
    handedAt: stamp,
    status: INITIAL_HANDOVER_STATUS,
    signedAt: null,
    policyId: policy.id,
    policyVersion: policy.version
  }
  return {
    handover,
    audit: {
      action: 'create',
      entity: 'handover',
      entityId: handover.id,
      changes: { number: [null, handover.number], handedByName: [null, handover.handedByName] },
      summary: `开始交接 ${handover.number}（${handover.handedByName} 交档）`
    }
  }
}
