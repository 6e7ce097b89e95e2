import type { AuditTrustBridge } from '@shared/ipc/contract'
import type { AuditTrust } from './platform'

/** The desktop's audit trust: the key fetched once from main at start, anchors appended by main with fsync. */
export async function openDesktopAuditTrust(bridge: AuditTrustBridge): Promise<AuditTrust> {
  const { key } = await bridge.auditKey()
  return {
    kind: 'desktop',
    key: new Uint8Array(key),
    appendAnchors: (anchors) => bridge.appendAuditAnchors({ anchors: [...anchors] }),
    readAnchors: () => bridge.readAuditAnchors()
  }
}
