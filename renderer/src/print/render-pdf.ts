// Turns a printed sheet (a pdfmake document definition from @shared/print) into PDF bytes.
// Everything heavy is fetched on the first print, never at start-up: pdfmake is its own chunk
// (dynamic import) and the Noto Sans SC TrueType files (~10 MB each) are separate assets fetched by URL.
// pdfkit embeds only the glyphs a document uses (a subset), so a printed sheet stays small.

import type { PdfDocumentDefinition } from '@shared/print'
import { PRINT_FONT } from '@shared/print'
import regularFontUrl from '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf?url'
import boldFontUrl from '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf?url'
import { loadPdfMake, type PdfMakeLike } from './pdfmake-module'

export interface PrintFontBytes {
  regular: Uint8Array
  bold: Uint8Array
}

/** Where the CJK font comes from; the app fetches its bundled assets, a Node test reads them from disk. */
export type PrintFontSource = () => Promise<PrintFontBytes>

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`打印字体加载失败（${response.status}）：${url}`)
  return new Uint8Array(await response.arrayBuffer())
}

/** The default source: the font files shipped with the app as assets. */
export const fetchBundledFonts: PrintFontSource = async () => {
  const [regular, bold] = await Promise.all([fetchBytes(regularFontUrl), fetchBytes(boldFontUrl)])
  return { regular, bold }
}

const REGULAR_FILE = 'NotoSansSC-Regular.ttf'
const BOLD_FILE = 'NotoSansSC-Bold.ttf'

let fontSource: PrintFontSource = fetchBundledFonts
let ready: Promise<PdfMakeLike> | null = null

/** Replaces where the font bytes come from (tests); the next PDF loads them afresh. */
export function configureFontSource(source: PrintFontSource): void {
  fontSource = source
  ready = null
}

async function prepare(): Promise<PdfMakeLike> {
  const [pdfmake, fonts] = await Promise.all([loadPdfMake(), fontSource()])
  pdfmake.virtualfs.writeFileSync(REGULAR_FILE, fonts.regular)
  pdfmake.virtualfs.writeFileSync(BOLD_FILE, fonts.bold)
  pdfmake.setFonts({
    [PRINT_FONT]: { normal: REGULAR_FILE, bold: BOLD_FILE, italics: REGULAR_FILE, bolditalics: BOLD_FILE }
  })
  // Sheets are built from our own data: never let a document make pdfmake fetch a URL or read a local file.
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy?.(() => false)
  return pdfmake
}

/** pdfmake with the CJK font installed: loaded once, on the first call; retried after a failure. */
function pdfmakeReady(): Promise<PdfMakeLike> {
  if (ready === null) {
    const attempt = prepare()
    ready = attempt
    attempt.catch(() => {
      if (ready === attempt) ready = null
    })
  }
  return ready
}

/** Starts loading pdfmake and the font in the background, e.g. when a screen with a print button opens. */
export function preloadPrinting(): void {
  pdfmakeReady().catch(() => undefined)
}

/** A deep copy of plain objects and arrays; functions (footer, table layouts) are shared. */
function copyDefinition<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => copyDefinition(v)) as T
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyDefinition(v)])) as T
  }
  return value
}

/** Renders a document definition to PDF bytes (a fresh buffer, safe to hand to the platform). */
export async function renderPdf(doc: PdfDocumentDefinition): Promise<Uint8Array<ArrayBuffer>> {
  const pdfmake = await pdfmakeReady()
  // pdfmake writes its layout state into the nodes it is given: the caller's definition stays untouched.
  const buffer = await pdfmake.createPdf(copyDefinition(doc)).getBuffer()
  return new Uint8Array(buffer)
}
