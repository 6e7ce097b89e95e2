import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { DomainError } from './domain-error'
import { defineStoredDocument, STORED_DOCUMENT_INVALID, STORED_DOCUMENT_TOO_NEW } from './stored-document'

// A synthetic kind in its second version: v1 kept only a name; v2 adds the calendar a deadline counts on.
interface ServiceDeskV2 {
  name: string
  calendar: 'working_days' | 'calendar_days'
}

const serviceDesk = defineStoredDocument<ServiceDeskV2>({
  kind: 'serviceDesk',
  label: '服务台设置',
  shape: 'fields',
  current: 2,
  upgrades: { 1: (body) => ({ ...(body as object), calendar: 'working_days' }) },
  schema: z.object({ name: z.string().min(1), calendar: z.enum(['working_days', 'calendar_days']) })
})

const refusal = (read: () => unknown): DomainError => {
  try {
    read()
  } catch (error) {
    if (error instanceof DomainError) return error
    throw error
  }
  throw new Error('read without refusal')
}

describe('a stored document read through its upgrade chain', () => {
  it('reads a row written before versions existed as version 1 and upgrades it', () => {
    expect(serviceDesk.read('{"name":"一号服务台"}')).toEqual({ name: '一号服务台', calendar: 'working_days' })
    expect(serviceDesk.read('{"documentVersion":1,"name":"一号服务台"}')).toEqual({
      name: '一号服务台',
      calendar: 'working_days'
    })
  })

  it('reads the current version as it is, and writes every document stamped with the current version', () => {
    const text = serviceDesk.write({ name: '二号服务台', calendar: 'calendar_days' })
    expect(JSON.parse(text)).toEqual({ documentVersion: 2, name: '二号服务台', calendar: 'calendar_days' })
    expect(serviceDesk.read(text)).toEqual({ name: '二号服务台', calendar: 'calendar_days' })
  })

  it('refuses a document written by a newer app, saying so in Chinese', () => {
    const error = refusal(() => serviceDesk.read('{"documentVersion":3,"name":"三号","calendar":"x","extra":1}'))
    expect(error.code).toBe(STORED_DOCUMENT_TOO_NEW)
    expect(error.message).toBe(
      '保存的服务台设置是更新版本的车档写入的（格式第 3 版，本程序只能读到第 2 版），请先升级车档'
    )
    expect(error.details).toEqual({ kind: 'serviceDesk', document: '服务台设置', version: '3', current: '2' })
  })

  it('refuses text that is not JSON, a bad version and a body that fails the schema', () => {
    expect(refusal(() => serviceDesk.read('{name')).message).toBe(
      '保存的服务台设置内容已损坏或格式不对（不是有效的 JSON），无法读取'
    )
    expect(refusal(() => serviceDesk.read('{"documentVersion":"2","name":"x"}')).code).toBe(STORED_DOCUMENT_INVALID)
    expect(refusal(() => serviceDesk.read('{"documentVersion":0,"name":"x"}')).code).toBe(STORED_DOCUMENT_INVALID)
    expect(refusal(() => serviceDesk.read('["一号服务台"]')).code).toBe(STORED_DOCUMENT_INVALID)
    const invalid = refusal(() => serviceDesk.read('{"documentVersion":2,"name":"一号","calendar":"lunar"}'))
    expect(invalid.code).toBe(STORED_DOCUMENT_INVALID)
    expect(invalid.details['detail']).toMatch(/^calendar：/)
    expect(serviceDesk.problemOf('{"name":""}')).toMatch(/^保存的服务台设置内容已损坏或格式不对（name：/)
    expect(serviceDesk.problemOf('{"name":"一号"}')).toBeNull()
  })

  it('keeps a list or a map wrapped, so no key of it can be taken for the version', () => {
    const codes = defineStoredDocument<Record<string, boolean>>({
      kind: 'ticks',
      label: '勾选',
      shape: 'wrapped',
      current: 1,
      upgrades: {},
      schema: z.record(z.string(), z.boolean())
    })
    expect(JSON.parse(codes.write({ documentVersion: true }))).toEqual({
      documentVersion: 1,
      items: { documentVersion: true }
    })
    expect(codes.read(codes.write({ documentVersion: true }))).toEqual({ documentVersion: true })
    expect(codes.read('{"a":true}')).toEqual({ a: true })
  })

  it('cannot be defined with a version missing from its chain', () => {
    expect(() =>
      defineStoredDocument({
        kind: 'k',
        label: 'k',
        shape: 'fields',
        current: 3,
        upgrades: { 1: (b) => b },
        schema: z.object({})
      })
    ).toThrow('k: no upgrade from version 2')
  })
})
