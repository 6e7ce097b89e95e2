// Either the normalised value to store, or a Chinese sentence to show the user.
export type ValidationResult = { ok: true; value: string } | { ok: false; reason: string }

export function accept(value: string): ValidationResult {
  return { ok: true, value }
}

export function refuse(reason: string): ValidationResult {
  return { ok: false, reason }
}
