import { describe, expect, it } from 'vitest'
import {
  downloadFailedMessage,
  electronRuntimeInstalled,
  nodeIsNewEnough,
  parseNodeVersion,
  planStart,
  runStart,
  type StartEnvironment
} from './start-decisions'

const installedLinux = {
  packageVersion: '45.4.1',
  distVersion: 'v45.4.1',
  pathTxt: 'electron',
  executableExists: (relative: string) => relative === 'electron'
}

/** A stubbed machine: records what happened; the download never touches the network. */
function machine(overrides: Partial<StartEnvironment> & { installedAfterDownload?: boolean } = {}) {
  const happened: string[] = []
  let installed = false
  const env: StartEnvironment = {
    nodeVersion: 'v22.12.0',
    platform: 'linux',
    runtimeInstalled: () => installed,
    downloadRuntime: () => {
      happened.push('download')
      installed = overrides.installedAfterDownload ?? true
      return {
        ok: installed,
        output: installed ? '' : 'TypeError: fetch failed\n    at node:internal/deps/undici/undici:14976:13'
      }
    },
    launch: () => {
      happened.push('launch')
      return 0
    },
    say: (line) => happened.push(`say:${line}`),
    complain: (line) => happened.push(`complain:${line}`),
    ...overrides
  }
  return { env, happened }
}

describe('npm start: Node version', () => {
  it('reads Node versions and compares them with 22.12', () => {
    expect(parseNodeVersion('v20.19.0')).toEqual({ major: 20, minor: 19, patch: 0 })
    expect(parseNodeVersion('nonsense')).toBeNull()
    expect(nodeIsNewEnough({ major: 22, minor: 11, patch: 9 })).toBe(false)
    expect(nodeIsNewEnough({ major: 22, minor: 12, patch: 0 })).toBe(true)
    expect(nodeIsNewEnough({ major: 23, minor: 0, patch: 0 })).toBe(true)
    expect(nodeIsNewEnough({ major: 20, minor: 99, patch: 0 })).toBe(false)
  })

  it('on Node 20 says in one line, Chinese and English, to upgrade, and neither downloads nor launches', () => {
    const { env, happened } = machine({ nodeVersion: 'v20.19.5' })
    expect(runStart(env)).toBe(1)
    expect(happened).toHaveLength(1)
    const line = happened[0]!
    expect(line).toMatch(/^complain:/)
    expect(line).not.toContain('\n')
    expect(line).toContain('需要 Node.js 22.12 或更新版本（当前 v20.19.5）')
    expect(line).toContain('needs Node.js 22.12 or newer')
  })
})

describe('npm start: the Electron runtime', () => {
  it('counts the runtime as installed only when version, path.txt and executable agree', () => {
    expect(electronRuntimeInstalled(installedLinux, 'linux')).toBe(true)
    expect(electronRuntimeInstalled({ ...installedLinux, pathTxt: null }, 'linux')).toBe(false)
    expect(electronRuntimeInstalled({ ...installedLinux, distVersion: '44.0.0' }, 'linux')).toBe(false)
    expect(electronRuntimeInstalled({ ...installedLinux, executableExists: () => false }, 'linux')).toBe(false)
    expect(
      electronRuntimeInstalled({ ...installedLinux, pathTxt: 'electron.exe', executableExists: () => true }, 'win32')
    ).toBe(true)
  })

  it('plans a download only when the runtime is missing', () => {
    expect(planStart({ nodeVersion: 'v22.12.0', platform: 'linux', runtimeInstalled: true })).toEqual({
      kind: 'launch'
    })
    expect(planStart({ nodeVersion: 'v24.1.0', platform: 'win32', runtimeInstalled: false })).toEqual({
      kind: 'download-then-launch'
    })
    expect(planStart({ nodeVersion: 'v24.1.0', platform: 'aix', runtimeInstalled: false }).kind).toBe('refuse')
  })

  it('fetches the missing runtime once, then launches', () => {
    const { env, happened } = machine()
    expect(runStart(env)).toBe(0)
    expect(happened.filter((h) => !h.startsWith('say:'))).toEqual(['download', 'launch'])
  })

  it('launches straight away when the runtime is there', () => {
    const { env, happened } = machine({ runtimeInstalled: () => true })
    expect(runStart(env)).toBe(0)
    expect(happened).toEqual(['launch'])
  })

  it('without internet prints one clear line without a stack trace and does not launch', () => {
    const { env, happened } = machine({ installedAfterDownload: false })
    expect(runStart(env)).toBe(1)
    expect(happened).not.toContain('launch')
    const complaint = happened.find((h) => h.startsWith('complain:'))!
    expect(complaint).not.toContain('\n')
    expect(complaint).not.toContain('undici')
    expect(complaint).toContain('下载失败（fetch failed）')
    expect(complaint).toContain('请连接互联网')
    expect(complaint).toContain('connect to the internet')
  })

  it('keeps the reason short and drops stack frames', () => {
    const message = downloadFailedMessage('Error: getaddrinfo ENOTFOUND github.com\n    at GetAddrInfoReqWrap.onlookup')
    expect(message).toContain('（getaddrinfo ENOTFOUND github.com）')
    expect(message).not.toContain('onlookup')
  })
})
