// A vehicle file holds one sales archive (销售档案) and one service archive (服务档案) per workshop visit.

export type ArchiveKind = 'sales' | 'service'

export const ARCHIVE_KINDS: readonly ArchiveKind[] = ['sales', 'service']

export const ARCHIVE_KIND_LABELS: Readonly<Record<ArchiveKind, string>> = {
  sales: '销售档案',
  service: '服务档案'
}
