import { describe, expect, it } from 'vitest'
import { copyPolicyData } from '../policy/deep-freeze'
import { validatePolicy } from '../rules/policy-validation'
import { FAW_VW_PRESET } from '../policy/presets/faw-vw'

// The reading of FAW-VW 四.2 and the approvers for 机密/绝密 files are optional policy fields:
// policies stored before they existed still load, and a wrong value is refused in Chinese.
describe('retention and loan options in a stored policy', () => {
  it('a policy without the options loads, and one with them loads', () => {
    expect(validatePolicy(copyPolicyData(FAW_VW_PRESET)).ok).toBe(true)
    const withOptions = copyPolicyData(FAW_VW_PRESET) as unknown as Record<string, Record<string, unknown>>
    withOptions.retention!.dormancyClock = 'since_creation'
    withOptions.loans!.classifiedApprovers = ['客户服务部经理']
    expect(validatePolicy(withOptions).ok).toBe(true)
  })

  it('an unknown reading of 四.2 is refused with a Chinese message', () => {
    const policy = copyPolicyData(FAW_VW_PRESET) as unknown as Record<string, Record<string, unknown>>
    policy.retention!.dormancyClock = 'weekly'
    const result = validatePolicy(policy)
    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toContain('未到店年数的起算点无效')
  })
})
