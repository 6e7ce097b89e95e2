import type Dexie from 'dexie'
import { mapStorageError } from '../storage-errors'

/**
 * Every write of `db` that fails because the disk is full fails with STORAGE_FULL (a Chinese
 * sentence) instead of the raw QuotaExceededError. Call before the database is opened.
 */
export function mapStorageErrors(db: Dexie): void {
  db.use({
    stack: 'dbcore',
    name: 'storage-full',
    create: (down) => ({
      ...down,
      transaction: (...args: Parameters<typeof down.transaction>) => down.transaction(...args),
      table: (name: string) => {
        const table = down.table(name)
        return {
          ...table,
          mutate: (request) =>
            table.mutate(request).catch((error: unknown) => {
              throw mapStorageError(error)
            })
        }
      }
    })
  })
}

/**
 * Another window (or a newer app) wants to upgrade the database: this window closes its connection
 * for good — it must not keep writing with the old schema — and `onClosed` asks for a reload.
 * Returns a function that removes the watch.
 */
export function stopWritingOnVersionChange(db: Dexie, onClosed: () => void): () => void {
  const handler = () => {
    db.close({ disableAutoOpen: true })
    onClosed()
    return false
  }
  db.on('versionchange', handler)
  return () => db.on('versionchange').unsubscribe(handler)
}
