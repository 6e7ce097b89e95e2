import { normalizeInput, validatePhone } from '../validation'

// What the search indexes hold beside a file, and how a typed entry is turned into the same form:
// one definition for the write (keys) and the read (lookups), so the two cannot drift apart.

const NAME_PUNCTUATION = /[·•・.]/g

/** A name as the search compares it: half-width, no spaces or middle dots, Latin letters upper-case. */
export function nameSearchText(name: string): string {
  return normalizeInput(name).replace(NAME_PUNCTUATION, '').toUpperCase()
}

/** How many characters of a name part the index holds; a longer entry is read by its start and checked whole. */
export const NAME_KEY_LENGTH = 8

/**
 * The names from their second character on (at least two characters, cut to NAME_KEY_LENGTH), once each:
 * a part inside a name starts one of them, so "恒通" finds 长春市恒通物流有限公司 with one bounded prefix
 * range read, however many other names hold a pair of its characters. The start of a name is read from the
 * owner and contact name indexes; only a name stored otherwise than the search compares it (a middle dot,
 * a space, lower-case letters) is indexed here from its first character too.
 */
export function nameSuffixes(...names: readonly (string | null)[]): string[] {
  const keys = new Set<string>()
  for (const name of names) {
    if (!name) continue
    const text = nameSearchText(name)
    const chars = [...text]
    for (let i = text === name ? 1 : 0; i + 1 < chars.length; i++)
      keys.add(chars.slice(i, i + NAME_KEY_LENGTH).join(''))
  }
  return [...keys]
}

/** The index key a typed name part is read by: its first NAME_KEY_LENGTH characters, as the index holds them. */
export function namePartKey(typed: string): string {
  return [...nameSearchText(typed)].slice(0, NAME_KEY_LENGTH).join('')
}

/** Whether a name holds the typed text anywhere, compared as the search compares names. */
export function nameContains(name: string | null, typed: string): boolean {
  return name !== null && nameSearchText(name).includes(nameSearchText(typed))
}

/**
 * The last four digits of a stored mobile or landline (尾号), without an extension. Stored phones are
 * normalised by validatePhone: mobiles as 11 digits, landlines as 0431-85551234[-123].
 */
export function phoneTail(stored: string | null): string | null {
  if (!stored) return null
  if (/^1\d{10}$/.test(stored)) return stored.slice(-4)
  const landline = /^0\d{2,3}-(\d{7,8})(?:-\d+)?$/.exec(stored)
  return landline ? landline[1]!.slice(-4) : null
}

export function phoneTails(...stored: readonly (string | null)[]): string[] {
  return [...new Set(stored.map(phoneTail).filter((tail): tail is string => tail !== null))]
}

/**
 * A typed phone as it is stored, when it is a whole number in any form the file form accepts
 * (043185551234, 0431-85551234, 0431 8555 1234, (0431)85551234, +86 138 0000 1234…); otherwise null.
 * Part of a number is never a phone query: a prefix search would give a masked number away digit by digit.
 */
export function wholePhoneQuery(typed: string): string | null {
  const result = validatePhone(typed)
  return result.ok ? result.value : null
}

/** Four digits typed alone: the tail of a phone (尾号), as people quote it. */
export function phoneTailQuery(typed: string): string | null {
  const digits = normalizeInput(typed)
  return /^\d{4}$/.test(digits) ? digits : null
}
