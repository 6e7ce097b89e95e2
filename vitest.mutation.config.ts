import { configDefaults, defineConfig } from 'vitest/config'
import type { TestProjectInlineConfiguration } from 'vitest/config'
import base from './vitest.config'

// Mutation testing (`npm run mutate`) runs the unit project only: the same files, the same environment.
const projects = (base.test?.projects ?? []) as TestProjectInlineConfiguration[]
const unit = projects.find((project) => project.test?.name === 'unit')
if (!unit?.test) throw new Error('vitest.config.ts has no "unit" project')

export default defineConfig({
  resolve: base.resolve,
  // The unit tests share no state, so one module graph serves them all: a mutant run takes a fraction of the time.
  // *-memory.test.ts files measure memory on hundreds of MiB: seconds per run, and they would run once per mutant.
  // shared/time/time.test.ts sets process.env.TZ to run each block in another zone; Stryker runs vitest in
  // worker threads, where that assignment changes nothing, so its "runs in that zone" checks fail there.
  test: {
    include: unit.test.include,
    exclude: [...configDefaults.exclude, 'shared/**/*-memory.test.ts', 'shared/time/time.test.ts'],
    environment: unit.test.environment,
    // Instrumented code runs several times slower: the 60 000-line progress test of shared/import needs more than 5 s.
    testTimeout: 30_000,
    isolate: false
  }
})
