import i18next, { type i18n } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { DomainError } from '@shared/model/domain-error'
import { transition } from '@shared/archive/archive-status'
import { backupKeyNotSet, backupPassphraseProblem } from '@shared/backup/backup-crypto'
import { backupNewerSchema } from '@shared/backup/backup-format'
import { getPreset } from '@shared/policy/presets/preset-registry'
import { formatArchiveNo } from '@shared/vehicle/archive-number'
import { duplicateVinError, hiddenDuplicateVinError } from '@shared/vehicle/vehicle-file-errors'
import { ambiguousScanError, readHandoverScan } from '@shared/handover/handover-scan'
import { handedByNameSchema, parseHandoverText } from '@shared/handover/handover-input'
import { readHandoverAnchorDate } from '@shared/handover/handover-date'
import { passwordRuleBreaches } from '@shared/operators/password-policy'
import { problemDetails } from '@shared/validation'
import { zhCN } from '../i18n/zh-CN'
import { enUS } from '../i18n/en-US'
import { errorMessage } from './error-message'

let zh: i18n
let en: i18n

async function instance(lng: string): Promise<i18n> {
  const made = i18next.createInstance()
  await made.init({
    lng,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    interpolation: { escapeValue: false }
  })
  return made
}

function thrown(act: () => unknown): unknown {
  try {
    act()
  } catch (error) {
    return error
  }
  throw new Error('expected a refusal')
}

beforeAll(async () => {
  zh = await instance('zh-CN')
  en = await instance('en-US')
})

const existing = { id: 'f1', vin: 'LFV2A21K8G3012345', archiveNo: 'XS2026-0007', ownerName: '王建国' }

// Refusals made by the domain code itself, so the texts are checked against what is really thrown.
const refusals = (): unknown[] => [
  backupPassphraseProblem('short'),
  backupKeyNotSet(),
  backupNewerSchema(9, 3),
  thrown(() => getPreset('no-such-preset')),
  duplicateVinError(existing),
  hiddenDuplicateVinError(),
  ambiguousScanError('012345', 3),
  ...validationRefusals()
]

// Refusals that carry a validator's reason: a wrong VIN scanned, a name too short, a date in the future.
const validationRefusals = (): unknown[] => [
  thrown(() => readHandoverScan('LFV2A21K0S1234567')),
  thrown(() => parseHandoverText(handedByNameSchema, '王', 'handedBy')),
  thrown(() => readHandoverAnchorDate('sales', '2026-12-01', new Date('2026-11-30T02:00:00Z')))
]

describe('errorMessage', () => {
  it('words a refusal in English with its details', () => {
    const text = errorMessage(duplicateVinError(existing), en)
    expect(text).toBe(
      'VIN LFV2A21K8G3012345 already has a file: archive number XS2026-0007 (owner 王建国). One vehicle, one file.'
    )
  })

  it('picks the variant of a refusal: a file the operator may not see is not named', () => {
    expect(errorMessage(hiddenDuplicateVinError(), en)).toBe('That VIN already has a file (which you may not see).')
  })

  it('reads in Chinese exactly as the refusal itself says it', () => {
    for (const error of refusals()) {
      expect(error).toBeInstanceOf(DomainError)
      expect(errorMessage(error, zh)).toBe((error as DomainError).message)
    }
  })

  it('has no Chinese left in the English text of a refusal that carries no Chinese data', () => {
    const han = /[\u4e00-\u9fff]/
    for (const error of [backupPassphraseProblem('short'), backupNewerSchema(9, 3), ambiguousScanError('012345', 3)])
      expect(errorMessage(error, en)).not.toMatch(han)
    expect(errorMessage(backupPassphraseProblem('short'), en)).toBe(
      'The backup passphrase needs at least 12 characters.'
    )
  })

  it('words the validator reason inside a refusal in English, not only the frame around it', () => {
    const [scan, name, date] = validationRefusals().map((error) => errorMessage(error, en))
    expect(scan).toBe(
      'The scan is not valid: The check character (position 9) of this VIN should be 4 (it is 0). Check the VIN character by character for a typing error. Scan the whole VIN, or type its last 6–8 characters.'
    )
    expect(name).toBe('The handover line is not valid: Please fill this in completely.')
    expect(date).toBe('The handover line is not valid: The date cannot be after today (2026-11-30).')
    for (const text of [scan, name, date]) expect(text).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('words every rule a password breaks, in the operator language', () => {
    const breaches = passwordRuleBreaches('abc 1', { username: 'lina', personName: '李娜' })
    const error = new DomainError('PASSWORD_WEAK', breaches.map((b) => b.reason).join('；'), problemDetails(breaches))
    expect(errorMessage(error, zh)).toBe('密码至少 8 位；密码不能包含空格')
    expect(errorMessage(error, en)).toBe('The password does not meet the rules: at least 8 characters; no spaces.')
  })

  it('words the codes a refusal names (role, permission, statuses) by their labels', () => {
    const denied = new DomainError('PERMISSION_DENIED', '…', {
      permission: 'vehicleFile.create',
      name: '王建华',
      role: 'sales_advisor'
    })
    expect(errorMessage(denied, en)).toBe(
      '王建华 (Sales advisor) does not have the permission “Create vehicle files”. Please ask the customer-care director.'
    )
    expect(errorMessage(denied, zh)).toBe('王建华（销售顾问）没有“新建车辆档案”的权限。如需办理，请联系客户总监。')
    const illegal = thrown(() => transition('filed', 'accept'))
    expect(errorMessage(illegal, en)).toBe(
      'In status “Filed” the step “Accept” is not possible (possible: Inspect again).'
    )
  })

  it('falls back to the Chinese sentence for a code that has no text yet', () => {
    const error = new DomainError('SOMETHING_NEW', '新的拒绝理由', { a: 'b' })
    expect(errorMessage(error, en)).toBe('新的拒绝理由')
  })

  it('says an unexpected failure is one, in the operator language', () => {
    expect(errorMessage(new TypeError('x is undefined'), en)).toBe('The action did not complete: x is undefined')
    expect(errorMessage('boom', zh)).toBe('操作未完成：boom')
  })

  it('says a full disk is full', () => {
    expect(errorMessage(new DOMException('quota', 'QuotaExceededError'), en)).toMatch(/^Out of storage space/)
  })

  it('words the archive number refusal with its width', () => {
    const error = thrown(() => formatArchiveNo('XS{SEQ:2}', { date: '2026-01-01', origin: 'sold_here' }, 123))
    expect(errorMessage(error, en)).toContain('outgrown 2 digits')
  })
})
