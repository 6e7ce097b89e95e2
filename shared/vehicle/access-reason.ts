import { freeText } from '../validation/free-text'

// Why someone saw a full ID number or changed a file's secrecy: kept in the audit trail as evidence,
// so cleaned of control and bidi characters and bounded like every free text.

export const ACCESS_REASON_MAX = 200

export const revealReasonSchema = freeText({
  label: '查看原因',
  min: 2,
  max: ACCESS_REASON_MAX,
  requiredMessage: '请写明查看完整信息的原因，如“回访核对电话”'
})

export const secrecyReasonSchema = freeText({
  label: '调整密级的原因',
  min: 2,
  max: ACCESS_REASON_MAX,
  requiredMessage: '请写明调整密级的原因'
})
