import { computeVinCheckDigit, computeResidentIdCheckChar } from '../validation'
import type { VehicleFileForm } from './vehicle-file-schema'
import { EMPTY_VEHICLE_FILE_FORM } from './vehicle-file-schema'

// The one generator of realistic dealership data for tests, the benchmark and the demo dealership:
// valid VINs (real WMIs, correct check digit), plates, Chinese names, phones, IDs and addresses.

/** Small fast seeded PRNG (mulberry32): the same seed gives the same archive every run. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!
const digits = (rnd: () => number, n: number) => Array.from({ length: n }, () => Math.floor(rnd() * 10)).join('')

const MAKES = [
  { wmi: 'LFV', vds: ['2A21K', '3A28W', '2B25J', '3A23T'], series: ['速腾', '迈腾', '宝来', '探岳', '高尔夫'] },
  { wmi: 'LSV', vds: ['AA218', 'NB8A4', 'DC6B1', 'GE2A7'], series: ['明锐', '速派', '柯迪亚克', '柯珞克'] }
] as const
const YEAR_CODES = ['L', 'M', 'N', 'P', 'R', 'S', 'T'] as const // 2020–2026
const PLANTS = ['1', '2', '3', '5', 'G', 'N'] as const
const COLOURS = ['极地白', '深海蓝', '曜石黑', '月光银', '玛瑙红', '钛金灰'] as const
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
  '马',
  '罗',
  '梁',
  '宋',
  '郑',
  '谢',
  '韩',
  '唐',
  '冯',
  '于',
  '董',
  '萧',
  '欧阳',
  '司马'
] as const
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '文博',
  '子涵',
  '浩然',
  '雨桐',
  '思远',
  '嘉怡'
] as const
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const SERIAL_CHARS = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const STREETS = ['人民大街', '自由大路', '卫星路', '前进大街', '亚泰大街', '普阳街', '硅谷大街', '东风大街'] as const
const REGIONS = [
  {
    provinceCode: '22',
    provinceName: '吉林省',
    cityCode: '2201',
    cityName: '长春市',
    counties: [
      ['220102', '南关区'],
      ['220104', '朝阳区'],
      ['220106', '绿园区']
    ]
  },
  {
    provinceCode: '44',
    provinceName: '广东省',
    cityCode: '4403',
    cityName: '深圳市',
    counties: [
      ['440303', '罗湖区'],
      ['440304', '福田区'],
      ['440305', '南山区']
    ]
  },
  {
    provinceCode: '31',
    provinceName: '上海市',
    cityCode: '3101',
    cityName: '市辖区',
    counties: [
      ['310104', '徐汇区'],
      ['310115', '浦东新区']
    ]
  }
] as const
const PLATE_PROVINCE: Record<string, string> = { '22': '吉', '44': '粤', '31': '沪' }
const CITY_POSTCODE: Record<string, string> = { '2201': '130000', '4403': '518000', '3101': '200000' }

export function makeVin(rnd: () => number): string {
  const make = pick(rnd, MAKES)
  const body = `${make.wmi}${pick(rnd, make.vds)}0${pick(rnd, YEAR_CODES)}${pick(rnd, PLANTS)}${digits(rnd, 6)}`
  return body.slice(0, 8) + computeVinCheckDigit(body) + body.slice(9)
}

export function makePersonName(rnd: () => number): string {
  return pick(rnd, SURNAMES) + pick(rnd, GIVEN)
}

export function makeMobile(rnd: () => number): string {
  return pick(rnd, ['138', '139', '135', '186', '159', '177', '188', '150']) + digits(rnd, 8)
}

export function makePlate(rnd: () => number, provinceChar: string, newEnergy = false): string {
  const letter = PLATE_LETTERS[Math.floor(rnd() * PLATE_LETTERS.length)]!
  if (newEnergy)
    return `${provinceChar}${letter}${pick(rnd, ['D', 'F'])}${SERIAL_CHARS[Math.floor(rnd() * 34)]}${digits(rnd, 4)}`
  const serial = Array.from({ length: 5 }, (_, i) =>
    i < 2 && rnd() < 0.3 ? PLATE_LETTERS[Math.floor(rnd() * PLATE_LETTERS.length)]! : String(Math.floor(rnd() * 10))
  ).join('')
  return `${provinceChar}${letter}${serial}`
}

export function makeResidentId(rnd: () => number, countyCode: string): string {
  const year = 1960 + Math.floor(rnd() * 45)
  const month = 1 + Math.floor(rnd() * 12)
  const day = 1 + Math.floor(rnd() * 28)
  const first17 = `${countyCode}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${digits(rnd, 3)}`
  return first17 + computeResidentIdCheckChar(first17)
}

export interface VehicleFileFormOptions {
  /** Keep owners in one province (e.g. '22' for Jilin/Changchun); by default Jilin, Guangdong and Shanghai. */
  provinceCode?: string
}

/** A complete, valid vehicle-file form for an individual owner; `n` makes the archive number unique. */
export function makeVehicleFileForm(
  rnd: () => number,
  n: number,
  options: VehicleFileFormOptions = {}
): VehicleFileForm {
  const make = MAKES[Math.floor(rnd() * MAKES.length)]!
  const picked = pick(rnd, REGIONS)
  const region = options.provinceCode
    ? (REGIONS.find((r) => r.provinceCode === options.provinceCode) ?? picked)
    : picked
  const [countyCode, countyName] = pick<readonly [string, string]>(rnd, region.counties)
  const sold = rnd() < 0.8
  const year = 2018 + Math.floor(rnd() * 8)
  const hasContact = rnd() < 0.4
  const form: VehicleFileForm = {
    ...EMPTY_VEHICLE_FILE_FORM,
    vin: makeVin(rnd),
    archiveNo: `${sold ? 'XS' : 'WX'}${year}-${String(n).padStart(6, '0')}`,
    plate: makePlate(rnd, PLATE_PROVINCE[region.provinceCode]!, rnd() < 0.2),
    series: pick(rnd, make.series),
    model: `${pick(rnd, ['1.4T', '1.5L', '2.0T'])} ${pick(rnd, ['舒适型', '豪华型', '旗舰型'])}`,
    productCode: `${make.wmi.slice(1)}${digits(rnd, 4)}`,
    colour: pick(rnd, COLOURS),
    registrationDate: `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`,
    origin: sold ? 'sold_here' : 'serviced_only',
    ownerKind: 'individual',
    ownerName: makePersonName(rnd),
    ownerIdNumber: makeResidentId(rnd, countyCode),
    ownerPhone: makeMobile(rnd),
    provinceCode: region.provinceCode,
    provinceName: region.provinceName,
    cityCode: region.cityCode,
    cityName: region.cityName,
    countyCode,
    countyName,
    street: `${pick(rnd, STREETS)}${1 + Math.floor(rnd() * 3000)}号`,
    postcode: CITY_POSTCODE[region.cityCode] ?? '',
    contactName: hasContact ? makePersonName(rnd) : '',
    contactPhone: hasContact ? makeMobile(rnd) : '',
    customerCategory: sold ? '本店售车客户' : '它店售车客户',
    customerRatingCategory: '普通客户',
    cabinet: `A${1 + Math.floor(rnd() * 20)}`,
    shelf: String(1 + Math.floor(rnd() * 6)),
    box: String(1 + Math.floor(rnd() * 40))
  }
  // FAW-VW 五(二)3: a contact person and phone are always maintained; the owner is the contact unless another is named.
  return {
    ...form,
    contactName: form.contactName || form.ownerName,
    contactPhone: form.contactPhone || form.ownerPhone
  }
}
