// Who signs the printed sheets besides the people on them.

export interface SignOffPolicy {
  /** The policy's own sign-off block printed under a sheet, e.g. 编制 / 审核 / 批准. */
  readonly block: readonly string[]
  /** Who confirms a 《不合格档案记录》 by signature, per archive kind (FAW-VW: 服务经理 for service files). */
  readonly nonconformityRecordConfirmedBy: { readonly sales: readonly string[]; readonly service: readonly string[] }
}
