import type { ArchiveKind } from '../archive/archive-kind'

// The names the policy text gives its paper forms and the departments that hand archives over: the
// printed sheets use them as written, so a dealership's paper matches its own rules.

export interface PrintedFormsPolicy {
  /** The handover register, e.g. 档案交接表 (FAW-VW 二2) or 用户档案签收簿 (SVW-Skoda 二.5, 四.1). */
  readonly handoverSheetTitle: string
  /** The record of a nonconforming archive sent back for correction, e.g. 不合格档案记录 (FAW-VW 二3). */
  readonly nonconformityRecordTitle: string
  /** The departments that hand archives over, as the text names them (FAW-VW 服务部, SVW-Skoda 售后服务部). */
  readonly departmentNames: Readonly<Record<ArchiveKind, string>>
  /** Where the text names them. */
  readonly clause: string
}

/** For policies saved before forms were part of a policy: the names the app printed until then. */
export const DEFAULT_PRINTED_FORMS: PrintedFormsPolicy = {
  handoverSheetTitle: '档案交接表',
  nonconformityRecordTitle: '不合格档案记录',
  departmentNames: { sales: '销售部', service: '售后服务部' },
  clause: ''
}

/** The policy's form titles and department names (the defaults when the policy gives none). */
export function printedForms(policy: { readonly forms?: PrintedFormsPolicy | undefined }): PrintedFormsPolicy {
  return policy.forms ?? DEFAULT_PRINTED_FORMS
}
