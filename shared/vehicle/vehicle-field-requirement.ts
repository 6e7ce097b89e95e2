import type { VehicleFileFields } from './vehicle-file'
import { VEHICLE_FILE_FIELD_NAMES } from './vehicle-file'

// Which vehicle-file fields a dealership must keep filled comes from its policy (FAW-VW 五(二)3: 「dserp中以下
// 字段必须维护」). The form refuses a new or edited file without them; files kept from before are not refused
// but listed, with what they lack, for the archive manager to complete.

export type VehicleFieldKey = keyof VehicleFileFields

export interface VehicleFieldRequirement {
  readonly fields: readonly VehicleFieldKey[]
  readonly clause: string
}

export const VEHICLE_FIELD_LABELS: Readonly<Record<VehicleFieldKey, string>> = {
  vin: '车架号（底盘号）',
  archiveNo: '档案编号',
  plate: '车牌号码',
  series: '车系',
  model: '车型',
  productCode: '产品代码',
  colour: '颜色',
  registrationDate: '登记日期',
  origin: '车辆来源',
  ownerKind: '车主类型',
  ownerName: '车主姓名',
  ownerIdNumber: '证件号码',
  ownerPhone: '客户固定电话/手机',
  ownerPhone2: '备用电话',
  provinceCode: '省份',
  provinceName: '省份',
  cityCode: '城市',
  cityName: '城市',
  countyCode: '区县',
  countyName: '区县',
  street: '地址',
  postcode: '邮编',
  contactName: '联系人姓名',
  contactPhone: '联系人联系方式',
  customerCategory: '客户类别',
  customerRatingCategory: '客户评价类别',
  cabinet: '柜',
  shelf: '层',
  box: '盒',
  notes: '备注'
}

/** True for a name of a vehicle-file field; the policy schema refuses any other. */
export function isVehicleFieldKey(key: string): key is VehicleFieldKey {
  return (VEHICLE_FILE_FIELD_NAMES as readonly string[]).includes(key)
}

/** The required fields a file lacks, in the policy's order. */
export function missingRequiredFields(
  file: Partial<Record<VehicleFieldKey, unknown>>,
  requirement: VehicleFieldRequirement | null | undefined
): VehicleFieldKey[] {
  return (requirement?.fields ?? []).filter((key) => {
    const value = file[key]
    return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
  })
}
