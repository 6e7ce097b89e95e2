import type { Actor } from '@shared/model/sync-meta'

const DEVICE_KEY = 'chedang.deviceId'

/** This PC's id: made once, kept per browser profile, so each device's audit sequence stays its own. */
export function deviceId(storage: Storage = localStorage): string {
  let id = storage.getItem(DEVICE_KEY)
  if (!id) {
    id = crypto.randomUUID()
    storage.setItem(DEVICE_KEY, id)
  }
  return id
}

/** Until operator accounts exist, writes are signed by this device's local operator. */
export function localActor(storage?: Storage): Actor {
  return { operatorId: 'local-operator', operatorName: '本机操作员', deviceId: deviceId(storage) }
}
