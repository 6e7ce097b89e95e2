import { describe, expect, it } from 'vitest'
import { permissionForSecrecy, SECRECY_LABELS } from './secrecy'

describe('permissionForSecrecy: who may see a file of each level', () => {
  it('needs no extra right for 普通 files', () => {
    expect(permissionForSecrecy('ordinary')).toBeNull()
  })

  it('needs the 机密 right for confidential files', () => {
    expect(permissionForSecrecy('confidential')).toBe('vehicleFile.readConfidential')
  })

  it('needs the 绝密 right, not the 机密 one, for top-secret files', () => {
    expect(permissionForSecrecy('top_secret')).toBe('vehicleFile.readTopSecret')
  })

  it('names the levels as the policy does', () => {
    expect(SECRECY_LABELS).toEqual({ ordinary: '普通', confidential: '机密', top_secret: '绝密' })
  })
})
