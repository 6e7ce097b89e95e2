// The functions the benchmark page puts on `window.bench`; run-bench.ts calls them via page.evaluate.

export type QueryKind = 'vinSuffix' | 'plate' | 'ownerName' | 'nameSubstring' | 'phoneTail'

export const QUERY_KINDS: readonly QueryKind[] = ['vinSuffix', 'plate', 'ownerName', 'nameSubstring', 'phoneTail']

export interface SeedResult {
  /** Files written by this call. */
  added: number
  /** Live files in the database afterwards. */
  total: number
  /** Generated forms dropped because their VIN repeated an earlier one (an import with one is refused whole). */
  skippedDuplicateVins: number
  /** Time spent in the generator. */
  generateMs: number
  /** SHA-256 of the rows (as the import screen hashes the file), outside the import's transaction. */
  hashMs: number
  /** Time spent in `vehicleFiles.importBulk` (validation, duplicate checks, numbering, bulkAdd, the audit event). */
  importMs: number
  /** The same stored rows added with raw IndexedDB to an empty twin database in one transaction. */
  rawMs: number
  /** Wall time of generating, hashing and importing. */
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
  /** Opens (creating) the database under `name` and its raw twin, deleting any earlier copies first. */
  open(name: string): Promise<void>
  /** Generates `count` more files with the fixture generator and imports them with one `importBulk`. */
  seed(count: number): Promise<SeedResult>
  /**
   * The first `count` stored rows written raw three ways, each into a fresh database: the full schema in one
   * transaction, the full schema in transactions of `chunkSize`, and a store with no index but its key.
   */
  compareWrites(
    count: number,
    chunkSize: number
  ): Promise<{ rows: number; oneTransaction: number; chunked: number; bare: number }>
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
