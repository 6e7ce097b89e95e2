const DEVICE_KEY = 'chedang.deviceId'

/** This PC's id: made once, kept per browser profile, so each device's audit chain stays its own. */
export function deviceId(storage: Storage = localStorage): string {
  let id = storage.getItem(DEVICE_KEY)
  if (!id) {
    id = crypto.randomUUID()
    storage.setItem(DEVICE_KEY, id)
  }
  return id
}
