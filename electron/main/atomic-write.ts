import { randomBytes } from 'node:crypto'
import { open, rename, unlink } from 'node:fs/promises'
import { dirname, join } from 'node:path'

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY'])
const RENAME_ATTEMPTS = 5

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms))

/**
 * Writes `data` to `targetPath` so that the target is, at every instant, either the complete old
 * file or the complete new one — never a truncated mix (power loss, crash, full disk):
 * write `<target>.tmp-<random>` in the same folder (same volume, so rename is atomic), fsync it,
 * rename it over the target, then fsync the folder where the OS allows it.
 * On any failure the temp file is removed and the original target is left untouched.
 */
export async function writeFileAtomic(targetPath: string, data: Uint8Array): Promise<void> {
  const tempPath = `${targetPath}.tmp-${randomBytes(6).toString('hex')}`
  try {
    // 'wx': never reuse or follow an existing file at the temp name.
    const handle = await open(tempPath, 'wx', 0o666)
    try {
      let written = 0
      while (written < data.byteLength) {
        const { bytesWritten } = await handle.write(data, written, data.byteLength - written)
        written += bytesWritten
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    await renameWithRetry(tempPath, targetPath)
  } catch (error) {
    await unlink(tempPath).catch(() => undefined)
    throw error
  }
  await syncFolder(dirname(targetPath))
}

/** Windows: antivirus or the search indexer may briefly hold the target open. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (attempt >= RENAME_ATTEMPTS || code === undefined || !RENAME_RETRY_CODES.has(code)) throw error
      await sleep(20 * attempt)
    }
  }
}

/** Makes the rename itself durable on POSIX. Windows cannot open folders: nothing to do there. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Best effort: the data is already safely in place.
  }
}

/** A file written piece by piece into a temp file, then moved into place whole (or not at all). */
export interface AtomicStream {
  write(data: Uint8Array): Promise<void>
  /** fsync, close and rename onto `targetPath` (same folder, so the rename is atomic). */
  commit(targetPath: string): Promise<void>
  /** Closes and removes the temp file; the target is never touched. */
  abort(): Promise<void>
}

/** Starts a streamed atomic write in `folder`: a hidden temp file there until commit. */
export async function createAtomicStream(folder: string): Promise<AtomicStream> {
  const tempPath = join(folder, `.chedang-${randomBytes(6).toString('hex')}.partial`)
  const handle = await open(tempPath, 'wx', 0o666)
  let closed = false
  const close = async () => {
    if (closed) return
    closed = true
    await handle.close()
  }
  return {
    async write(data) {
      let written = 0
      while (written < data.byteLength) {
        const { bytesWritten } = await handle.write(data, written, data.byteLength - written)
        written += bytesWritten
      }
    },
    async commit(targetPath) {
      try {
        await handle.sync()
        await close()
        await renameWithRetry(tempPath, targetPath)
      } catch (error) {
        await close().catch(() => undefined)
        await unlink(tempPath).catch(() => undefined)
        throw error
      }
      await syncFolder(dirname(targetPath))
    },
    async abort() {
      await close().catch(() => undefined)
      await unlink(tempPath).catch(() => undefined)
    }
  }
}
