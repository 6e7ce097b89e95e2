import { describe, it, expect } from 'vitest'
import { validateOrganisationId } from './organisation-id'

describe('validateOrganisationId', () => {
  it('accepts an 18-character unified social credit code', () => {
    expect(validateOrganisationId('91350100m000100y43')).toEqual({ ok: true, value: '91350100M000100Y43' })
  })

  it('accepts a 9-character organisation code, printed with or without the hyphen', () => {
    expect(validateOrganisationId('D2143569X')).toEqual({ ok: true, value: 'D2143569X' })
    expect(validateOrganisationId('D2143569-X')).toEqual({ ok: true, value: 'D2143569X' })
    expect(validateOrganisationId('Ｄ２１４３５６９－ｘ')).toEqual({ ok: true, value: 'D2143569X' })
  })

  it('passes on the specific reason of the code it recognised', () => {
    expect(validateOrganisationId('91350100M000100Y44')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('统一社会信用代码最后一位校验码应为 3')
    })
    expect(validateOrganisationId('D2143569-1')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('组织机构代码最后一位校验码应为 X')
    })
  })

  it('asks for a code when empty', () => {
    expect(validateOrganisationId(' ')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('请填写统一社会信用代码')
    })
  })

  it('says which lengths are expected and how many characters were typed', () => {
    expect(validateOrganisationId('91350100M000100')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/18位.*9位.*现在填了15位/)
    })
    expect(validateOrganisationId('D21435690X')).toMatchObject({
      ok: false,
      reason: '应填写18位统一社会信用代码或9位组织机构代码，现在填了10位，请核对'
    })
  })
})
