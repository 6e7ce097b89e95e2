import type { AuditEntry } from '../audit/audit-entry'
import { DomainError } from '../model/domain-error'
import type { Handover } from './handover'
import type { HandoverEvent } from './handover-status'
import { HANDOVER_EVENT_LABELS, HANDOVER_STATUS_LABELS, transitionHandover } from './handover-status'

// A handover's status change, as the record to write and its audit event.

const SUMMARIES: Readonly<Record<HandoverEvent, string>> = {
  submit: '交接单提交待签字',
  sign: '交接单双方已签字'
}

/**
 * `event` applied to `handover` holding `lineCount` archives, at `at` by `operatorId`: refused when the
 * transition table forbids it, or when an empty batch would go for signatures.
 */
export function handoverStep(
  handover: Handover,
  event: HandoverEvent,
  lineCount: number,
  at: string,
  operatorId: string
): { handover: Handover; audit: AuditEntry } {
  const status = transitionHandover(handover, event)
  if (event === 'submit' && lineCount === 0)
    throw new DomainError('HANDOVER_EMPTY', `交接单 ${handover.number} 上还没有档案，请先扫描车架号添加`, {
      number: handover.number,
      event: HANDOVER_EVENT_LABELS[event]
    })
  const next: Handover = {
    ...handover,
    status,
    signedAt: status === 'signed' ? at : handover.signedAt,
    updatedAt: at,
    updatedBy: operatorId,
    rev: handover.rev + 1
  }
  return {
    handover: next,
    audit: {
      action: 'status.change',
      entity: 'handover',
      entityId: handover.id,
      changes: { status: [HANDOVER_STATUS_LABELS[handover.status], HANDOVER_STATUS_LABELS[status]] },
      summary: `${SUMMARIES[event]} ${handover.number}`
    }
  }
}
