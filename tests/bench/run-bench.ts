import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join, resolve } from 'node:path'
import { build, preview } from 'vite'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH, launchChromium } from '../e2e/support/browser'
import { QUERY_KINDS } from './bench-api'
import type { QueryKind, SeedResult, Timing } from './bench-api'

// Search and import benchmark: seeds the real Dexie repositories in headless Chromium through the bulk
// import with the fixture generator (against a raw IndexedDB bulkAdd), times each kind of search against
// a raw IndexedDB floor at 10 000 and 100 000 files, and writes the table to BENCH.md.
//
//   npx tsx tests/bench/run-bench.ts [--in-memory] [--sizes=2000,20000] [--compare-writes=20000]
//
// --sizes runs the same seeding and searches at other sizes (a quick check while working) and prints the
// table without writing BENCH.md, which records the run at the target size only.
// By default the browser runs on a temporary on-disk profile, as the app's users' databases are.
// --in-memory uses launchChromium() and an ordinary Playwright context, which is off the record: its
// IndexedDB lives in memory (in Chromium 156 that reads faster but seeds 100 000 files far slower).

const repoRoot = resolve(import.meta.dirname, '../..')
const configFile = resolve(import.meta.dirname, 'vite.bench.config.ts')

const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='))
const SIZES = (sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : [10_000, 100_000]) as [
  number,
  number
]
if (SIZES.length !== 2 || !SIZES.every((n) => Number.isInteger(n) && n > 0) || SIZES[0] >= SIZES[1])
  throw new Error('--sizes takes two growing file counts, e.g. --sizes=2000,20000')
const writesRecord = sizesArg === undefined
// --compare-writes=N: after seeding, N stored rows written raw in one transaction, in 5,000-row ones, and
// into a store without indexes (printed only): where an import's time goes.
const compareArg = process.argv.find((arg) => arg.startsWith('--compare-writes='))
const compareRows = compareArg ? Number(compareArg.slice('--compare-writes='.length)) : 0
const QUERIES_PER_KIND = 200
const LIST_IDS_RUNS = 10
const TARGET_P95_MS = 50
const TARGET_FLOOR_RATIO = 5
const TARGET_IMPORT_MS = 30_000
const TARGET_SIZE = 100_000

const KIND_LABEL: Record<QueryKind, string> = {
  vinSuffix: 'VIN suffix (6–8)',
  plate: 'Plate (whole)',
  ownerName: 'Owner name',
  nameSubstring: 'Name part (not its start)',
  phoneTail: 'Phone tail (last 4)'
}
const inMemory = process.argv.includes('--in-memory')

interface Stats {
  p50: number
  p95: number
  max: number
  meanRows: number
}

interface Row {
  what: string
  files: number
  repo: Stats
  floor?: Stats
  target: string
  verdict: 'pass' | 'FAIL' | '—'
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
}

function stats(timing: Timing): Stats {
  const sorted = [...timing.ms].sort((a, b) => a - b)
  const meanRows = timing.rows.reduce((a, b) => a + b, 0) / timing.rows.length
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted[sorted.length - 1]!, meanRows }
}

