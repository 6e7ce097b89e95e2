import type { FactDefinition, FactOption, HandoverFactSource, SignerSlot } from '../fact-definition'
import type { VisitTypeDefinition, KnownVisitType } from '../visit-type'
import { KNOWN_VISIT_TYPES } from '../visit-type'

// Names and builders the presets share, so the same signer, item or fact reads the same in both.
// Presets are plain data; these only save repeating it.

export const SIGNERS = {
  warehouse_keeper: '库管员',
  sales_advisor: '销售顾问',
  customer: '客户',
  executor: '执行人',
  final_inspector: '终检人',
  main_repairer: '主修人',
  team_leader: '组长',
  quality_inspector: '质检员',
  service_advisor: '服务顾问',
  test_drive_approver: '试车批准人',
  test_driver: '试车人',
  service_manager: '服务经理',
  service_director: '服务总监',
  sales_manager: '销售经理',
  sales_director: '销售总监',
  internal_staff: '其他内部人员'
} as const

export type SignerRole = keyof typeof SIGNERS

/** Maintenance items the mileage and tread-depth rules look for; free text is allowed beside them. */
export const MAINTENANCE_ITEMS = {
  spark_plugs: '火花塞',
  oil_and_filters: '机油四滤',
  gearbox_oil: '变速箱油',
  brake_fluid: '刹车油',
  power_steering_fluid: '转向助力油',
  tyres: '更换轮胎'
} as const

export const TYRE_POSITIONS: readonly FactOption[] = [
  { code: 'front_left', label: '左前轮' },
  { code: 'front_right', label: '右前轮' },
  { code: 'rear_left', label: '左后轮' },
  { code: 'rear_right', label: '右后轮' }
]

export const GEARBOX_TYPES: readonly FactOption[] = [
  { code: 'manual', label: '手动变速箱' },
  { code: 'automatic', label: '自动变速箱' }
]

export function visitTypes(...codes: KnownVisitType[]): VisitTypeDefinition[] {
  return codes.map((code) => ({ code, name: KNOWN_VISIT_TYPES[code] }))
}

export function signers(...roles: SignerRole[]): SignerSlot[] {
  return roles.map((role) => ({ role, label: SIGNERS[role] }))
}

export function options<K extends string>(labels: Readonly<Record<K, string>>, ...codes: K[]): FactOption[] {
  return codes.map((code) => ({ code, label: labels[code] }))
}

export const fact = {
  /** An archive fact the handover line already records (see HandoverFactSource). */
  fromHandover: (definition: FactDefinition, source: HandoverFactSource): FactDefinition => ({
    ...definition,
    fromHandover: source
  }),
  date: (key: string, label: string, hint?: string): FactDefinition => ({
    key,
    label,
    type: 'date',
    ...(hint ? { hint } : {})
  }),
  datetime: (key: string, label: string, hint?: string): FactDefinition => ({
    key,
    label,
    type: 'datetime',
    ...(hint ? { hint } : {})
  }),
  text: (key: string, label: string, hint?: string): FactDefinition => ({
    key,
    label,
    type: 'text',
    ...(hint ? { hint } : {})
  }),
  yes: (key: string, label: string): FactDefinition => ({ key, label, type: 'boolean' }),
  number: (key: string, label: string, unit: string): FactDefinition => ({ key, label, type: 'number', unit }),
  choice: (key: string, label: string, choices: readonly FactOption[]): FactDefinition => ({
    key,
    label,
    type: 'choice',
    options: choices
  }),
  list: (key: string, label: string, choices?: readonly FactOption[], hint?: string): FactDefinition => ({
    key,
    label,
    type: 'list',
    ...(choices ? { options: choices, allowOther: true } : {}),
    ...(hint ? { hint } : {})
  }),
  signatures: (key: string, label: string, roles: readonly SignerSlot[]): FactDefinition => ({
    key,
    label,
    type: 'signatures',
    signers: roles
  }),
  /** The blank or missing fields the checker found; an empty list means none (FAW-VW: 不允许有空白项). */
  blankItems: (): FactDefinition => ({
    key: 'blankItems',
    label: '空白或漏填项',
    type: 'list',
    hint: '逐项写出空白、漏填的栏目；全部填写完整时确认“无”'
  })
}
