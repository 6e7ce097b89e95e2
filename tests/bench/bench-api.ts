// The functions the benchmark page puts on `window.bench`; run-bench.ts calls them via page.evaluate.

export type QueryKind = 'vinSuffix' | 'plate' | 'ownerName' | 'nameSubstring' | 'phoneTail'

export const QUERY_KINDS: readonly QueryKind[] = ['vinSuffix', 'plate', 'ownerName', 'nameSubstring', 'phoneTail']

export interface SeedResult {
  /** Files written by this call. */
  added: number
  /** Live files in the database afterwards. */
  total: number
  /** Generated forms dropped because their VIN repeated an earlier one (createMany is all or nothing). */
  skippedDuplicateVins: number
  /** Time spent in the generator. */
  generateMs: number
  /** Time spent in `vehicleFiles.createMany` (validation, uniqueness checks, bulk writes, audit events). */
  createMs: number
  /** Wall time of the whole call. */
  totalMs: number
}

export interface Timing {
  /** Milliseconds per call, in query order. */
  ms: number[]
  /** Rows each call returned. */
  rows: number[]
}

export interface PageEnv {
  userAgent: string
  crossOriginIsolated: boolean
  hardwareConcurrency: number
}

export interface BenchApi {
  env(): PageEnv
  /** Opens (creating) the database under `name`, deleting any earlier copy first. */
  open(name: string): Promise<void>
  /** Generates `count` more files with the fixture generator and writes them with createMany in chunks. */
  seed(count: number, chunkSize: number): Promise<SeedResult>
  /** `count` real query values of `kind` taken from the files seeded so far, deterministic for `seed`. */
  queries(kind: QueryKind, count: number, seed: number): string[]
  /** Times `repositories.vehicleFiles.search(q, 200)` per query. */
  measure(kind: QueryKind, queries: readonly string[]): Promise<Timing>
  /** Times the floor: one raw IndexedDB index getAll for the same thing, on the same connection. */
  measureRaw(kind: QueryKind, queries: readonly string[]): Promise<Timing>
  /** Times `repositories.vehicleFiles.listIds()` `runs` times. */
  measureListIds(runs: number): Promise<Timing>
  /** Floor for listIds: one raw getAllKeys on the createdAt index, reversed. */
  measureListIdsRaw(runs: number): Promise<Timing>
  /** Times what the list shows first: the newest 100 ids and the count, as the list screen asks. */
  measureFirstScreen(runs: number): Promise<Timing>
}

declare global {
  interface Window {
    bench: BenchApi
  }
}