/** 100,000: thousands separated the same way on every PC. */
const thousands = new Intl.NumberFormat('en-US')
const count = (value: number) => (value >= 1000 ? thousands.format(Math.round(value)) : value.toFixed(1))
const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2))
const ratio = (row: Row, at: 'p50' | 'p95') => (row.floor ? row.repo[at] / row.floor[at] : undefined)
const times = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)}×`)

async function openBrowser(): Promise<{ context: BrowserContext; version: string; close: () => Promise<void> }> {
  if (inMemory) {
    const browser = await launchChromium()
    const context = await browser.newContext({ locale: 'zh-CN' })
    return { context, version: browser.version(), close: () => browser.close() }
  }
  // A persistent context is the only kind with an on-disk profile; same binary and flags as launchChromium().
  const profile = await mkdtemp(join(tmpdir(), 'chedang-bench-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN'
  })
  return {
    context,
    version: context.browser()?.version() ?? '',
    close: async () => {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    }
  }
}

async function browserVersion(page: Page, fromBrowser: string): Promise<string> {
  if (fromBrowser) return fromBrowser
  const session = await page.context().newCDPSession(page)
  const { product } = await session.send('Browser.getVersion')
  await session.detach()
  return product.replace(/^HeadlessChrome\//, '')
}

async function measureSearches(page: Page, files: number, querySeed: number): Promise<Row[]> {
  const rows: Row[] = []
  for (const kind of QUERY_KINDS) {
    const queries = await page.evaluate(([k, n, s]) => window.bench.queries(k, n, s), [
      kind,
      QUERIES_PER_KIND,
      querySeed
    ] as const)
    // Warm-up: every query once through both paths, so neither timed pass pays for the other's cold reads.
    await page.evaluate(([k, q]) => window.bench.measureRaw(k, q), [kind, queries] as const)
    await page.evaluate(([k, q]) => window.bench.measure(k, q), [kind, queries] as const)
    const repo = stats(await page.evaluate(([k, q]) => window.bench.measure(k, q), [kind, queries] as const))
    const floor = stats(await page.evaluate(([k, q]) => window.bench.measureRaw(k, q), [kind, queries] as const))
    const judged = files === TARGET_SIZE
    // The floor's own p95 is mostly noise (GC, disk), so the overhead is judged on medians; p95 on its own.
    const ok = repo.p95 <= TARGET_P95_MS && repo.p50 <= TARGET_FLOOR_RATIO * floor.p50
    const row: Row = {
      what: `search: ${KIND_LABEL[kind]}`,
      files,
      repo,
      floor,
      target: judged
        ? `p95 ≤ ${TARGET_P95_MS} ms; p50 ≤ ${TARGET_FLOOR_RATIO}× floor p50`
        : `— (targets at ${count(TARGET_SIZE)})`,
      verdict: judged ? (ok ? 'pass' : 'FAIL') : '—'
    }
    rows.push(row)
    console.log(
      `  ${row.what.padEnd(28)} p50 ${ms(repo.p50)} ms, p95 ${ms(repo.p95)} ms, max ${ms(repo.max)} ms | floor p50 ${ms(floor.p50)} ms, p95 ${ms(floor.p95)} ms | ${times(ratio(row, 'p50'))} (p95 ${times(ratio(row, 'p95'))}) | rows ${repo.meanRows.toFixed(1)} vs ${floor.meanRows.toFixed(1)}`
    )
  }
  await page.evaluate(() => window.bench.measureListIds(2))
  const repo = stats(await page.evaluate((n) => window.bench.measureListIds(n), LIST_IDS_RUNS))
  const floor = stats(await page.evaluate((n) => window.bench.measureListIdsRaw(n), LIST_IDS_RUNS))
  rows.push({ what: 'listIds() (virtualised list)', files, repo, floor, target: '— (reported)', verdict: '—' })
  console.log(
    `  listIds()                    p50 ${ms(repo.p50)} ms, p95 ${ms(repo.p95)} ms | floor p50 ${ms(floor.p50)} ms`
  )
  const first = stats(await page.evaluate((n) => window.bench.measureFirstScreen(n), LIST_IDS_RUNS))
  rows.push({
    what: 'list opens: newest 100 ids + count',
    files,
    repo: first,
    floor,
    target: '— (reported)',
    verdict: '—'
  })
  console.log(`  first screen                 p50 ${ms(first.p50)} ms, p95 ${ms(first.p95)} ms`)
  return rows
}

const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`

function seedLine(label: string, seed: SeedResult, target: string, verdict: Row['verdict']): string {
  const rate = Math.round(seed.added / (seed.importMs / 1000))
  return `| ${label} | ${thousands.format(seed.added)} | ${seconds(seed.importMs)} | ${seconds(seed.rawMs)} | ${(seed.importMs / seed.rawMs).toFixed(1)}× | ${thousands.format(rate)} | ${seconds(seed.generateMs)} | ${seconds(seed.hashMs)} | ${seconds(seed.totalMs)} | ${target} | ${verdict} |`
}

