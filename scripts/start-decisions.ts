// What `npm start` decides before it opens the desktop app. Pure: the Node version, the files on disk
// and the download are handed in, so the decisions are tested without a network or an Electron binary.

/** Electron's own launcher and installer need this Node (node_modules/electron/package.json `engines`). */
export const DESKTOP_MIN_NODE = { major: 22, minor: 12, patch: 0 } as const

export interface NodeVersion {
  major: number
  minor: number
  patch: number
}

export function parseNodeVersion(text: string): NodeVersion | null {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim())
  if (!match) return null
  return { major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) }
}

export function nodeIsNewEnough(version: NodeVersion, minimum: NodeVersion = DESKTOP_MIN_NODE): boolean {
  if (version.major !== minimum.major) return version.major > minimum.major
  if (version.minor !== minimum.minor) return version.minor > minimum.minor
  return version.patch >= minimum.patch
}

/** Where the Electron executable sits inside node_modules/electron/dist, as Electron's installer names it. */
export function electronExecutableName(platform: string): string | null {
  switch (platform) {
    case 'darwin':
    case 'mas':
      return 'Electron.app/Contents/MacOS/Electron'
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron'
    case 'win32':
      return 'electron.exe'
    default:
      return null
  }
}

/** What is on disk under node_modules/electron, read by the caller. */
export interface ElectronInstallProbe {
  /** The version in node_modules/electron/package.json. */
  packageVersion: string
  /** node_modules/electron/dist/version, or null when absent. */
  distVersion: string | null
  /** node_modules/electron/path.txt, or null when absent (electron-vite reads it). */
  pathTxt: string | null
  /** Whether node_modules/electron/dist/<path.txt> exists. */
  executableExists: (relativePath: string) => boolean
}

/** The same test Electron's installer makes: the runtime of this version, for this platform, on disk. */
export function electronRuntimeInstalled(probe: ElectronInstallProbe, platform: string): boolean {
  const executable = electronExecutableName(platform)
  if (executable === null) return false
  if (probe.distVersion === null || probe.distVersion.trim().replace(/^v/, '') !== probe.packageVersion) return false
  if (probe.pathTxt !== executable) return false
  return probe.executableExists(executable)
}

export type StartStep = { kind: 'refuse'; message: string } | { kind: 'download-then-launch' } | { kind: 'launch' }

export interface StartSituation {
  nodeVersion: string
  platform: string
  runtimeInstalled: boolean
}

export function planStart(situation: StartSituation): StartStep {
  const version = parseNodeVersion(situation.nodeVersion)
  if (version === null || !nodeIsNewEnough(version)) {
    return { kind: 'refuse', message: nodeTooOldMessage(situation.nodeVersion) }
  }
  if (electronExecutableName(situation.platform) === null) {
    return { kind: 'refuse', message: platformUnsupportedMessage(situation.platform) }
  }
  return situation.runtimeInstalled ? { kind: 'launch' } : { kind: 'download-then-launch' }
}

const minimumText = `${DESKTOP_MIN_NODE.major}.${DESKTOP_MIN_NODE.minor}`

export function nodeTooOldMessage(current: string): string {
  return (
    `车档桌面版需要 Node.js ${minimumText} 或更新版本（当前 ${current}），请升级 Node.js 后再运行 npm start。` +
    ` / The desktop app needs Node.js ${minimumText} or newer (this is ${current}); upgrade Node.js and run npm start again.`
  )
}

export function platformUnsupportedMessage(platform: string): string {
  return (
    `Electron 不支持此操作系统（${platform}），车档桌面版无法在此运行；可用 npm run web 在浏览器中试用。` +
    ` / Electron does not run on this system (${platform}); try the browser mode with npm run web.`
  )
}

/**
 * The one line shown when the runtime could not be fetched. `installerOutput` is what Electron's
 * installer printed; only its first recognisable error line is kept, never the stack trace.
 */
export function downloadFailedMessage(installerOutput: string): string {
  const reason = downloadFailureReason(installerOutput)
  const because = reason ? `（${reason}）` : ''
  const becauseEn = reason ? ` (${reason})` : ''
  return (
    `首次启动需要从互联网下载 Electron 运行时，但下载失败${because}：请连接互联网（或设置 ELECTRON_MIRROR 为可用的镜像）后重新运行 npm start。` +
    ` / The first start downloads the Electron runtime, and the download failed${becauseEn}: connect to the internet (or set ELECTRON_MIRROR to a reachable mirror) and run npm start again.`
  )
}

export function downloadFailureReason(installerOutput: string): string | null {
  const lines = installerOutput
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('at '))
  const errorLine =
    lines.find((line) => /error|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|EPERM|EACCES/i.test(line)) ?? lines[0]
  if (!errorLine) return null
  const reason = errorLine.replace(/^(Request)?Error:\s*/i, '').replace(/^\w*Error:\s*/, '')
  return reason.length > 160 ? `${reason.slice(0, 157)}...` : reason
}

/** The outside world `npm start` touches; stubbed in tests, so they never download anything. */
export interface StartEnvironment {
  nodeVersion: string
  platform: string
  runtimeInstalled: () => boolean
  /** Runs Electron's installer; `output` is what it printed. */
  downloadRuntime: () => { ok: boolean; output: string }
  /** Builds and opens the app; returns its exit code. */
  launch: () => number
  say: (line: string) => void
  complain: (line: string) => void
}

/** The whole start, in order: Node, runtime (fetched once), launch. Returns the exit code. */
export function runStart(env: StartEnvironment): number {
  const step = planStart({
    nodeVersion: env.nodeVersion,
    platform: env.platform,
    runtimeInstalled: env.runtimeInstalled()
  })
  if (step.kind === 'refuse') {
    env.complain(step.message)
    return 1
  }
  if (step.kind === 'download-then-launch') {
    env.say('正在下载 Electron 运行时（仅首次启动）… / Downloading the Electron runtime (first start only)…')
    const download = env.downloadRuntime()
    if (!download.ok || !env.runtimeInstalled()) {
      env.complain(downloadFailedMessage(download.output))
      return 1
    }
  }
  return env.launch()
}
