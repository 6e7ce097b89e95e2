import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { Stryker } from '@stryker-mutator/core'

// Mutation testing of shared/: StrykerJS changes one thing at a time in the domain code (a `>=` into a
// `>`, a condition into `true`, a message into '') and runs the unit tests; a change no test notices
// "survives" and marks a rule whose tests would let a mistake through. Writes MUTATION.md.
//
//   npm run mutate                       every module of shared/ below (slow: tens of minutes on 2 cores)
//   npm run mutate -- shared/validation  one or more modules (folders of shared/) only
//   npm run mutate -- shared/rules/read-facts.ts   single files, e.g. after raising their tests
//
// Incremental: results are kept in tests/mutation/stryker-incremental.json (committed), so a re-run only
// tests the mutants whose code or covering tests changed. A run of some modules replaces their results
// in that file and keeps the others, and MUTATION.md always shows every module.
// Not part of CI: too slow for the build machines.

const repoRoot = resolve(import.meta.dirname, '../..')
const here = (file: string) => resolve(import.meta.dirname, file)
const INCREMENTAL_FILE = here('stryker-incremental.json')
const BASELINE_FILE = here('baseline-scores.json')
const RUNS_FILE = here('runs.json')
const OUTPUT_FILE = resolve(repoRoot, 'MUTATION.md')

/** Modules left out of the run, with the reason MUTATION.md gives. */
const LEFT_OUT: Record<string, string> = {
  samples:
    'test data, not rules: example archives that pass every check of the presets and the helpers tests break them with (not mutated, like the test files)'
}

/** Files that are test data rather than rules: mutating them says nothing about the tests. */
const NOT_MUTATED = [
  'shared/**/*.test.ts',
  'shared/**/index.ts',
  'shared/samples/**',
  // The seeded generator of realistic files for tests, the benchmark and the demo dealership.
  'shared/vehicle/vehicle-generator.ts'
]

// The part of Stryker's JSON report (mutation-testing-report-schema) this script reads.
type MutantStatus =
  'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending'
interface Mutant {
  id: string
  mutatorName: string
  replacement?: string
  status: MutantStatus
  statusReason?: string
  location: { start: { line: number; column: number }; end: { line: number; column: number } }
}
interface Report {
  files: Record<string, { source: string; mutants: Mutant[]; language?: string }>
  testFiles?: Record<string, unknown>
  [key: string]: unknown
}
interface ModuleScore {
  killed: number
  survived: number
  noCoverage: number
  equivalent: number
  static: number
  score: number
}
/** A module's score before its tests were raised, and where it comes from. */
interface Before {
  score: number
  from: string
}
type Runs = Record<string, { at: string; seconds: number }>

const allModules = () =>
  readdirSync(resolve(repoRoot, 'shared'))
    .filter((name) => statSync(resolve(repoRoot, 'shared', name)).isDirectory())
    .sort()

