// Lending files (借阅). The return deadline itself is in `deadlines.loanReturn`.

export type OutsiderDocument = 'introduction_letter' | 'id_document'

export const OUTSIDER_DOCUMENT_LABELS: Readonly<Record<OutsiderDocument, string>> = {
  introduction_letter: '单位介绍信',
  id_document: '查阅人身份证件'
}

export interface LoanPolicy {
  /** Outsiders (外单位人员) show these before they may read a file. */
  readonly outsiderRequires: readonly OutsiderDocument[]
  /** Who approves a loan, in order, e.g. ['部门负责人'] for staff. */
  readonly staffApprovers: readonly string[]
  readonly outsiderApprovers: readonly string[]
  /**
   * Added to the approvers for a 机密/绝密 file (客户信息管理制度 第18条4: 查阅密级文件须经客户服务部经理批准).
   * Absent = ['经理'].
   */
  readonly classifiedApprovers?: readonly string[]
  /** Files normally stay in the archive room (档案一般不得带出室外). */
  readonly filesStayInRoom: boolean
  /** A late return is a disciplinary violation (逾期未归还档案者按违纪处理). */
  readonly overdueIsViolation: boolean
  readonly clause: string
}
