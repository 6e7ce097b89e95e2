import type { KeyboardEvent } from 'react'

const FOCUSABLE =
  'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button[type=submit]:not([disabled])'

/**
 * Enter moves to the next field, as on paper forms typed all day; a barcode scanner types a code
 * and presses Enter, so a scan lands in one field and the cursor moves on. Textareas keep Enter.
 */
export function moveOnEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return
  const target = event.target as HTMLElement
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLButtonElement) return
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return
  event.preventDefault()
  const fields = Array.from(event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE))
  const next = fields[fields.indexOf(target) + 1]
  next?.focus()
  if (next instanceof HTMLInputElement) next.select()
}
