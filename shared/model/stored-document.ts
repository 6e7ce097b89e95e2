import type { z } from 'zod'
import { DomainError } from './domain-error'

// JSON kept in a row is a stored document: it carries the version of its format, and is read as
// parse → upgrade v→v+1 … → schema validation, never by a cast. Rows written before versions existed
// have no version and are version 1. A document from a newer app is refused, not guessed at.
//
// Two shapes: a document of named fields carries `documentVersion` beside them ({ documentVersion: 2, … });
// a list or a map keyed by codes is wrapped ({ documentVersion: 2, items: … }), so no key can clash.
//
// Adding version N+1 of a kind is one upgrade function (upgrades[N]: body of version N → body of N+1),
// `current` raised to N+1, and the schema changed to the new shape.

export type StoredDocumentShape = 'fields' | 'wrapped'

export interface StoredDocumentDefinition<T> {
  /** Stable name of the kind, e.g. 'policy' (in error details). */
  readonly kind: string
  /** What people call it, in Chinese, for error messages: '制度'. */
  readonly label: string
  readonly shape: StoredDocumentShape
  /** The version this app writes. */
  readonly current: number
  /** upgrades[v] turns the body of version v into the body of version v + 1; one per version below current. */
  readonly upgrades: Readonly<Record<number, (body: unknown) => unknown>>
  /** The shape of the current version's body. */
  readonly schema: z.ZodType<T>
}

export interface StoredDocument<T> {
  readonly kind: string
  readonly label: string
  readonly current: number
  /** Parses, upgrades and validates stored JSON text; DomainError STORED_DOCUMENT_INVALID / _TOO_NEW otherwise. */
  read(text: string): T
  /** The same for a value already parsed from JSON (e.g. a row of a backup file being checked). */
  readValue(value: unknown): T
  /** The JSON text to store: the value stamped with the current version. */
  write(value: T): string
  /** Null when the text would be read; else the Chinese reason it would be refused. */
  problemOf(text: string): string | null
}

export const STORED_DOCUMENT_INVALID = 'STORED_DOCUMENT_INVALID'
export const STORED_DOCUMENT_TOO_NEW = 'STORED_DOCUMENT_TOO_NEW'

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export function defineStoredDocument<T>(definition: StoredDocumentDefinition<T>): StoredDocument<T> {
  const { kind, label, shape, current, upgrades, schema } = definition
  for (let version = 1; version < current; version++) {
    if (typeof upgrades[version] !== 'function') throw new Error(`${kind}: no upgrade from version ${version}`)
  }

  const invalid = (detail: string) =>
    new DomainError(STORED_DOCUMENT_INVALID, `保存的${label}内容已损坏或格式不对（${detail}），无法读取`, {
      kind,
      document: label,
      detail
    })

  function unstamp(value: unknown): { version: number; body: unknown } {
    if (!isPlainObject(value) || !Object.hasOwn(value, 'documentVersion')) {
      if (shape === 'wrapped' || isPlainObject(value)) return { version: 1, body: value }
      throw invalid('不是一份文档')
    }
    const version = value['documentVersion']
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw invalid(`格式版本“${String(version)}”无效`)
    }
    if (shape === 'wrapped') return { version, body: value['items'] }
    const { documentVersion: _version, ...body } = value
    return { version, body }
  }

  function readValue(value: unknown): T {
    let { version, body } = unstamp(value)
    if (version > current) {
      throw new DomainError(
        STORED_DOCUMENT_TOO_NEW,
        `保存的${label}是更新版本的车档写入的（格式第 ${version} 版，本程序只能读到第 ${current} 版），请先升级车档`,
        { kind, document: label, version: String(version), current: String(current) }
      )
    }
    while (version < current) {
      body = upgrades[version]!(body)
      version++
    }
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      const where = issue.path.map(String).join('.')
      throw invalid(where ? `${where}：${issue.message}` : issue.message)
    }
    return parsed.data
  }

  function read(text: string): T {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch {
      throw invalid('不是有效的 JSON')
    }
    return readValue(value)
  }

  return {
    kind,
    label,
    current,
    read,
    readValue,
    write(value: T): string {
      if (shape === 'wrapped') return JSON.stringify({ documentVersion: current, items: value })
      if (!isPlainObject(value)) throw new Error(`${kind}: a document of fields must be an object`)
      return JSON.stringify({ documentVersion: current, ...value })
    },
    problemOf(text: string): string | null {
      try {
        read(text)
        return null
      } catch (error) {
        if (error instanceof DomainError) return error.message
        throw error
      }
    }
  }
}
