// A refusal a user can meet: a stable code for programs, a Chinese sentence for people.
export class DomainError extends Error {
  readonly code: string
  readonly details: Readonly<Record<string, string>>

  constructor(code: string, message: string, details: Record<string, string> = {}) {
    super(message)
    this.name = 'DomainError'
    this.code = code
    this.details = details
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError
}