function markdown(
  info: { date: string; chromium: string; isolated: boolean; loadBefore: number },
  seeds: SeedResult[],
  rows: Row[]
): string {
  const [first, second] = seeds as [SeedResult, SeedResult]
  const total: SeedResult = {
    added: first.added + second.added,
    total: second.total,
    skippedDuplicateVins: first.skippedDuplicateVins + second.skippedDuplicateVins,
    generateMs: first.generateMs + second.generateMs,
    hashMs: first.hashMs + second.hashMs,
    importMs: first.importMs + second.importMs,
    rawMs: first.rawMs + second.rawMs,
    totalMs: first.totalMs + second.totalMs
  }
  const seedOk = total.importMs < TARGET_IMPORT_MS
  const lines = [
    '# Search and import benchmark',
    '',
    '_Written by `npm run bench` (tests/bench/run-bench.ts); do not edit by hand._',
    '',
    `- Date: ${info.date}`,
    `- Machine: ${availableParallelism()} CPUs (nproc), ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; load average ${info.loadBefore.toFixed(1)} before the run, ${loadavg()[0]!.toFixed(1)} after (other work on the machine inflates the figures)`,
    `- Browser: Chromium ${info.chromium}, headless, ${inMemory ? 'off-the-record context (IndexedDB in memory)' : 'on-disk temporary profile'}; timer resolution ${info.isolated ? '5 µs (cross-origin isolated)' : '100 µs'}`,
    '',
    '## Method',
    '',
    `The bench page (tests/bench/bench-page.ts) runs the app's real \`ChedangDatabase\` and \`createDexieRepositories\` in the browser.`,
    `It seeds ${thousands.format(SIZES[0])} files with the fixture generator (tests/fixtures/vehicle-generator.ts) in one`,
    `\`vehicleFiles.importBulk\` (the app's bulk import: every row parsed as the vehicle form parses it, duplicates looked up, one`,
    `transaction, one audit event naming the rows' SHA-256 and the ids), measures, then imports ${thousands.format(SIZES[1] - SIZES[0])} more in one`,
    `import and measures again. Generated files whose VIN repeats an earlier one are skipped (${total.skippedDuplicateVins} of them), since one`,
    `duplicate refuses a whole import. **Raw bulkAdd**: the same stored rows, read back, added with plain IndexedDB \`add()\` in one`,
    `transaction to an empty twin database with the same schema (indexes included); "× raw" is the import's time over it.`,
    `The import's target (< ${TARGET_IMPORT_MS / 1000} s for 0 → ${count(SIZES[1])}) is judged on the time in importBulk; generating the rows and`,
    `hashing them (the caller's WebCrypto \`crypto.subtle.digest\`, outside the transaction) are shown apart.`,
    '',
    `Per kind, ${QUERIES_PER_KIND} query values are drawn (fixed seed) from the stored files: the last 6 characters of a VIN`,
    `(7 or 8 in 30 % of cases), a whole plate, an owner's name (names repeat: surname + given name from short lists, so a`,
    `name matches many files), a part of a name that is not its start (the given name of a three-character name), the last`,
    `four digits of an owner's mobile (尾号; four digits also look up VIN suffixes and archive numbers).`,
    `Each query is timed with \`performance.now()\` around \`repositories.vehicleFiles.search(q, 200)\`,`,
    `which returns the files themselves (at most 200), as the session of an archive manager (\`archive_manager\` role).`,
    '',
    `**Floor**: the same search as one raw IndexedDB request on the same connection, in its own readonly transaction:`,
    `\`index(i).getAll(IDBKeyRange.bound(key, key + '\\uffff'), 200)\` on \`vinReversed\` (reversed suffix), \`plate\` or \`ownerName\`;`,
    `for a name part the same prefix range on \`nameSuffixes\`, for a tail \`getAll(IDBKeyRange.only(tail), 200)\` on \`phoneTails\`.`,
    `Before timing, every query runs once through both paths, so both timed passes read from an equally warm cache.`,
    `"× floor" is p50 / floor p50 (the target's measure: the floor's p95 is mostly noise); p95 / floor p95 in brackets.`,
    `"Rows" is the mean number of files returned: the repository also matches contact names and, for an all-digit`,
    `suffix, archive numbers (and for four digits VIN suffixes or phone tails), which the single-index floor does not.`,
    `listIds() is timed ${LIST_IDS_RUNS} times; its floor is one \`index('createdAt').getAllKeys()\` reversed in JS.`,
    '',
    '## Seeding',
    '',
    '| Step | Files | in importBulk | Raw bulkAdd | × raw | Files/s | Generator | SHA-256 | Wall time | Target | Verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    seedLine(`0 → ${count(SIZES[0])}`, first, '—', '—'),
    seedLine(`${count(SIZES[0])} → ${count(SIZES[1])}`, second, '—', '—'),
    seedLine(`**0 → ${count(SIZES[1])}**`, total, `< ${TARGET_IMPORT_MS / 1000} s`, seedOk ? 'pass' : 'FAIL'),
    '',
    '## Search and listing',
    '',
    '| Measurement | Files | p50 | p95 | max | Floor p50 | Floor p95 | × floor (p95) | Rows (repo / floor) | Target | Verdict |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map((row) => {
      return `| ${row.what} | ${thousands.format(row.files)} | ${ms(row.repo.p50)} ms | ${ms(row.repo.p95)} ms | ${ms(row.repo.max)} ms | ${row.floor ? `${ms(row.floor.p50)} ms` : '—'} | ${row.floor ? `${ms(row.floor.p95)} ms` : '—'} | ${times(ratio(row, 'p50'))} (${times(ratio(row, 'p95'))}) | ${count(row.repo.meanRows)} / ${row.floor ? count(row.floor.meanRows) : '—'} | ${row.target} | ${row.verdict} |`
    }),
    ''
  ]
  return lines.join('\n')
}

