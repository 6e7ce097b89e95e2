import type { ChedangBridge } from '@shared/ipc/contract'
import type { BackupAuthKeyStore } from './platform'

/** Desktop: K_auth kept by main under the OS account's protection (Electron safeStorage). */
export function createDesktopAuthKeyStore(
  bridge: Pick<ChedangBridge, 'saveBackupAuthKey' | 'readBackupAuthKey'>
): BackupAuthKeyStore {
  return {
    kind: 'os',
    read: async (keyId) => {
      const key = await bridge.readBackupAuthKey({ keyId })
      return key === null ? null : new Uint8Array(key)
    },
    save: (keyId, authKey) => bridge.saveBackupAuthKey({ keyId, key: new Uint8Array(authKey) })
  }
}
