// A vehicle file holds one sales archive (销售档案) and one service archive (服务档案) per workshop visit.

export type ArchiveKind = 'sales' | 'service'

export const ARCHIVE_KINDS: readonly ArchiveKind[] = ['sales', 'service']

export const ARCHIVE_KIND_LABELS: Readonly<Record<ArchiveKind, string>> = {
  sales: '销售档案',
  service: '服务档案'
}

/** Whether a department (of a staff member, say) is one that hands over archives of its own kind. */
export function isArchiveKind(value: string): value is ArchiveKind {
  return (ARCHIVE_KINDS as readonly string[]).includes(value)
}