async function main(): Promise<number> {
  const loadBefore = loadavg()[0]!
  console.log('Building the bench page…')
  await build({ configFile, logLevel: 'warn' })
  const server = await preview({ configFile, logLevel: 'warn' })
  const address = server.httpServer.address()
  if (!address || typeof address === 'string') throw new Error('preview server has no port')
  const url = `http://127.0.0.1:${address.port}/bench.html`

  const browser = await openBrowser()
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage())
    page.setDefaultTimeout(300_000)
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`))
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`[page] ${message.text()}`)
    })
    await page.goto(url)
    await page.waitForSelector('body[data-ready=true]')
    const chromium = await browserVersion(page, browser.version)
    const env = await page.evaluate(() => window.bench.env())
    console.log(
      `Chromium ${chromium}, ${inMemory ? 'in-memory' : 'on-disk'} IndexedDB, cross-origin isolated: ${env.crossOriginIsolated}`
    )
    await page.evaluate(() => window.bench.open('chedang-bench'))

    const seeds: SeedResult[] = []
    const rows: Row[] = []
    let have = 0
    for (const [i, size] of SIZES.entries()) {
      console.log(`Seeding ${thousands.format(have)} → ${thousands.format(size)} files…`)
      const seed = await page.evaluate((n) => window.bench.seed(n), size - have)
      if (seed.total !== size) throw new Error(`expected ${size} files after seeding, found ${seed.total}`)
      have = size
      seeds.push(seed)
      console.log(
        `  importBulk ${seconds(seed.importMs)} (raw bulkAdd ${seconds(seed.rawMs)}, ${(seed.importMs / seed.rawMs).toFixed(1)}×), generator ${seconds(seed.generateMs)}, SHA-256 ${seconds(seed.hashMs)}`
      )
      console.log(`Measuring at ${thousands.format(size)} files…`)
      rows.push(...(await measureSearches(page, size, 1000 + i)))
    }

    if (compareRows > 0) {
      const w = await page.evaluate((n) => window.bench.compareWrites(n, 5_000), compareRows)
      console.log(
        `Raw writes of ${thousands.format(w.rows)} rows: one transaction ${seconds(w.oneTransaction)}, 5,000-row transactions ${seconds(w.chunked)}, no indexes ${seconds(w.bare)}`
      )
    }
    const md = markdown(
      { date: new Date().toISOString(), chromium, isolated: env.crossOriginIsolated, loadBefore },
      seeds,
      rows
    )
    if (writesRecord) await writeFile(resolve(repoRoot, 'BENCH.md'), md)
    console.log(`\n${md}\n${writesRecord ? 'Written to BENCH.md' : 'Not written to BENCH.md (--sizes)'}`)
    const failed =
      rows.some((row) => row.verdict === 'FAIL') || seeds.reduce((sum, s) => sum + s.importMs, 0) >= TARGET_IMPORT_MS
    if (failed) console.log('Some targets were missed.')
    return failed ? 1 : 0
  } finally {
    await browser.close()
    await server.close()
  }
}

process.exitCode = await main()
