/** What a screen shows for a failed action: a refusal's Chinese sentence, or the error's own text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
