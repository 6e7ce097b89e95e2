// Who works with the archive (DOMAIN §8). Each account has one role; a person has one account.

export type Department = 'customer_care' | 'sales' | 'service' | 'management'

export type Role =
  | 'archive_manager'
  | 'cc_director'
  | 'sales_advisor'
  | 'service_advisor'
  | 'sales_info_clerk'
  | 'service_info_clerk'
  | 'sales_manager'
  | 'service_manager'
  | 'general_manager'
  | 'auditor'

export const ROLES: readonly Role[] = [
  'archive_manager',
  'cc_director',
  'sales_advisor',
  'service_advisor',
  'sales_info_clerk',
  'service_info_clerk',
  'sales_manager',
  'service_manager',
  'general_manager',
  'auditor'
]

export const ROLE_LABELS: Record<Role, string> = {
  archive_manager: '档案管理员',
  cc_director: '客户总监',
  sales_advisor: '销售顾问',
  service_advisor: '服务顾问',
  sales_info_clerk: '销售信息员',
  service_info_clerk: '售后信息员',
  sales_manager: '销售经理',
  service_manager: '服务经理',
  general_manager: '总经理',
  auditor: '审计员（只读）'
}

/** Advisors answer for their own customers' paper files (销售顾问, 服务顾问): their home is 我的. */
export const ADVISOR_ROLES: readonly Role[] = ['sales_advisor', 'service_advisor']

export const DEPARTMENTS: readonly Department[] = ['customer_care', 'sales', 'service', 'management']

export const DEPARTMENT_LABELS: Record<Department, string> = {
  customer_care: '客户关爱部',
  sales: '销售部',
  service: '售后服务部',
  management: '总经办'
}

/** The department a role normally belongs to, suggested when a staff record is created. */
export const ROLE_DEPARTMENT: Record<Role, Department> = {
  archive_manager: 'customer_care',
  cc_director: 'customer_care',
  sales_advisor: 'sales',
  service_advisor: 'service',
  sales_info_clerk: 'sales',
  service_info_clerk: 'service',
  sales_manager: 'sales',
  service_manager: 'service',
  general_manager: 'management',
  auditor: 'management'
}
