import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IpcChannel } from '../../shared/ipc/channels'
import { fake } from '../main/test-support/fake-electron'

vi.mock('electron', async () => (await import('../main/test-support/fake-electron')).electronModule)

type Bridge = Record<string, (...args: unknown[]) => Promise<unknown>>
let bridge: Bridge

beforeAll(async () => {
  await import('./index')
  bridge = fake.exposedInMainWorld.get('chedang') as Bridge
})

describe('window.chedang (what the renderer can reach)', () => {
  it('is the only thing exposed, with exactly its operations and nothing else', () => {
    expect([...fake.exposedInMainWorld.keys()]).toEqual(['chedang'])
    expect(Object.keys(bridge).sort()).toEqual([
      'abortBackupWrite',
      'appInfo',
      'appendAuditAnchors',
      'appendBackupWrite',
      'auditKey',
      'beginBackupWrite',
      'chooseBackupFolder',
      'finishBackupWrite',
      'getBackupFolder',
      'listBackups',
      'openFile',
      'printPdf',
      'readAuditAnchors',
      'readBackup',
      'readBackupAuthKey',
      'readBackupPiece',
      'saveBackupAuthKey',
      'saveFile',
      'writeBackup'
    ])
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function')
  })

  it('saveFile sends the request, and only the request, on the save channel', async () => {
    const request = { suggestedName: 'a.pdf', data: new Uint8Array([1, 2]) }
    await bridge['saveFile']!(request, 'smuggled second argument')
    expect(fake.invoked.at(-1)).toEqual({ channel: IpcChannel.saveFile, args: [request] })
  })

  it('each operation uses its own channel; appInfo sends no payload', async () => {
    await bridge['openFile']!({})
    await bridge['printPdf']!({ title: 't', data: new Uint8Array(5) })
    await bridge['appInfo']!('ignored')
    expect(fake.invoked.slice(-3)).toEqual([
      { channel: IpcChannel.openFile, args: [{}] },
      { channel: IpcChannel.printPdf, args: [{ title: 't', data: new Uint8Array(5) }] },
      { channel: IpcChannel.appInfo, args: [] }
    ])
  })

  it('the backup operations use their own channels; only writeBackup and readBackup carry a payload', async () => {
    const write = { fileName: '车档备份-2026-11-22-0930-daily.chedang-backup', data: new Uint8Array(3), keepDaily: 30 }
    await bridge['chooseBackupFolder']!('ignored')
    await bridge['getBackupFolder']!('ignored')
    await bridge['writeBackup']!(write, 'smuggled')
    await bridge['listBackups']!({ folder: '/' })
    await bridge['readBackup']!({ name: 'x.chedang-backup' }, 'smuggled')
    expect(fake.invoked.slice(-5)).toEqual([
      { channel: IpcChannel.chooseBackupFolder, args: [] },
      { channel: IpcChannel.getBackupFolder, args: [] },
      { channel: IpcChannel.writeBackup, args: [write] },
      { channel: IpcChannel.listBackups, args: [] },
      { channel: IpcChannel.readBackup, args: [{ name: 'x.chedang-backup' }] }
    ])
  })

  it('the audit trust operations use their own channels; only appendAuditAnchors carries a payload', async () => {
    const append = { anchors: [] }
    await bridge['auditKey']!('ignored')
    await bridge['appendAuditAnchors']!(append, 'smuggled')
    await bridge['readAuditAnchors']!('ignored')
    expect(fake.invoked.slice(-3)).toEqual([
      { channel: IpcChannel.auditKey, args: [] },
      { channel: IpcChannel.appendAuditAnchors, args: [append] },
      { channel: IpcChannel.readAuditAnchors, args: [] }
    ])
  })
})
