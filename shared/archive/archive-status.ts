import { DomainError } from '../model/domain-error'

// Where a sales or service archive stands in customer care's hands. The table is the whole machine:
// the UI shows the allowed actions from it, and every status change goes through `transition`.

export type ArchiveStatus =
  'expected' | 'handed_over' | 'inspecting' | 'accepted' | 'filed' | 'nonconforming' | 'returned' | 'resubmitted'

export const ARCHIVE_STATUSES: readonly ArchiveStatus[] = [
  'expected',
  'handed_over',
  'inspecting',
  'accepted',
  'filed',
  'nonconforming',
  'returned',
  'resubmitted'
]

export const ARCHIVE_STATUS_LABELS: Readonly<Record<ArchiveStatus, string>> = {
  expected: '待交接',
  handed_over: '已交接待检',
  inspecting: '检查中',
  accepted: '合格',
  filed: '已归档',
  nonconforming: '不合格',
  returned: '已退回整改',
  resubmitted: '整改后已交回'
}

export type ArchiveEvent =
  'receive' | 'start_inspection' | 'accept' | 'reject' | 'file' | 'return_for_correction' | 'resubmit' | 'reopen'

export const ARCHIVE_EVENTS: readonly ArchiveEvent[] = [
  'receive',
  'start_inspection',
  'accept',
  'reject',
  'file',
  'return_for_correction',
  'resubmit',
  'reopen'
]

export const ARCHIVE_EVENT_LABELS: Readonly<Record<ArchiveEvent, string>> = {
  receive: '交接签收',
  start_inspection: '开始检查',
  accept: '判定合格',
  reject: '判定不合格',
  file: '归档入柜',
  return_for_correction: '退回整改',
  resubmit: '整改交回',
  reopen: '重新检查'
}

export interface ArchiveTransition {
  readonly from: ArchiveStatus
  readonly event: ArchiveEvent
  readonly to: ArchiveStatus
}

/**
 * expected: the DMS/CRM export lists it (reconciliation) but it has not been handed over yet.
 * An archive handed over without being expected starts at handed_over.
 * Every inspection round starts at inspecting: after a handover, after a correction, or when a
 * checked archive is reopened (an error found later, e.g. in the half-year inspection).
 */
export const ARCHIVE_TRANSITIONS: readonly ArchiveTransition[] = [
  { from: 'expected', event: 'receive', to: 'handed_over' },
  { from: 'handed_over', event: 'start_inspection', to: 'inspecting' },
  { from: 'inspecting', event: 'accept', to: 'accepted' },
  { from: 'inspecting', event: 'reject', to: 'nonconforming' },
  { from: 'accepted', event: 'file', to: 'filed' },
  { from: 'nonconforming', event: 'return_for_correction', to: 'returned' },
  { from: 'returned', event: 'resubmit', to: 'resubmitted' },
  { from: 'resubmitted', event: 'start_inspection', to: 'inspecting' },
  { from: 'accepted', event: 'reopen', to: 'inspecting' },
  { from: 'filed', event: 'reopen', to: 'inspecting' }
]

/** Where a new archive record may start. */
export const INITIAL_ARCHIVE_STATUSES: readonly ArchiveStatus[] = ['expected', 'handed_over']

/** The statuses in which any of `events` is allowed, in the order of ARCHIVE_STATUSES. */
export function statusesAllowing(...events: readonly ArchiveEvent[]): readonly ArchiveStatus[] {
  return ARCHIVE_STATUSES.filter((status) => events.some((event) => canTransition(status, event)))
}

/** Where an inspection round can be saved and judged: a round can open there, or one is open. */
export const INSPECTABLE_STATUSES: readonly ArchiveStatus[] = statusesAllowing('start_inspection', 'accept')

/** Judged nonconforming and not yet back from correction. */
export const IN_CORRECTION_STATUSES: readonly ArchiveStatus[] = statusesAllowing('return_for_correction', 'resubmit')

/** Out with the advisor for correction: the corrected file can be handed back. */
export const AWAITING_RESUBMISSION_STATUSES: readonly ArchiveStatus[] = statusesAllowing('resubmit')

/** Accepted and waiting for its place in the cabinet. */
export const READY_TO_FILE_STATUSES: readonly ArchiveStatus[] = statusesAllowing('file')

function isStatus(value: string): value is ArchiveStatus {
  return (ARCHIVE_STATUSES as readonly string[]).includes(value)
}

function isEvent(value: string): value is ArchiveEvent {
  return (ARCHIVE_EVENTS as readonly string[]).includes(value)
}

/** The events allowed in a status, in the table's order (for the UI's action buttons). */
export function allowedArchiveEvents(from: ArchiveStatus): readonly ArchiveEvent[] {
  return ARCHIVE_TRANSITIONS.filter((t) => t.from === from).map((t) => t.event)
}

export function canTransition(from: ArchiveStatus, event: ArchiveEvent): boolean {
  return ARCHIVE_TRANSITIONS.some((t) => t.from === from && t.event === event)
}

/** The status after `event`; DomainError('ARCHIVE_ILLEGAL_TRANSITION') when the table does not allow it. */
export function transition(from: ArchiveStatus, event: ArchiveEvent): ArchiveStatus {
  const found = ARCHIVE_TRANSITIONS.find((t) => t.from === from && t.event === event)
  if (found) return found.to
  const fromLabel = isStatus(from) ? ARCHIVE_STATUS_LABELS[from] : String(from)
  const eventLabel = isEvent(event) ? ARCHIVE_EVENT_LABELS[event] : String(event)
  const allowed = isStatus(from)
    ? allowedArchiveEvents(from)
        .map((e) => `“${ARCHIVE_EVENT_LABELS[e]}”`)
        .join('、')
    : ''
  const hint = allowed === '' ? '' : `，可执行：${allowed}`
  throw new DomainError('ARCHIVE_ILLEGAL_TRANSITION', `当前状态“${fromLabel}”不能执行“${eventLabel}”${hint}`, {
    from: String(from),
    event: String(event),
    allowed: isStatus(from) ? allowedArchiveEvents(from).join(',') : ''
  })
}
