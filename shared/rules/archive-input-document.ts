import { z } from 'zod'
import { defineStoredDocument } from '../model/stored-document'
import { ARCHIVE_KINDS } from '../archive/archive-kind'
import type { ArchiveInput, ManualCheckResult } from './archive-input'
import type { ArchiveFailure } from './evaluate-archive'
import type { FactValue } from './fact-value'

// What an archive row keeps as JSON (archives.input / .manual, inspections.input / .manual / .failures),
// read back through the upgrade chain and these schemas, never by a cast.

const signatureEntrySchema = z.object({ role: z.string(), signedAt: z.string().nullable().optional() })

const factValueSchema: z.ZodType<FactValue> = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.string()),
  z.array(signatureEntrySchema),
  z.record(z.string(), z.number().nullable())
])

const factsSchema = z.record(z.string(), factValueSchema)

export const archiveInputSchema = z.object({
  kind: z.enum(ARCHIVE_KINDS as [string, ...string[]]),
  visitType: z.string().optional(),
  facts: factsSchema.optional(),
  documents: z.record(
    z.string(),
    z.object({
      present: z.boolean(),
      form: z.enum(['original', 'copy']).optional(),
      facts: factsSchema.optional()
    })
  )
}) as unknown as z.ZodType<ArchiveInput>

export const archiveInputDocument = defineStoredDocument<ArchiveInput>({
  kind: 'archiveInput',
  label: '档案检查录入',
  shape: 'fields',
  current: 1,
  upgrades: {},
  schema: archiveInputSchema
})

/** The checker's ticks by check code (a map, so kept wrapped: { documentVersion, items }). */
export const manualResultsDocument = defineStoredDocument<Record<string, ManualCheckResult>>({
  kind: 'manualResults',
  label: '人工检查结果',
  shape: 'wrapped',
  current: 1,
  upgrades: {},
  schema: z.record(z.string(), z.object({ passed: z.boolean(), note: z.string().optional() }))
})

/** What a nonconforming round printed on the 《不合格档案记录》 (a list, so kept wrapped). */
export const archiveFailuresDocument = defineStoredDocument<ArchiveFailure[]>({
  kind: 'archiveFailures',
  label: '不合格项记录',
  shape: 'wrapped',
  current: 1,
  upgrades: {},
  schema: z.array(
    z.object({
      documentCode: z.string(),
      documentName: z.string(),
      checkCode: z.string().nullable(),
      title: z.string(),
      message: z.string(),
      clause: z.string(),
      fineRuleCode: z.string().optional()
    })
  )
})
