import { DomainError } from '../model/domain-error'

// Where a handover batch stands: lines are added while it is open, it is submitted for signatures, and
// both sides sign the printed sheet. The table is the whole machine, like the archives' one.

export type HandoverStatus = 'open' | 'submitted' | 'signed'

export const HANDOVER_STATUSES: readonly HandoverStatus[] = ['open', 'submitted', 'signed']

export const HANDOVER_STATUS_LABELS: Readonly<Record<HandoverStatus, string>> = {
  open: '登记中',
  submitted: '待签字',
  signed: '已签字'
}

export type HandoverEvent = 'submit' | 'sign'

export const HANDOVER_EVENT_LABELS: Readonly<Record<HandoverEvent, string>> = {
  submit: '提交待签字',
  sign: '双方签字'
}

export interface HandoverTransition {
  readonly from: HandoverStatus
  readonly event: HandoverEvent
  readonly to: HandoverStatus
}

export const HANDOVER_TRANSITIONS: readonly HandoverTransition[] = [
  { from: 'open', event: 'submit', to: 'submitted' },
  { from: 'submitted', event: 'sign', to: 'signed' }
]

/** A new handover starts here. */
export const INITIAL_HANDOVER_STATUS: HandoverStatus = 'open'

/** Lines are added only before the batch is submitted: where `submit` is still allowed. */
export const HANDOVER_STATUSES_TAKING_LINES: readonly HandoverStatus[] = HANDOVER_TRANSITIONS.filter(
  (t) => t.event === 'submit'
).map((t) => t.from)

export function allowedHandoverEvents(from: HandoverStatus): readonly HandoverEvent[] {
  return HANDOVER_TRANSITIONS.filter((t) => t.from === from).map((t) => t.event)
}

export function canTransitionHandover(from: HandoverStatus, event: HandoverEvent): boolean {
  return HANDOVER_TRANSITIONS.some((t) => t.from === from && t.event === event)
}

/** The status after `event`; DomainError('HANDOVER_ILLEGAL_TRANSITION') when the table does not allow it. */
export function transitionHandover(
  handover: { number: string; status: HandoverStatus },
  event: HandoverEvent
): HandoverStatus {
  const found = HANDOVER_TRANSITIONS.find((t) => t.from === handover.status && t.event === event)
  if (found) return found.to
  const status = HANDOVER_STATUS_LABELS[handover.status] ?? String(handover.status)
  const action = HANDOVER_EVENT_LABELS[event] ?? String(event)
  throw new DomainError('HANDOVER_ILLEGAL_TRANSITION', `交接单 ${handover.number} 当前为“${status}”，不能${action}`, {
    number: handover.number,
    status,
    event: action
  })
}
