import type { Policy } from '../policy'
import { ARCHIVE_KIND_LABELS } from './archive-kind'
import type { ArchiveRecord } from './archive-record'

/** The policy's name of a service archive's visit type (首保, 保养, …); null for sales archives. */
export function visitTypeName(policy: Policy, archive: Pick<ArchiveRecord, 'kind' | 'visitType'>): string | null {
  if (archive.kind !== 'service' || !archive.visitType) return null
  return policy.archiveTemplates.service.visitTypes.find((v) => v.code === archive.visitType)?.name ?? archive.visitType
}

/** 销售档案, or 服务档案·首保. */
export function archiveLabel(policy: Policy, archive: Pick<ArchiveRecord, 'kind' | 'visitType'>): string {
  const visit = visitTypeName(policy, archive)
  return visit ? `${ARCHIVE_KIND_LABELS[archive.kind]}·${visit}` : ARCHIVE_KIND_LABELS[archive.kind]
}
