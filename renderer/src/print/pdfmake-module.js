// pdfmake, loaded on first use as its own chunk. Plain JS on purpose: @types/pdfmake pulls Node's
// types into whatever program imports it, and the renderer is type-checked without them
// (pdfmake-module.d.ts gives the small surface render-pdf.ts uses).
export async function loadPdfMake() {
  const mod = await import('pdfmake')
  return mod.default ?? mod
}
