import type { Actor } from '@shared/model/sync-meta'
import type { Operator } from '@shared/operators/operator'

/** The logged-in operator on this device: every repository is bound to one. */
export interface Session {
  operator: Operator
  deviceId: string
}

export function actorOf(session: Session): Actor {
  return { operatorId: session.operator.accountId, operatorName: session.operator.name, deviceId: session.deviceId }
}
