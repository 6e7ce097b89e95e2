import { describe, expect, it } from 'vitest'
import type { ArchiveFacts } from './archive-facts'
import type { FactValue } from './fact-value'
import { isFilledIn, readFacts } from './read-facts'
import type { ReadAs } from './read-facts'

// How every rule reads what the checker entered: not entered (incomplete), blank on the paper and
// written wrong (fail) are told apart, and the message names the fact.
const factsOf = (values: Record<string, FactValue | undefined>): ArchiveFacts => ({
  values,
  definitions: {
    'invoice.invoiceDate': {
      definition: { key: 'invoiceDate', label: '开票日期', type: 'date' } as never,
      label: '《购车发票》开票日期'
    }
  }
})

const readOne = (raw: FactValue | undefined, as: keyof ReadAs, optional = false) =>
  readFacts(factsOf({ 'a.b': raw }), { x: { ref: 'a.b', as, optional } })

describe('readFacts', () => {
  it('reads each kind of value as entered, trimming text and list items', () => {
    expect(readOne(' 王建国 ', 'text')).toEqual({ ok: true, values: { x: '王建国' } })
    expect(readOne(0, 'number')).toEqual({ ok: true, values: { x: 0 } })
    expect(readOne(false, 'boolean')).toEqual({ ok: true, values: { x: false } })
    expect(readOne([' 火花塞 ', '', '机油'], 'list')).toEqual({ ok: true, values: { x: ['火花塞', '机油'] } })
    expect(readOne([], 'list')).toEqual({ ok: true, values: { x: [] } })
    expect(readOne([{ role: 'customer' }], 'signatures')).toEqual({ ok: true, values: { x: [{ role: 'customer' }] } })
    expect(readOne({ front_left: 3.2, rear_left: null }, 'measurements')).toEqual({
      ok: true,
      values: { x: { front_left: 3.2, rear_left: null } }
    })
    expect(readOne('2026年3月4日', 'date')).toEqual({ ok: true, values: { x: '2026-03-04' } })
  })

  it('is incomplete while a fact is not entered, naming every missing fact', () => {
    const read = readFacts(factsOf({}), {
      a: { ref: 'invoice.invoiceDate', as: 'date' },
      b: { ref: 'x.y', as: 'text' }
    })
    expect(read).toEqual({
      ok: false,
      outcome: { status: 'incomplete', message: '尚未录入：《购车发票》开票日期、x.y' }
    })
  })

  it('fails a fact left blank on the paper, whether null or spaces', () => {
    expect(
      readFacts(factsOf({ 'invoice.invoiceDate': null }), { a: { ref: 'invoice.invoiceDate', as: 'date' } })
    ).toEqual({ ok: false, outcome: { status: 'fail', message: '《购车发票》开票日期未填写' } })
    expect(readOne('  ', 'text')).toEqual({ ok: false, outcome: { status: 'fail', message: 'a.b未填写' } })
  })

  it('fails a value of the wrong kind, and a wrong value wins over a missing one', () => {
    for (const [raw, as] of [
      ['12', 'number'],
      [Number.NaN, 'number'],
      ['yes', 'boolean'],
      [3, 'text'],
      [['a', 1], 'list'],
      ['a', 'list'],
      ['  ', 'list'],
      [[{ name: '张三' }], 'signatures'],
      [[null], 'signatures'],
      [[1, 2], 'measurements'],
      ['3.2', 'measurements'],
      [20260304, 'date'],
      [20260304, 'moment']
    ] as [FactValue, keyof ReadAs][]) {
      expect(readOne(raw, as), `${JSON.stringify(raw)} as ${as}`).toEqual({
        ok: false,
        outcome: { status: 'fail', message: 'a.b：录入的值格式不正确' }
      })
    }
    const read = readFacts(factsOf({ 'a.b': 'x' }), {
      missing: { ref: 'c.d', as: 'text' },
      wrong: { ref: 'a.b', as: 'number' },
      wrong2: { ref: 'a.b', as: 'boolean' }
    })
    expect(read).toEqual({
      ok: false,
      outcome: { status: 'fail', message: 'a.b：录入的值格式不正确；a.b：录入的值格式不正确' }
    })
  })

  it('passes on the reason of a date that is written but impossible', () => {
    expect(readOne('2026-02-30', 'date')).toEqual({
      ok: false,
      outcome: { status: 'fail', message: expect.stringMatching(/^a\.b：.*不是有效日期/) }
    })
  })

  it('gives undefined for an optional fact that is missing or blank, but still fails one written wrong', () => {
    expect(readOne(undefined, 'text', true)).toEqual({ ok: true, values: { x: undefined } })
    expect(readOne(null, 'text', true)).toEqual({ ok: true, values: { x: undefined } })
    expect(readOne(5, 'text', true)).toEqual({
      ok: false,
      outcome: { status: 'fail', message: 'a.b：录入的值格式不正确' }
    })
  })
})

describe('isFilledIn', () => {
  it('counts blanks, empty lists and readings without any value as not filled in', () => {
    for (const raw of [undefined, null, '', '  ', [], {}, { front_left: null, rear_left: undefined }])
      expect(isFilledIn(raw), JSON.stringify(raw)).toBe(false)
  })

  it('counts text, numbers (0 too), booleans (false too), lists and a single reading as filled in', () => {
    for (const raw of ['李明', 0, false, ['a'], { front_left: null, rear_left: 2.5 }])
      expect(isFilledIn(raw), JSON.stringify(raw)).toBe(true)
  })
})
