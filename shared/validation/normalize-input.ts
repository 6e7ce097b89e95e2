// Chinese input methods produce full-width forms; U+FF01–FF5E map 1:1 onto ASCII 0x21–0x7E.
const FULL_WIDTH_ASCII = /[\uff01-\uff5e]/g
const FULL_WIDTH_TO_ASCII_OFFSET = 0xfee0
const IDEOGRAPHIC_SPACE = /\u3000/g
// \s covers U+3000, NBSP and friends; zero-width characters arrive with text pasted from web pages.
const WHITESPACE_AND_INVISIBLES = /[\s\u200b-\u200d\u2060\ufeff]/g

/** Full-width ASCII → half-width and ideographic space → space; leaves everything else (e.g. Chinese) alone. */
export function toHalfWidth(input: string): string {
  return input
    .replace(FULL_WIDTH_ASCII, (ch) => String.fromCharCode(ch.charCodeAt(0) - FULL_WIDTH_TO_ASCII_OFFSET))
    .replace(IDEOGRAPHIC_SPACE, ' ')
}

/** The shared normaliser for codes (VIN, plate, IDs, phones): half-width, with every whitespace removed. */
export function normalizeInput(input: string): string {
  return toHalfWidth(input).replace(WHITESPACE_AND_INVISIBLES, '')
}
