import { describe, expect, it } from 'vitest'
import type { Configuration } from 'electron-builder'
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'
import { DebugLogger } from 'builder-util/out/DebugLogger.js'

// Reads electron-builder.yml the way `npm run dist` does (electron-builder's own loader and schema),
// so a fuse that is misspelt, dropped or switched back on fails here, not in a customer's office.
async function packagingConfig(): Promise<Configuration> {
  const config = await getConfig(process.cwd(), null, null)
  await validateConfiguration(config, new DebugLogger(false))
  return config
}

describe('the packaged app', () => {
  it('cannot be run as Node, debugged, given NODE_OPTIONS, or load code from outside its checked app.asar', async () => {
    const config = await packagingConfig()
    expect(config.asar).toBe(true)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false
    })
  })

  it('never deletes the archive folder on uninstall', async () => {
    const config = await packagingConfig()
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false)
  })
})
