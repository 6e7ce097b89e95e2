// What a checker records for a fact. `undefined` (absent) means not entered yet; `null` means the
// checker looked and the paper is blank there. Dates and times are kept as written so rules can judge them.

/** One signature found on a form, with the time written beside it ('14:30', '2026-03-05 14:30', '2026-03-05'). */
export interface SignatureEntry {
  readonly role: string
  readonly signedAt?: string | null
}

export type FactValue =
  | string
  | number
  | boolean
  | readonly string[]
  | readonly SignatureEntry[]
  | Readonly<Record<string, number | null>>
  | null
