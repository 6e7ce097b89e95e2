// How long a vehicle file is kept, sealed and at the earliest destroyed.

/** 汽车销售管理办法 (2017): sales and customer archives are kept at least 10 years. */
export const LEGAL_MINIMUM_RETENTION_YEARS = 10

/**
 * 'since_last_visit': every repair or maintenance visit restarts the clock.
 * 'since_creation': only a visit within the first N years after the file was created counts.
 */
export type DormancyClock = 'since_last_visit' | 'since_creation'

export interface RetentionPolicy {
  /** FAW-VW 四.1: a vehicle still serviced here is kept until its last repair + N years. */
  readonly keepYearsAfterLastService: number | null
  /** FAW-VW 四.2: no service for `noServiceYears` → kept `keepYearsFromCreation` from the file's creation… */
  readonly dormancy: { readonly noServiceYears: number; readonly keepYearsFromCreation: number } | null
  /**
   * Where FAW-VW 四.2's "3年内…没有在本店维修、保养记录" window starts; the text leaves it open.
   * Absent = 'since_last_visit' (see shared/retention/seal-due-date.ts for why).
   */
  readonly dormancyClock?: DormancyClock
  /** …then moved to the archive store and sealed (封存). */
  readonly onExpiry: 'seal'
  /** Destruction never before N years from the file's creation (at least the legal minimum). */
  readonly destroyNotBeforeYears: number
  /** Destruction needs approval level by level and is logged. */
  readonly destructionNeedsApproval: boolean
  readonly clause: string
}
