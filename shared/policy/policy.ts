import type { ArchiveTemplates } from './archive-template'
import type { DeadlinesPolicy } from './deadline-rule'
import type { FinesPolicy } from './fine-schedule'
import type { LoanPolicy } from './loan-policy'
import type { PrintedFormsPolicy } from './printed-forms'
import type { ReconciliationPolicy } from './reconciliation-policy'
import type { RetentionPolicy } from './retention-policy'
import type { SignOffPolicy } from './sign-off-policy'
import type { VehicleFieldRequirement } from '../vehicle/vehicle-field-requirement'

// A dealership's archive policy as data. Versions are immutable: every checked archive, fine and due
// date records the policy id + version it was computed under, so an edit makes a new version.

export type PresetId = 'faw-vw' | 'svw-skoda'

export interface Policy {
  readonly id: string
  /** The preset it was cloned from ('faw-vw', 'svw-skoda', or a dealership's own base). */
  readonly presetId: PresetId | (string & {})
  readonly name: string
  readonly version: number
  readonly basedOnVersion?: number
  /** ISO 8601 date-time. */
  readonly createdAt: string
  /** The policy texts this one is written from, for the clause references. */
  readonly sources: readonly string[]
  readonly archiveTemplates: ArchiveTemplates
  readonly deadlines: DeadlinesPolicy
  readonly fines: FinesPolicy
  readonly retention: RetentionPolicy
  readonly loans: LoanPolicy
  readonly reconciliation: ReconciliationPolicy
  readonly signOff: SignOffPolicy
  /** Form titles and department names as the text writes them; absent in policies saved before (see printedForms). */
  readonly forms?: PrintedFormsPolicy
  /** Vehicle-file fields that must be maintained (FAW-VW 五(二)3); absent: none beyond the file's own. */
  readonly vehicleFile?: VehicleFieldRequirement
}

/** The parts of a policy an edit may change; identity, version and dates are set by revisePolicy. */
export type PolicyChanges = Partial<
  Pick<
    Policy,
    | 'name'
    | 'sources'
    | 'archiveTemplates'
    | 'deadlines'
    | 'fines'
    | 'retention'
    | 'loans'
    | 'reconciliation'
    | 'signOff'
    | 'forms'
    | 'vehicleFile'
  >
>

/** What every evaluation records. */
export interface PolicyVersionRef {
  readonly policyId: string
  readonly policyVersion: number
}
