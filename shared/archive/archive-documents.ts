import type { DocumentTemplate, Policy } from '../policy'
import { documentRequirement, documentsInFilingOrder } from '../policy'
import type { ArchiveInput } from '../rules'
import type { ArchiveRecord } from './archive-record'

// Which documents of the policy's checklist an archive has, and which required ones it lacks
// (“资料不齐时需注明”): shown on the handover screen and printed on the handover sheet.

type ArchiveKindAndVisit = Pick<ArchiveRecord, 'kind' | 'visitType'>

function checklist(policy: Policy, archive: ArchiveKindAndVisit): readonly DocumentTemplate[] {
  return documentsInFilingOrder(policy.archiveTemplates[archive.kind])
}

const visitOf = (archive: ArchiveKindAndVisit) =>
  archive.kind === 'service' ? (archive.visitType ?? undefined) : undefined

/** Documents received, in filing order. */
export function documentsPresent(
  policy: Policy,
  archive: ArchiveKindAndVisit,
  input: ArchiveInput
): DocumentTemplate[] {
  return checklist(policy, archive).filter((d) => input.documents[d.code]?.present)
}

/** A fact as the checker entered it: 'archive.key' from the archive, 'document.key' from that document. */
function factOfInput(input: ArchiveInput): (ref: string) => unknown {
  return (ref) => {
    const [scope = '', key = ''] = ref.split('.')
    return scope === 'archive' ? input.facts?.[key] : input.documents[scope]?.facts?.[key]
  }
}

/** Documents the visit type (and the facts a document depends on) require that were not received, in filing order. */
export function requiredDocumentsMissing(
  policy: Policy,
  archive: ArchiveKindAndVisit,
  input: ArchiveInput
): DocumentTemplate[] {
  return checklist(policy, archive).filter(
    (d) =>
      documentRequirement(d, visitOf(archive), factOfInput(input)) === 'required' && !input.documents[d.code]?.present
  )
}
