import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import type * as FsPromises from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomic } from './atomic-write'

// Real file system; only `rename` is wrapped so a test can make the final step fail.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>()
  return { ...actual, rename: vi.fn(actual.rename) }
})

const errno = (code: string) => Object.assign(new Error(code), { code })

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chedang-atomic-'))
})
afterEach(async () => {
  vi.mocked(rename).mockClear()
  await rm(dir, { recursive: true, force: true })
})

describe('writeFileAtomic', () => {
  it('creates the file with exactly the given bytes and leaves no temp file', async () => {
    const target = join(dir, '档案.json')
    const bytes = new Uint8Array([0, 1, 2, 250, 255, 10])
    await writeFileAtomic(target, bytes)
    expect(new Uint8Array(await readFile(target))).toEqual(bytes)
    expect(await readdir(dir)).toEqual(['档案.json'])
  })

  it('replaces an existing file completely (longer old content is not left behind)', async () => {
    const target = join(dir, 'backup.bin')
    await writeFile(target, 'old content that is much longer than the new one')
    await writeFileAtomic(target, new TextEncoder().encode('new'))
    expect(await readFile(target, 'utf8')).toBe('new')
    expect(await readdir(dir)).toEqual(['backup.bin'])
  })

  it('writes large payloads in full', async () => {
    const target = join(dir, 'big.bin')
    const bytes = new Uint8Array(8 * 1024 * 1024).map((_, i) => i % 251)
    await writeFileAtomic(target, bytes)
    const written = await readFile(target)
    expect(written.byteLength).toBe(bytes.byteLength)
    expect(written.equals(bytes)).toBe(true)
  })

  it('when the final rename fails, the original file is unchanged and no temp file remains', async () => {
    const target = join(dir, 'archive.json')
    await writeFile(target, 'ORIGINAL')
    vi.mocked(rename).mockRejectedValueOnce(errno('EXDEV'))
    await expect(writeFileAtomic(target, new TextEncoder().encode('NEW'))).rejects.toThrow('EXDEV')
    expect(await readFile(target, 'utf8')).toBe('ORIGINAL')
    expect(await readdir(dir)).toEqual(['archive.json'])
  })

  it('rides out a briefly locked target (Windows antivirus/indexer) and still writes', async () => {
    const target = join(dir, 'locked.json')
    await writeFile(target, 'ORIGINAL')
    vi.mocked(rename).mockRejectedValueOnce(errno('EBUSY')).mockRejectedValueOnce(errno('EPERM'))
    await writeFileAtomic(target, new TextEncoder().encode('NEW'))
    expect(await readFile(target, 'utf8')).toBe('NEW')
    expect(await readdir(dir)).toEqual(['locked.json'])
  })

  it('fails without creating anything when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'x.json'), new Uint8Array([1]))).rejects.toThrow()
    expect(await readdir(dir)).toEqual([])
  })
})
