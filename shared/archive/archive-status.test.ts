import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { DomainError } from '../model/domain-error'
import {
  allowedArchiveEvents,
  ARCHIVE_EVENT_LABELS,
  ARCHIVE_EVENTS,
  ARCHIVE_STATUS_LABELS,
  ARCHIVE_STATUSES,
  ARCHIVE_TRANSITIONS,
  canTransition,
  INITIAL_ARCHIVE_STATUSES,
  transition
} from './archive-status'
import type { ArchiveEvent, ArchiveStatus } from './archive-status'

const allowed = (from: ArchiveStatus, event: ArchiveEvent) =>
  ARCHIVE_TRANSITIONS.some((t) => t.from === from && t.event === event)

describe('the archive status table', () => {
  it('is the documented life of an archive', () => {
    expect(ARCHIVE_TRANSITIONS.map((t) => `${t.from} --${t.event}--> ${t.to}`)).toEqual([
      'expected --receive--> handed_over',
      'handed_over --start_inspection--> inspecting',
      'inspecting --accept--> accepted',
      'inspecting --reject--> nonconforming',
      'accepted --file--> filed',
      'nonconforming --return_for_correction--> returned',
      'returned --resubmit--> resubmitted',
      'resubmitted --start_inspection--> inspecting',
      'accepted --reopen--> inspecting',
      'filed --reopen--> inspecting'
    ])
  })

  it('has a Chinese label for every status and event', () => {
    for (const status of ARCHIVE_STATUSES) expect(ARCHIVE_STATUS_LABELS[status]).toMatch(/[\u4e00-\u9fff]/)
    for (const event of ARCHIVE_EVENTS) expect(ARCHIVE_EVENT_LABELS[event]).toMatch(/[\u4e00-\u9fff]/)
  })

  it('is deterministic: one target per status and event', () => {
    const keys = ARCHIVE_TRANSITIONS.map((t) => `${t.from}/${t.event}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('reaches every status from a starting status', () => {
    const reached = new Set<ArchiveStatus>(INITIAL_ARCHIVE_STATUSES)
    for (let size = -1; size !== reached.size;) {
      size = reached.size
      for (const t of ARCHIVE_TRANSITIONS) if (reached.has(t.from)) reached.add(t.to)
    }
    expect([...reached].sort()).toEqual([...ARCHIVE_STATUSES].sort())
  })
})

describe('transition', () => {
  it.each(ARCHIVE_TRANSITIONS.map((t) => [t.from, t.event, t.to] as const))('%s + %s → %s', (from, event, to) => {
    expect(transition(from, event)).toBe(to)
    expect(canTransition(from, event)).toBe(true)
    expect(allowedArchiveEvents(from)).toContain(event)
  })

  const refused = ARCHIVE_STATUSES.flatMap((from) =>
    ARCHIVE_EVENTS.filter((event) => !allowed(from, event)).map((event) => [from, event] as const)
  )

  it.each(refused)('refuses %s + %s in Chinese', (from, event) => {
    expect(canTransition(from, event)).toBe(false)
    try {
      transition(from, event)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError)
      expect((error as DomainError).code).toBe('ARCHIVE_ILLEGAL_TRANSITION')
      expect((error as DomainError).message).toMatch(
        new RegExp(`^当前状态“${ARCHIVE_STATUS_LABELS[from]}”不能执行“${ARCHIVE_EVENT_LABELS[event]}”`)
      )
      expect((error as DomainError).details).toEqual({ from, event, allowed: allowedArchiveEvents(from).join(',') })
    }
  })

  it('tells the user what is allowed instead', () => {
    expect(() => transition('filed', 'return_for_correction')).toThrow(
      '当前状态“已归档”不能执行“退回整改”，可执行：“重新检查”'
    )
    expect(() => transition('inspecting', 'file')).toThrow(
      '当前状态“检查中”不能执行“归档入柜”，可执行：“判定合格”、“判定不合格”'
    )
  })

  it('refuses statuses and events that are not in the table at all (e.g. from old data)', () => {
    expect(() => transition('lost' as ArchiveStatus, 'receive')).toThrow('当前状态“lost”不能执行“交接签收”')
    expect(() => transition('expected', 'destroy' as ArchiveEvent)).toThrow('当前状态“待交接”不能执行“destroy”')
  })

  it('covers every status × event pair between the two lists above', () => {
    expect(ARCHIVE_TRANSITIONS.length + refused.length).toBe(ARCHIVE_STATUSES.length * ARCHIVE_EVENTS.length)
  })

  it('every walk through allowed actions stays in the table; an archive is filed only after being accepted', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...INITIAL_ARCHIVE_STATUSES),
        fc.array(fc.nat(), { maxLength: 30 }),
        (start, choices) => {
          let status: ArchiveStatus = start
          for (const choice of choices) {
            const events = allowedArchiveEvents(status)
            const event = events[choice % events.length]
            if (event === undefined) break
            const next = transition(status, event)
            if (next === 'filed') expect(status).toBe('accepted')
            if (next === 'returned') expect(status).toBe('nonconforming')
            status = next
          }
          expect(ARCHIVE_STATUSES).toContain(status)
        }
      )
    )
  })
})
