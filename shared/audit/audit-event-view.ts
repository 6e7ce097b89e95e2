import type { SecrecyLevel } from '../operators/secrecy'
import { SECRECY_LABELS } from '../operators/secrecy'
import { maskPersonalInfoText } from '../vehicle/personal-info-mask'
import type { VehicleFile } from '../vehicle/vehicle-file'
import type { AuditEvent } from './audit-event'

// What a reader of the audit trail sees of an event: personal information masked by its shape wherever
// it sits (summary, JSON details), and nothing of a file the reader may not see. The stored event and
// its hash stay as they are; only the copy handed out is changed.

/** The files a reader may not see, and the records (archives) that hang on them. */
export interface WithheldRecords {
  /** Ids of hidden files and of the archives of those files, with the file's secrecy level. */
  entities: ReadonlyMap<string, SecrecyLevel>
  /** Texts that name a hidden file (VIN, archive number, plate, names, address), longest first. */
  values: readonly { text: string; secrecy: SecrecyLevel }[]
}

const NAMING_FIELDS = [
  'vin',
  'archiveNo',
  'plate',
  'plateTail',
  'ownerName',
  'contactName',
  'street',
  'ownerIdNumber',
  'ownerPhone',
  'ownerPhone2',
  'contactPhone'
] as const

export function withheldRecords(
  files: readonly VehicleFile[],
  archives: readonly { id: string; vehicleFileId: string }[]
): WithheldRecords {
  const entities = new Map<string, SecrecyLevel>()
  const values: { text: string; secrecy: SecrecyLevel }[] = []
  for (const file of files) {
    entities.set(file.id, file.secrecy)
    for (const field of NAMING_FIELDS) {
      const text = file[field]
      // Very short texts (a two-character name) would blank out unrelated words; the entity check covers their own events.
      if (text && text.length >= 2) values.push({ text, secrecy: file.secrecy })
    }
  }
  for (const archive of archives) {
    const secrecy = entities.get(archive.vehicleFileId)
    if (secrecy) entities.set(archive.id, secrecy)
  }
  values.sort((a, b) => b.text.length - a.text.length)
  return { entities, values }
}

const withheldLabel = (secrecy: SecrecyLevel) => `〔${SECRECY_LABELS[secrecy]}档案〕`

export function auditEventForReader(event: AuditEvent, withheld: WithheldRecords): AuditEvent {
  const hiddenEntity = withheld.entities.get(event.entityId)
  if (hiddenEntity) {
    return { ...event, changes: '{}', summary: `${withheldLabel(hiddenEntity)}（无权查看详情）` }
  }
  return { ...event, changes: textForReader(event.changes, withheld), summary: textForReader(event.summary, withheld) }
}

/** Any text handed to a reader (a summary, JSON details, a report line): hidden files unnamed, personal information masked. */
export function textForReader(text: string, withheld: WithheldRecords): string {
  let shown = text
  for (const { text: value, secrecy } of withheld.values) {
    if (shown.includes(value)) shown = shown.split(value).join(withheldLabel(secrecy))
  }
  return maskPersonalInfoText(shown)
}

/** The text the audit filter searches: what the reader sees, so a guessed full ID number finds nothing. */
export function auditSearchText(event: AuditEvent): string {
  return `${event.summary} ${event.actorName} ${event.changes}`
}
