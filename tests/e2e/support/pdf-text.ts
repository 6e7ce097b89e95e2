import { readFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'

/** The text of a PDF file, whitespace removed (pdf.js splits runs and spaces glyphs). */
export async function pdfText(path: string): Promise<string> {
  const pdf = await getDocument({
    data: new Uint8Array(readFileSync(path)),
    useSystemFonts: false,
    isEvalSupported: false
  }).promise
  let text = ''
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent()
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('')
  }
  await pdf.destroy()
  return text.replace(/\s+/g, '')
}
