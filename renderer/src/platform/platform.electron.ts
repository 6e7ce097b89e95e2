import type { ChedangBridge } from '@shared/ipc/contract'
import type { Platform } from './platform'

export function createElectronPlatform(bridge: ChedangBridge): Platform {
  return {
    kind: 'desktop',
    async saveFile(suggestedName, data, filters) {
      const result = await bridge.saveFile(filters ? { suggestedName, data, filters } : { suggestedName, data })
      return result.saved
    },
    async openFile(filters) {
      const file = await bridge.openFile(filters ? { filters } : {})
      return file && { name: file.name, data: new Uint8Array(file.data) }
    },
    printPdf(title, data) {
      return bridge.printPdf({ title, data })
    }
  }
}
