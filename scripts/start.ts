// `npm start`: checks Node, fetches the Electron runtime once when it is missing, then builds and opens
// the desktop app with electron-vite. Expected failures end in one line (Chinese and English), exit 1.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { electronRuntimeInstalled, runStart } from './start-decisions'

const require = createRequire(import.meta.url)

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf-8')
  } catch {
    return null
  }
}

function electronDir(): string {
  return dirname(require.resolve('electron/package.json'))
}

function runtimeInstalled(): boolean {
  const dir = electronDir()
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf-8')) as { version: string }
  return electronRuntimeInstalled(
    {
      packageVersion: version,
      distVersion: readOrNull(join(dir, 'dist', 'version')),
      pathTxt: readOrNull(join(dir, 'path.txt')),
      executableExists: (relative) => existsSync(join(dir, 'dist', relative))
    },
    process.platform
  )
}

process.exitCode = runStart({
  nodeVersion: process.version,
  platform: process.platform,
  runtimeInstalled,
  downloadRuntime: () => {
    const result = spawnSync(process.execPath, [join(electronDir(), 'install.js')], { encoding: 'utf-8' })
    const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}\n${result.error?.message ?? ''}`
    return { ok: result.status === 0, output }
  },
  launch: () => {
    const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
    const run = spawnSync(process.execPath, [electronVite, 'preview', ...process.argv.slice(2)], { stdio: 'inherit' })
    return run.status ?? 1
  },
  say: (line) => console.log(line),
  complain: (line) => console.error(line)
})
