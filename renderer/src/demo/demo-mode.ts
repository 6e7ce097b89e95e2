// Which archive this window shows: the real one, or the sample dealership. The choice is made before
// any database opens and lasts for this window only, so a restart always comes back to the real archive.

const DEMO_MODE_KEY = 'chedang.demo'

export function isDemoMode(storage: Storage = sessionStorage): boolean {
  return storage.getItem(DEMO_MODE_KEY) === '1'
}

/** Opens the sample dealership (created on first use) instead of the real archive. */
export function enterDemo(
  storage: Storage = sessionStorage,
  reload: () => void = () => window.location.reload()
): void {
  storage.setItem(DEMO_MODE_KEY, '1')
  window.location.hash = ''
  reload()
}

/** Back to the real archive. */
export function leaveDemo(
  storage: Storage = sessionStorage,
  reload: () => void = () => window.location.reload()
): void {
  storage.removeItem(DEMO_MODE_KEY)
  window.location.hash = ''
  reload()
}
