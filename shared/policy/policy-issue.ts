// One thing wrong with an edited policy: where, and a Chinese sentence saying what to fix.

export interface PolicyIssue {
  readonly path: readonly (string | number)[]
  readonly message: string
}
