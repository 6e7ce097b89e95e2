import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'

// The column mapping an import screen last used, per source, offered again next time: the 'importMappings'
// settings row. A mapping names headers (field → header text), so it still fits when the columns move.

export type ImportSource = 'vehicleFiles' | 'deliveries' | 'repairOrders'

export const IMPORT_SOURCES: readonly ImportSource[] = ['vehicleFiles', 'deliveries', 'repairOrders']

export type ImportMapping = Readonly<Record<string, string>>
export type ImportMappings = Readonly<Partial<Record<ImportSource, ImportMapping>>>

const mappingSchema = z.record(z.string().max(60), z.string().max(200))

export const importMappingsDocument = defineStoredDocument<ImportMappings>({
  kind: 'importMappings',
  label: '导入列对应关系',
  shape: 'wrapped',
  current: 1,
  upgrades: {},
  schema: z.object({
    vehicleFiles: mappingSchema.optional(),
    deliveries: mappingSchema.optional(),
    repairOrders: mappingSchema.optional()
  })
})

/** A mapping without blank choices, as it is kept. */
export function keptMapping(mapping: Readonly<Record<string, string | undefined>>): ImportMapping {
  return Object.fromEntries(
    Object.entries(mapping).flatMap(([field, header]) => (header?.trim() ? [[field, header.trim()]] : []))
  )
}
