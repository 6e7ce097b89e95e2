import { describe, expect, it } from 'vitest'
import i18next from 'i18next'
import { isDomainError } from '@shared/model/domain-error'
import type { ChedangBridge } from '@shared/ipc/contract'
import { errorMessage } from '../components/error-message'
import { zhCN } from '../i18n/zh-CN'
import { enUS } from '../i18n/en-US'
import { detectBackupTarget } from '.'

// What Electron hands the renderer when a handler in main throws: only the message survives, wrapped.
const fromMain = (message: string) => new Error(`Error invoking remote method 'backup:list': Error: ${message}`)

async function english() {
  const i18n = i18next.createInstance()
  await i18n.init({
    lng: 'en-US',
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    interpolation: { escapeValue: false }
  })
  return i18n
}

function desktopWith(failure: Error): Window {
  const bridge = {
    listBackups: async () => {
      throw failure
    }
  } as unknown as ChedangBridge
  return { chedang: bridge, document, localStorage } as unknown as Window
}

describe('refusals from the desktop shell reach the screen as refusals', () => {
  it('turns a refusal made in main back into its DomainError, code, sentence and details', async () => {
    const target = detectBackupTarget(
      desktopWith(fromMain('BACKUP_NOT_FOUND: 备份文件夹里没有这份备份\n@details {"name":"车档备份.chedang-backup"}'))
    )
    const error = await target.list().then(
      () => null,
      (failure: unknown) => failure
    )
    expect(isDomainError(error)).toBe(true)
    expect(error).toMatchObject({
      code: 'BACKUP_NOT_FOUND',
      message: '备份文件夹里没有这份备份',
      details: { name: '车档备份.chedang-backup' }
    })
    expect(errorMessage(error, await english())).toBe('That backup is not in the backup folder.')
  })

  it('words the audit key refusal in English, not as an unexpected failure', async () => {
    const target = detectBackupTarget(
      desktopWith(fromMain('AUDIT_KEY_OTHER_USER: 无法解开审计密钥：它不是在本机的当前 Windows 用户下保存的'))
    )
    const error = await target.list().catch((failure: unknown) => failure)
    expect(errorMessage(error, await english())).toBe(
      'The audit key cannot be unlocked: it was not saved by the current Windows user on this PC.'
    )
  })

  it('leaves any other failure as it was', async () => {
    const crash = new Error('socket hang up')
    const error = await detectBackupTarget(desktopWith(crash))
      .list()
      .catch((failure: unknown) => failure)
    expect(error).toBe(crash)
    expect(errorMessage(error, await english())).toBe('The action did not complete: socket hang up')
  })
})
