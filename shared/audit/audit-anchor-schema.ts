import { z } from 'zod'
import type { AuditAnchor } from './audit-chain'

// An anchor as it crosses the desktop bridge and is read back from the anchor file: never by a cast.
const hex = (length: number) => z.string().regex(new RegExp(`^[0-9a-f]{${length}}$`))

export const auditAnchorSchema = z
  .object({
    deviceId: z.string().min(1).max(100),
    seq: z.number().int().min(1),
    hash: hex(64),
    at: z.iso.datetime(),
    reason: z.enum(['start', 'backup']),
    mac: hex(64)
  })
  .strict() satisfies z.ZodType<AuditAnchor>

/** Most anchors one append may carry (one per device head). */
export const MAX_ANCHORS_PER_APPEND = 100

/** Anchors as lines of the append-only anchor file (JSON, one per line). */
export function auditAnchorLines(anchors: readonly AuditAnchor[]): string {
  return anchors.map((anchor) => `${JSON.stringify(auditAnchorSchema.parse(anchor))}\n`).join('')
}

/** Reads the anchor file: every readable anchor, and the 1-based numbers of lines that are not one. */
export function parseAuditAnchorLines(text: string): { anchors: AuditAnchor[]; unreadableLines: number[] } {
  const anchors: AuditAnchor[] = []
  const unreadableLines: number[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    let parsed: ReturnType<typeof auditAnchorSchema.safeParse> | null = null
    try {
      parsed = auditAnchorSchema.safeParse(JSON.parse(line))
    } catch {
      // Not JSON: parsed stays null and the line is unreadable.
    }
    if (parsed?.success) anchors.push(parsed.data)
    else unreadableLines.push(index + 1)
  })
  return { anchors, unreadableLines }
}
