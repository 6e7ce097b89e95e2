import { DomainError } from '../model/domain-error'
import type { VehicleOrigin } from './vehicle-file'

// The dealership's own archive-number format (档案编号), e.g. "{ORIGIN}{YYYY}-{SEQ:5}" → XS2026-00001.
// The sequence counts within everything the pattern prints before it, so "{YYYY}" restarts it yearly.

export const DEFAULT_ARCHIVE_NO_PATTERN = '{ORIGIN}{YYYY}-{SEQ:5}'
export const ORIGIN_CODES: Record<VehicleOrigin, string> = { sold_here: 'XS', serviced_only: 'WX' }

const TOKEN = /\{(YYYY|YY|MM|DD|ORIGIN|SEQ:(\d))\}/g
const LITERAL = /^[A-Z0-9\-_/]*$/
export const ARCHIVE_NO_CHARS = /^[A-Z0-9\-_/]{1,40}$/

export interface ArchiveNoContext {
  /** ISO date the file is created, YYYY-MM-DD. */
  date: string
  origin: VehicleOrigin
}

export function validateArchiveNoPattern(pattern: string): { ok: true } | { ok: false; reason: string } {
  const seqTokens = [...pattern.matchAll(TOKEN)].filter((m) => m[1]!.startsWith('SEQ'))
  if (seqTokens.length !== 1) return { ok: false, reason: '编号规则必须包含且只包含一个流水号 {SEQ:n}（n 为 3–8 位）' }
  const width = Number(seqTokens[0]![2])
  if (width < 3 || width > 8) return { ok: false, reason: '流水号位数应为 3–8 位，如 {SEQ:5}' }
  const literals = pattern.replace(TOKEN, '')
  if (/[{}]/.test(literals))
    return { ok: false, reason: '编号规则含有无法识别的占位符，可用：{YYYY} {YY} {MM} {DD} {ORIGIN} {SEQ:n}' }
  if (!LITERAL.test(literals)) return { ok: false, reason: '编号规则中的固定字符只能是大写字母、数字、- _ /' }
  const sample = formatArchiveNo(pattern, { date: '2026-12-31', origin: 'serviced_only' }, 10 ** width - 1)
  if (sample.length > 40) return { ok: false, reason: '按此规则生成的编号超过 40 个字符' }
  return { ok: true }
}

function renderTokens(pattern: string, ctx: ArchiveNoContext, seqText: (width: number) => string): string {
  const [yyyy, mm, dd] = ctx.date.split('-') as [string, string, string]
  return pattern.replace(TOKEN, (_all, token: string, width?: string) => {
    switch (token) {
      case 'YYYY':
        return yyyy
      case 'YY':
        return yyyy.slice(2)
      case 'MM':
        return mm
      case 'DD':
        return dd
      case 'ORIGIN':
        return ORIGIN_CODES[ctx.origin]
      default:
        return seqText(Number(width))
    }
  })
}

/** The counter a number draws from: the pattern printed without its sequence. */
export function archiveNoSequenceScope(pattern: string, ctx: ArchiveNoContext): string {
  return renderTokens(pattern, ctx, () => '#')
}

/** The id of the counter row a number draws from. */
export function archiveNoCounterId(pattern: string, ctx: ArchiveNoContext): string {
  return `archiveNo:${archiveNoSequenceScope(pattern, ctx)}`
}

/** What every number of this scope starts with: the pattern printed up to its sequence. */
export function archiveNoSequencePrefix(pattern: string, ctx: ArchiveNoContext): string {
  return renderTokens(pattern, ctx, () => '\u0000').split('\u0000')[0]!
}

/**
 * The highest sequence each counter must reach once these files are stored (counter id → sequence): numbers
 * typed by hand that follow the pattern move it on too, so the next number given is never one in use.
 */
export function highestArchiveNoSequences(
  pattern: string,
  files: readonly { archiveNo: string; origin: VehicleOrigin }[],
  date: string
): Map<string, number> {
  const highest = new Map<string, number>()
  for (const file of files) {
    const ctx = { date, origin: file.origin }
    const seq = parseArchiveNoSequence(pattern, ctx, file.archiveNo)
    if (seq === null) continue
    const id = archiveNoCounterId(pattern, ctx)
    highest.set(id, Math.max(seq, highest.get(id) ?? 0))
  }
  return highest
}

export function formatArchiveNo(pattern: string, ctx: ArchiveNoContext, seq: number): string {
  if (!Number.isInteger(seq) || seq < 1) throw new DomainError('ARCHIVE_NO_BAD_SEQUENCE', '档案流水号必须是正整数')
  return renderTokens(pattern, ctx, (width) => {
    const text = String(seq)
    if (text.length > width)
      throw new DomainError('ARCHIVE_NO_SEQUENCE_FULL', `流水号已超过 ${width} 位，请在设置中加长编号规则的流水号`, {
        width: String(width)
      })
    return text.padStart(width, '0')
  })
}

/** The sequence number inside `archiveNo` when it follows the pattern for this context, else null. */
export function parseArchiveNoSequence(pattern: string, ctx: ArchiveNoContext, archiveNo: string): number | null {
  const marker = '\u0000'
  const template = renderTokens(pattern, ctx, () => marker)
  const [prefix, suffix] = template.split(marker) as [string, string]
  if (!archiveNo.startsWith(prefix) || !archiveNo.endsWith(suffix)) return null
  const digits = archiveNo.slice(prefix.length, archiveNo.length - suffix.length)
  return /^\d+$/.test(digits) ? Number(digits) : null
}
