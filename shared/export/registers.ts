import type { ArchiveRecord, InspectionRecord } from '../archive'
import { ARCHIVE_STATUS_LABELS, readFailureCount } from '../archive'
import { chinaDateText, chinaDateTimeText } from '../time'
import type { Handover } from '../handover/handover'
import { HANDOVER_STATUS_LABELS } from '../handover/handover'
import { SECRECY_LABELS } from '../operators/secrecy'
import { ARCHIVE_KIND_LABELS } from '../archive/archive-kind'
import type { VehicleFile } from '../vehicle/vehicle-file'
import type { ExportTable } from './xlsx-export'

// The registers and lists as they leave the app: the one place their columns and Chinese headers are
// decided. Files arrive already presented by the access decision (personal information masked, files
// the operator may not see left out); these functions only lay them out.

export type RegisterKind = 'vehicleFiles' | 'handovers' | 'inspections' | 'correctionNotices' | 'personalInfoAccess'

/** The title of each register: the file's name, its sheet and the audit event's summary. */
export const REGISTER_TITLES: Readonly<Record<RegisterKind, string>> = {
  vehicleFiles: '车辆档案登记簿',
  handovers: '档案交接登记簿',
  inspections: '档案检查记录',
  correctionNotices: '不合格档案记录台账',
  personalInfoAccess: '个人信息访问记录'
}

const ORIGIN_LABELS: Readonly<Record<VehicleFile['origin'], string>> = {
  sold_here: '本店销售',
  serviced_only: '外店售车 · 本店维修'
}
const OWNER_KIND_LABELS: Readonly<Record<VehicleFile['ownerKind'], string>> = {
  individual: '个人',
  organisation: '单位'
}
const DEPARTMENT_LABELS: Readonly<Record<'sales' | 'service', string>> = { sales: '销售部', service: '售后服务部' }

const text = (value: string | null | undefined) => value ?? ''
const date = (value: string | null | undefined) => (value ? chinaDateText(value) : '')
const dateTime = (value: string | null | undefined) => (value ? chinaDateTimeText(value) : '')

function table(kind: RegisterKind, headers: string[], rows: string[][]): ExportTable {
  return { sheetName: REGISTER_TITLES[kind], headers, rows }
}

export function vehicleFileRegister(files: readonly VehicleFile[]): ExportTable {
  return table(
    'vehicleFiles',
    [
      '档案编号',
      '车架号',
      '车牌号',
      '车系',
      '车型',
      '颜色',
      '登记日期',
      '车辆来源',
      '车主类型',
      '车主',
      '证件号码',
      '车主电话',
      '备用电话',
      '联系人',
      '联系人电话',
      '省',
      '市',
      '区县',
      '详细地址',
      '档案位置',
      '密级',
      '建档时间'
    ],
    files.map((f) => [
      f.archiveNo,
      f.vin,
      text(f.plate),
      f.series,
      text(f.model),
      text(f.colour),
      text(f.registrationDate),
      ORIGIN_LABELS[f.origin],
      OWNER_KIND_LABELS[f.ownerKind],
      f.ownerName,
      text(f.ownerIdNumber),
      f.ownerPhone,
      text(f.ownerPhone2),
      text(f.contactName),
      text(f.contactPhone),
      text(f.provinceName),
      text(f.cityName),
      text(f.countyName),
      text(f.street),
      [f.cabinet, f.shelf, f.box].filter(Boolean).join('-'),
      SECRECY_LABELS[f.secrecy],
      dateTime(f.createdAt)
    ])
  )
}

export function handoverRegister(
  handovers: readonly Handover[],
  archiveCounts: ReadonlyMap<string, number>
): ExportTable {
  return table(
    'handovers',
    ['交接单号', '移交部门', '移交人', '接收人', '移交时间', '档案份数', '状态', '签字时间'],
    handovers.map((h) => [
      h.number,
      DEPARTMENT_LABELS[h.department],
      h.handedByName,
      h.receivedByName,
      dateTime(h.handedAt),
      String(archiveCounts.get(h.id) ?? 0),
      HANDOVER_STATUS_LABELS[h.status],
      dateTime(h.signedAt)
    ])
  )
}

/** One inspection round with the archive and file it judged (the file as the access decision presented it). */
export interface InspectionLine {
  round: InspectionRecord
  archive: ArchiveRecord
  file: VehicleFile
}

const archiveColumns = ['档案编号', '车架号', '车牌号', '车主', '档案类别', '任务委托书号', '顾问']
const archiveCells = ({ archive, file }: Pick<InspectionLine, 'archive' | 'file'>) => [
  file.archiveNo,
  file.vin,
  text(file.plate),
  file.ownerName,
  ARCHIVE_KIND_LABELS[archive.kind],
  text(archive.repairOrderNo),
  archive.advisorName
]

export function inspectionRegister(lines: readonly InspectionLine[]): ExportTable {
  return table(
    'inspections',
    [
      '检查时间',
      '检查人',
      ...archiveColumns,
      '轮次',
      '结论',
      '不合格项数',
      '不合格档案记录编号',
      '整改期限',
      '原样退回',
      '档案现状'
    ],
    lines.map((line) => [
      dateTime(line.round.inspectedAt),
      line.round.inspectorName,
      ...archiveCells(line),
      String(line.round.round),
      line.round.verdict === 'accepted' ? '合格' : '不合格',
      String(readFailureCount(line.round)),
      text(line.round.noticeNumber),
      date(line.round.correctionDueAt),
      line.round.returnedUnchanged ? '是' : '否',
      ARCHIVE_STATUS_LABELS[line.archive.status]
    ])
  )
}

/** The nonconforming rounds: each printed 《不合格档案记录》, its deadline and where the archive stands now. */
export function correctionNoticeRegister(lines: readonly InspectionLine[]): ExportTable {
  return table(
    'correctionNotices',
    ['不合格档案记录编号', '检查时间', '检查人', ...archiveColumns, '轮次', '不合格项数', '整改期限', '档案现状'],
    lines
      .filter((line) => line.round.verdict === 'nonconforming')
      .map((line) => [
        text(line.round.noticeNumber),
        dateTime(line.round.inspectedAt),
        line.round.inspectorName,
        ...archiveCells(line),
        String(line.round.round),
        String(readFailureCount(line.round)),
        date(line.round.correctionDueAt),
        ARCHIVE_STATUS_LABELS[line.archive.status]
      ])
  )
}

/** An audit event of a reveal or a confidential view, as the compliance review reads it. */
export interface PersonalInfoAccessLine {
  at: string
  actorName: string
  action: 'personalInfo.reveal' | 'confidential.view'
  summary: string
  fields: readonly string[]
  reason: string | null
}

const FIELD_LABELS: Readonly<Record<string, string>> = {
  ownerIdNumber: '身份证号',
  ownerPhone: '车主电话',
  ownerPhone2: '备用电话',
  contactPhone: '联系人电话'
}

export function personalInfoAccessRegister(lines: readonly PersonalInfoAccessLine[]): ExportTable {
  return table(
    'personalInfoAccess',
    ['时间', '操作员', '类型', '内容', '字段', '原因'],
    lines.map((line) => [
      dateTime(line.at),
      line.actorName,
      line.action === 'confidential.view' ? '查看机密档案' : '查看个人信息',
      line.summary,
      line.fields.map((f) => FIELD_LABELS[f] ?? f).join('、'),
      text(line.reason)
    ])
  )
}