function parseModules(args: readonly string[]): string[] {
  const known = allModules()
  if (args.length === 0) return known.filter((m) => !(m in LEFT_OUT))
  return args.map((arg) => {
    const name = arg
      .replace(/\\/g, '/')
      .replace(/^(\.\/)?shared\//, '')
      .replace(/\/$/, '')
    if (!known.includes(name))
      throw new Error(`Unknown module "${arg}": expected one of ${known.map((m) => `shared/${m}`).join(', ')}`)
    return name
  })
}

const readJson = <T>(file: string, fallback: T): T =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : fallback
const writeJson = (file: string, value: unknown) => writeFileSync(file, JSON.stringify(value, null, 1) + '\n')

/** The folder of shared/ a report file belongs to ('shared/rules/auto/x.ts' → 'rules'). */
const moduleOf = (file: string) => relative(repoRoot, resolve(repoRoot, file)).replace(/\\/g, '/').split('/')[1]!

function scoreModules(report: Report): Map<string, ModuleScore> {
  const scores = new Map<string, ModuleScore>()
  for (const [file, { mutants }] of Object.entries(report.files)) {
    const m = moduleOf(file)
    const s = scores.get(m) ?? { killed: 0, survived: 0, noCoverage: 0, equivalent: 0, static: 0, score: 0 }
    for (const mutant of mutants) {
      if (mutant.status === 'Killed' || mutant.status === 'Timeout') s.killed++
      else if (mutant.status === 'Survived') s.survived++
      else if (mutant.status === 'NoCoverage') s.noCoverage++
      else if (mutant.status === 'Ignored' && isStatic(mutant)) s.static++
      else if (mutant.status === 'Ignored') s.equivalent++
    }
    scores.set(m, s)
  }
  for (const s of scores.values()) {
    const valid = s.killed + s.survived + s.noCoverage
    s.score = valid === 0 ? 100 : (100 * s.killed) / valid
  }
  return scores
}

// Mutants in code that runs once, at module load (tables, presets), would need every test re-run each;
// stryker.config.json leaves them out ("ignoreStatic") and they are counted apart.
const isStatic = (mutant: Mutant) =>
  mutant.status === 'Ignored' && (mutant.statusReason ?? '').startsWith('Static mutant')

const pct = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)} %`)

/** The code the mutant replaces (Stryker's lines and columns count from 1). */
function originalOf(source: string, { start, end }: Mutant['location']): string {
  const lines = source.split('\n').slice(start.line - 1, end.line)
  if (lines.length === 0) return ''
  lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, end.column - 1)
  lines[0] = lines[0]!.slice(start.column - 1)
  return lines.join('\n')
}

function oneLine(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'")
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

const isMutated = (file: string) =>
  file.endsWith('.ts') &&
  !file.endsWith('.test.ts') &&
  !file.endsWith('/index.ts') &&
  !file.startsWith('shared/samples/') &&
  file !== 'shared/vehicle/vehicle-generator.ts'

function sourceFilesOf(m: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(resolve(repoRoot, dir)).flatMap((name) => {
      const path = `${dir}/${name}`
      return statSync(resolve(repoRoot, path)).isDirectory() ? walk(path) : [path]
    })
  return walk(`shared/${m}`).filter(isMutated)
}

/** The files of a module whose code differs from what its last run mutated: the row is older than the code. */
function changedSince(report: Report, m: string): { changed: string[]; added: string[]; removed: string[] } {
  const measured = Object.keys(report.files).filter((file) => moduleOf(file) === m)
  const current = sourceFilesOf(m)
  const changed = measured.filter(
    (file) => current.includes(file) && readFileSync(resolve(repoRoot, file), 'utf8') !== report.files[file]!.source
  )
  // A file of types and interfaces only has no mutants and no entry in the report.
  const hasCode = (file: string) =>
    /^(export )?(async )?(function|const|let|class)\b/m.test(readFileSync(resolve(repoRoot, file), 'utf8'))
  const added = current.filter((file) => !measured.includes(file) && hasCode(file))
  const removed = measured.filter((file) => !current.includes(file))
  return { changed, added, removed }
}

function writeMarkdown(report: Report, baseline: Record<string, Before>, runs: Runs): void {
  const scores = scoreModules(report)
  const modules = [...scores.keys()].sort()
  const total = [...scores.values()].reduce(
    (t, s) => ({
      killed: t.killed + s.killed,
      survived: t.survived + s.survived,
      noCoverage: t.noCoverage + s.noCoverage,
      equivalent: t.equivalent + s.equivalent,
      static: t.static + s.static
    }),
    { killed: 0, survived: 0, noCoverage: 0, equivalent: 0, static: 0 }
  )
  const sources = [...new Set(modules.map((m) => baseline[m]?.from).filter((from) => from !== undefined))]
  const mark = (m: string) => (baseline[m] ? ('¹²³⁴⁵'[sources.indexOf(baseline[m].from)] ?? '') : '')
  const totalScore = (100 * total.killed) / Math.max(1, total.killed + total.survived + total.noCoverage)
  const out: string[] = [
    '# Mutation testing of `shared/`',
    '',
    'Written by `npm run mutate` (StrykerJS with the vitest runner, the unit tests only, concurrency 1) from',
    "Stryker's JSON report; `npm run mutate -- shared/<module>` re-runs one module. Score = killed or timed out ÷",
    '(killed + timed out + survived + no test reached); mutants marked equivalent in the code',
    '(`// Stryker disable next-line <mutator>: <reason>`) are not counted and are listed below with their reason.',
    'Static mutants (code run once at module load: tables, presets) are left out of the run (`ignoreStatic`) and counted apart.',
    'Before = the score before the tests were raised, kept in `tests/mutation/baseline-scores.json`; the footnote says where it comes from.',
    'Run time = the whole run that last included the module.',
    '',
    '| module | mutants | killed | survived | no test reached | marked equivalent | static, not run | before | after | last run | run time |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|'
  ]
  for (const m of modules) {
    const s = scores.get(m)!
    const run = runs[m]
    out.push(
      `| ${m} | ${s.killed + s.survived + s.noCoverage + s.equivalent + s.static} | ${s.killed} | ${s.survived} | ${s.noCoverage} | ${s.equivalent} | ${s.static} | ${pct(baseline[m]?.score)}${mark(m)} | **${pct(s.score)}** | ${run?.at.slice(0, 10) ?? '—'} | ${run ? `${Math.round(run.seconds / 60)} min` : '—'} |`
    )
  }
  out.push(
    `| **all** | ${total.killed + total.survived + total.noCoverage + total.equivalent + total.static} | ${total.killed} | ${total.survived} | ${total.noCoverage} | ${total.equivalent} | ${total.static} | | **${pct(totalScore)}** | | |`
  )
  out.push('', ...sources.map((from, i) => `${'¹²³⁴⁵'[i] ?? ''} ${from}`))
  out.push(
    '',
    '## Rows older than the code',
    '',
    'A module whose code changed after its last run: its row measures the code as it was, not as it is (tests changed since only raise the score on a re-run).',
    ''
  )
  const stale = modules.flatMap((m) => {
    const { changed, added, removed } = changedSince(report, m)
    if (changed.length + added.length + removed.length === 0) return []
    const what = [
      ...changed.map((file) => `\`${file}\` changed`),
      ...added.map((file) => `\`${file}\` new`),
      ...removed.map((file) => `\`${file}\` gone`)
    ]
    return [
      `- ${m} (run ${runs[m]?.at.slice(0, 10) ?? 'earlier'}): ${what.join(', ')} since the run; re-run \`npm run mutate -- shared/${m}\`.`
    ]
  })
  out.push(...(stale.length > 0 ? stale : ['None: every row was measured on the code as it is.']))
  out.push('', '## Not in the run', '')
  for (const m of allModules().filter((name) => !scores.has(name))) {
    out.push(`- \`shared/${m}\`: ${LEFT_OUT[m] ?? 'not in this run (`npm run mutate -- shared/' + m + '`)'}.`)
  }
  out.push(
    '',
    '## Survivors by file',
    '',
    'A survivor is a change to the rule that every unit test still passes; "no test reached" means no unit test runs that line.',
    ''
  )
  let anySurvivor = false
  for (const file of Object.keys(report.files).sort()) {
    const { source, mutants } = report.files[file]!
    const left = mutants
      .filter((mu) => mu.status === 'Survived' || mu.status === 'NoCoverage')
      .sort(
        (a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column
      )
    if (left.length === 0) continue
    anySurvivor = true
    out.push(
      `### ${file} (${left.length})`,
      '',
      '| line | mutator | code | becomes | status |',
      '|---:|---|---|---|---|'
    )
    for (const mu of left) {
      const line = mu.location.start.line
      out.push(
        `| ${line} | ${mu.mutatorName} | \`${oneLine(originalOf(source, mu.location))}\` | \`${oneLine(mu.replacement ?? '')}\` | ${mu.status === 'Survived' ? 'survived' : 'no test reached'} |`
      )
    }
    out.push('')
  }
  if (!anySurvivor) out.push('None.', '')
  out.push(
    '## Marked equivalent',
    '',
    'Mutants disabled in the code, with the reason given there.',
    '',
    '| file | line | mutator | reason |',
    '|---|---:|---|---|'
  )
  for (const file of Object.keys(report.files).sort()) {
    for (const mu of report.files[file]!.mutants.filter((x) => x.status === 'Ignored' && !isStatic(x))) {
      out.push(`| ${file} | ${mu.location.start.line} | ${mu.mutatorName} | ${oneLine(mu.statusReason ?? '', 120)} |`)
    }
  }
  out.push('')
  writeFileSync(OUTPUT_FILE, out.join('\n'))
}

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((arg) => arg !== '--')
  const reportOnly = args.includes('--report-only')
  // Single files (shared/rules/read-facts.ts) re-run just those files; anything else names modules.
  const files = args
    .filter((arg) => arg.endsWith('.ts'))
    .map((file) => relative(repoRoot, resolve(repoRoot, file)).replace(/\\/g, '/'))
  const modules = files.length > 0 ? [] : parseModules(args.filter((arg) => !arg.startsWith('--')))
  const previous = readJson<Report | null>(INCREMENTAL_FILE, null)
  const runs = readJson<Runs>(RUNS_FILE, {})

  let report: Report | null = previous
  if (!reportOnly) {
    const mutate = [
      ...(files.length > 0 ? files : modules.map((m) => `shared/${m}/**/*.ts`)),
      ...NOT_MUTATED.map((glob) => `!${glob}`)
    ]
    console.log(`Mutating ${files.length > 0 ? files.join(', ') : modules.map((m) => `shared/${m}`).join(', ')}`)
    const started = Date.now()
    await new Stryker({ mutate }).runMutationTest()
    const seconds = (Date.now() - started) / 1000
    const fresh = readJson<Report | null>(INCREMENTAL_FILE, null)
    if (!fresh) throw new Error(`Stryker wrote no ${INCREMENTAL_FILE}`)
    // Keep the results of the modules (or files) not run this time.
    const ran = (file: string) => (files.length > 0 ? file in fresh.files : modules.includes(moduleOf(file)))
    const kept = Object.entries(previous?.files ?? {}).filter(([file]) => !ran(file))
    report = {
      ...fresh,
      files: Object.fromEntries([...kept, ...Object.entries(fresh.files)]),
      testFiles: { ...previous?.testFiles, ...fresh.testFiles }
    }
    writeJson(INCREMENTAL_FILE, report)
    const at = new Date().toISOString()
    // A run of single files dates the modules they belong to.
    for (const m of files.length > 0 ? [...new Set(files.map(moduleOf))] : modules) runs[m] = { at, seconds }
    writeJson(RUNS_FILE, runs)
    console.log(`Mutation run took ${(seconds / 60).toFixed(1)} min`)
  }
  if (!report) throw new Error('No mutation results yet: run `npm run mutate` first')

  // The first score of each module is its "before".
  const baseline = readJson<Record<string, Before>>(BASELINE_FILE, {})
  for (const [m, s] of scoreModules(report)) {
    if (!(m in baseline))
      baseline[m] = {
        score: Math.round(s.score * 10) / 10,
        from: `first run of \`npm run mutate\` (${new Date().toISOString().slice(0, 10)})`
      }
  }
  writeJson(BASELINE_FILE, baseline)
  writeMarkdown(report, baseline, runs)
  console.log(`Wrote ${relative(repoRoot, OUTPUT_FILE)}`)
}

await main()
