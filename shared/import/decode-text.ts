import { tableEncodingUnknown, tableNotText } from './table-errors'

// CSV from Chinese systems comes in UTF-8 (with or without a BOM) or in GB18030/GBK (Excel's "CSV" on a
// Chinese Windows, most DMS exports). The bytes decide, never the user: a strict UTF-8 decode succeeds
// only on UTF-8 (Chinese GBK text is practically never valid UTF-8), otherwise GB18030, a superset of GBK.

declare class TextDecoder {
  constructor(label: string, options: { fatal: boolean; ignoreBOM?: boolean })
  decode(bytes: Uint8Array): string
}

export type TextEncoding = 'utf-8' | 'gb18030'

export function decodeTableText(bytes: Uint8Array, fileName: string): { text: string; encoding: TextEncoding } {
  const text = tryDecode('utf-8', bytes) ?? tryDecode('gb18030', bytes)
  if (text === null) throw tableEncodingUnknown(fileName)
  // A NUL never occurs in a text export; it does in every binary file (images, PDFs, .doc…).
  if (text.text.includes('\u0000')) throw tableNotText(fileName)
  return text
}

function tryDecode(encoding: TextEncoding, bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  try {
    // The decoder drops a leading byte-order mark itself (ignoreBOM false).
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding }
  } catch {
    return null
  }
}
