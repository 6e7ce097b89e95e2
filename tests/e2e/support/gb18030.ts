// GB18030 has no encoder in TextEncoder: one built from the decoder over every two-byte code (all of GBK),
// enough for the Chinese a DMS export holds.
let table: Map<string, number[]> | undefined

export function encodeGb18030(text: string): Uint8Array {
  if (!table) {
    table = new Map()
    const decoder = new TextDecoder('gb18030')
    for (let lead = 0x81; lead <= 0xfe; lead++)
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue
        const ch = decoder.decode(Uint8Array.from([lead, trail]))
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail])
      }
  }
  const bytes: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) bytes.push(code)
    else {
      const pair = table.get(ch)
      if (!pair) throw new Error(`no GBK code for ${ch}`)
      bytes.push(...pair)
    }
  }
  return Uint8Array.from(bytes)
}
