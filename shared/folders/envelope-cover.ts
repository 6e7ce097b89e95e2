import type { AuditEntry } from '../audit/audit-entry'
import type { PrintStamp } from '../audit/print-record'
import type { ArchiveRecord } from '../archive/archive-record'
import type { ArchiveInput } from '../rules/archive-input'
import type { ArchiveTemplates } from '../policy/archive-template'
import { documentsInFilingOrder } from '../policy/archive-template'
import type { VehicleFile } from '../vehicle/vehicle-file'

// Folders you can find (SVW-Skoda 二.3: 一车一档，使用统一标准的用户档案袋): the envelope cover with the
// archive number, VIN, plate, owner (masked), the checklist with ticks, the location and a barcode; and
// the labels of a shelf or box listing what it holds. The code printed is the archive number, so a scan
// types exactly what a person would type to find the file.

export const ENVELOPE_COVER_TITLE = '用户档案袋封面'
export const SHELF_LABELS_TITLE = '档案柜标签'

export interface CoverChecklistItem {
  name: string
  present: boolean
}

export interface CoverServiceLine {
  repairOrderNo: string
  date: string
}

export interface EnvelopeCoverContent {
  dealershipName: string
  title: string
  archiveNo: string
  /** What the barcode encodes (Code 128): the archive number. */
  code: string
  vin: string
  plate: string | null
  /** Masked as the access decision gave it. */
  ownerName: string
  series: string
  location: string
  /** The sales archive's documents in filing order, ticked where received. */
  checklist: CoverChecklistItem[]
  serviceLines: CoverServiceLine[]
}

export type EnvelopeCover = EnvelopeCoverContent & PrintStamp

/** The owner's name on a cover anyone in the room can read: 王*华, 李*, 长春****公司 (first and last character kept). */
export function maskOwnerName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length <= 1) return chars.join('')
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 2, 6))}${chars.at(-1)}`
}

/** Where a file is kept: 柜-层-盒 as the file records it, or 未入柜. */
export function locationText(file: Pick<VehicleFile, 'cabinet' | 'shelf' | 'box'>): string {
  const parts = [file.cabinet, file.shelf, file.box].filter((p): p is string => !!p && p.trim() !== '')
  return parts.length ? parts.join('-') : '未入柜'
}

/**
 * The cover of one file: the latest sales archive's documents ticked where received (the policy's
 * checklist), and the service archives filed in it by repair order.
 */
export function buildEnvelopeCover(
  file: VehicleFile,
  archives: readonly { record: ArchiveRecord; input: ArchiveInput | null }[],
  templates: Pick<ArchiveTemplates, 'sales'>,
  dealershipName: string
): EnvelopeCoverContent {
  const sales = archives.filter((a) => a.record.kind === 'sales' && a.record.deletedAt === null).at(-1)
  const received = sales?.input?.documents ?? {}
  return {
    dealershipName,
    title: ENVELOPE_COVER_TITLE,
    archiveNo: file.archiveNo,
    code: file.archiveNo,
    vin: file.vin,
    plate: file.plate,
    ownerName: maskOwnerName(file.ownerName),
    series: [file.series, file.model].filter(Boolean).join(' '),
    location: locationText(file),
    checklist: documentsInFilingOrder(templates.sales).map((d) => ({
      name: d.name,
      present: received[d.code]?.present === true
    })),
    serviceLines: archives
      .filter((a) => a.record.kind === 'service' && a.record.deletedAt === null && a.record.repairOrderNo)
      .map((a) => ({
        repairOrderNo: a.record.repairOrderNo!,
        date: (a.record.anchorAt ?? a.record.createdAt).slice(0, 10)
      }))
  }
}

export interface ShelfPlace {
  cabinet: string
  shelf?: string | null
  box?: string | null
}

export interface ShelfLabel {
  /** 柜-层-盒 */
  place: string
  /** What the barcode encodes: the place, so a scan names the box. */
  code: string
  files: { archiveNo: string; plate: string | null; ownerName: string }[]
}

export interface ShelfLabelsContent {
  dealershipName: string
  title: string
  scope: string
  labels: ShelfLabel[]
}

export type ShelfLabels = ShelfLabelsContent & PrintStamp

/** One label per box (柜-层-盒) of the files given, in place order; each lists its files by archive number. */
export function buildShelfLabels(
  files: readonly VehicleFile[],
  scope: string,
  dealershipName: string
): ShelfLabelsContent {
  const byPlace = new Map<string, VehicleFile[]>()
  for (const file of files) {
    const place = locationText(file)
    byPlace.set(place, [...(byPlace.get(place) ?? []), file])
  }
  const labels = [...byPlace.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true }))
    .map(([place, inPlace]) => ({
      place,
      code: place,
      files: [...inPlace]
        .sort((a, b) => a.archiveNo.localeCompare(b.archiveNo))
        .map((f) => ({ archiveNo: f.archiveNo, plate: f.plate, ownerName: f.ownerName }))
    }))
  return { dealershipName, title: SHELF_LABELS_TITLE, scope, labels }
}

/** Whether a file lies in `place` (a cabinet, a shelf of it, or one box). */
export function inPlace(file: Pick<VehicleFile, 'cabinet' | 'shelf' | 'box'>, place: ShelfPlace): boolean {
  if (file.cabinet !== place.cabinet) return false
  if (place.shelf && file.shelf !== place.shelf) return false
  if (place.box && file.box !== place.box) return false
  return true
}

export function placeText(place: ShelfPlace): string {
  return [place.cabinet, place.shelf, place.box].filter((p) => !!p && p.trim() !== '').join('-')
}

/**
 * What a scanner typed, cleaned: USB scanners send the code's characters then Enter; some add a
 * tab or a space. Code 128 keeps case, so the code is compared as typed.
 */
export function readScannedCode(typed: string): string {
  return typed.replace(/\s+/g, '')
}

export function coverPrintEntry(fileId: string, cover: EnvelopeCoverContent): AuditEntry {
  return {
    action: 'print',
    entity: 'vehicleFile',
    entityId: fileId,
    changes: { document: 'envelopeCover', title: cover.title, archiveNo: cover.archiveNo },
    summary: `打印${cover.title} ${cover.archiveNo}`
  }
}

export function shelfLabelsPrintEntry(labels: ShelfLabelsContent): AuditEntry {
  return {
    action: 'print',
    entity: 'shelf',
    entityId: labels.scope,
    changes: {
      document: 'shelfLabels',
      title: labels.title,
      scope: labels.scope,
      labels: labels.labels.length,
      files: labels.labels.reduce((n, l) => n + l.files.length, 0)
    },
    summary: `打印${labels.title}（${labels.scope}，${labels.labels.length} 张）`
  }
}
