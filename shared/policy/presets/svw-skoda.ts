import type { ArchiveTemplate } from '../archive-template'
import type { CheckItemTemplate } from '../check-item-template'
import type { DocumentTemplate } from '../document-template'
import type { Policy } from '../policy'
import { fact, signers, visitTypes } from './preset-vocabulary'

// 上汽大众斯柯达 dealer: 《客户档案管理制度》 (seed text svw-skoda-dealer-archive-policy.zh.txt). The text lists
// the documents (四.1 new car, 四.2 per visit type) and a fine schedule (五); it names few content rules, so
// each document gets the manual check its fines punish (五.5: 不完整、错误、不符合要求), plus automatic checks
// for the signatures and contact details the fines name (五.2, 五.3, 五.5).

const NEW_CAR = '上汽大众斯柯达 四.1'
const AFTER_SALES = '上汽大众斯柯达 四.2'
/** What the text does not say: the dealership's own setting, cited as such. */
const NOT_IN_TEXT = '上汽大众斯柯达制度未规定，本店自定'

/** 五.5 / 四 "客户档案管理员在收到档案后进行检查": every document is checked for complete, legible, correct content. */
function contentCheck(code: string, clause: string, fineRuleCode?: string): CheckItemTemplate {
  return {
    code: `${code}-content`,
    title: '内容完整、清晰、正确，符合要求',
    clause,
    mode: 'manual',
    ...(fineRuleCode === undefined ? {} : { fineRuleCode })
  }
}

function customerSigned(code: string, documentCode: string, clause: string, fineRuleCode: string): CheckItemTemplate {
  return {
    code: `${code}-customer-signed`,
    title: '有用户签名',
    clause,
    mode: 'auto',
    ruleId: 'signatures-present',
    params: { fact: `${documentCode}.signatures`, roles: ['customer'] },
    fineRuleCode
  }
}

function customerSignatureCorrect(code: string, clause: string, fineRuleCode: string): CheckItemTemplate {
  return {
    code: `${code}-customer-signature-correct`,
    title: '用户签名正确（本人或其委托人签名）',
    clause,
    mode: 'manual',
    fineRuleCode
  }
}

/** 五.5 「无内部人员签名」: any of the dealership's own staff who sign the document, not only the service advisor. */
function internalSigned(code: string, documentCode: string, clause: string): CheckItemTemplate {
  return {
    code: `${code}-internal-signed`,
    title: '有内部人员签名（服务顾问或其他经办人员）',
    clause,
    mode: 'auto',
    ruleId: 'signatures-present',
    params: { fact: `${documentCode}.signatures`, roles: [['service_advisor', 'internal_staff']] },
    fineRuleCode: 'svw-5-5-internal-signature'
  }
}

/** 五.5 「无内部人员签名（或签名错误）」: a signature present but wrong is its own finding, 20 元/项. */
function internalSignatureCorrect(code: string, clause: string): CheckItemTemplate {
  return {
    code: `${code}-internal-signature-correct`,
    title: '内部人员签名正确（本人签名，签在指定位置）',
    clause,
    mode: 'manual',
    fineRuleCode: 'svw-5-5-internal-signature'
  }
}

/** A new-car document: every one is required except 12) 其它证明类文件 (特定客户). */
function newCarDocument(
  order: number,
  code: string,
  name: string,
  form: DocumentTemplate['form'],
  extra: Partial<DocumentTemplate> = {}
): DocumentTemplate {
  return {
    code,
    name,
    order,
    form,
    requiredFor: 'all',
    clause: `${NEW_CAR} ${order})`,
    facts: [],
    ...extra,
    checks: [...(extra.checks ?? []), contentCheck(code.replace(/_/g, '-'), `${NEW_CAR}；五.5`)]
  }
}

const salesTemplate: ArchiveTemplate = {
  kind: 'sales',
  name: '新车档案',
  visitTypes: [],
  facts: [
    fact.date('saleDate', '销售日期'),
    fact.fromHandover(fact.date('deliveryDate', '交车日期'), 'anchorDate'),
    fact.fromHandover(fact.text('salesAdvisor', '销售顾问'), 'advisorName')
  ],
  documents: [
    newCarDocument(1, 'green_card', '绿卡', 'original', {
      facts: [
        fact.text('customerName', '客户名称'),
        fact.text('contactName', '联系人'),
        fact.text('mobile', '联系手机'),
        fact.text('landline', '联系电话（座机）', '座机需加上区号，如 0431-85551234'),
        fact.text('address', '联系地址')
      ],
      checks: [
        {
          code: 'green-card-filled',
          title: '包括客户名称、联系人、联系手机、联系地址',
          clause: `${NEW_CAR} 1)`,
          mode: 'auto',
          ruleId: 'facts-required',
          params: {
            facts: ['green_card.customerName', 'green_card.contactName', 'green_card.mobile', 'green_card.address']
          }
        },
        {
          code: 'green-card-mobile',
          title: '联系手机为有效的11位手机号',
          clause: `${NEW_CAR} 1)`,
          mode: 'auto',
          ruleId: 'phone-valid',
          params: { fact: 'green_card.mobile', expect: 'mobile' }
        },
        {
          code: 'green-card-landline-area-code',
          title: '座机需加上区号',
          clause: `${NEW_CAR} 1)`,
          mode: 'auto',
          ruleId: 'phone-valid',
          params: { fact: 'green_card.landline', expect: 'any', optional: true }
        }
      ]
    }),
    newCarDocument(2, 'invoice_copy', '购车发票复印件', 'copy'),
    newCarDocument(3, 'sales_contract', '销售合同原件', 'original'),
    newCarDocument(4, 'id_copy', '身份证复印件或组织机构代码证复印件', 'copy', {
      checks: [
        {
          code: 'id-copy-both-sides',
          title: '身份证复印件需两面（单位客户为组织机构代码证复印件）',
          clause: `${NEW_CAR} 4)`,
          mode: 'manual'
        }
      ]
    }),
    newCarDocument(5, 'delivery_check', '交车检查表', 'original', {
      facts: [fact.signatures('signatures', '用户签名', signers('customer'))],
      checks: [
        customerSigned('delivery-check', 'delivery_check', '上汽大众斯柯达 五.2', 'svw-5-2-sales-customer-signature'),
        customerSignatureCorrect('delivery-check', '上汽大众斯柯达 五.2', 'svw-5-2-sales-customer-signature')
      ]
    }),
    newCarDocument(6, 'driving_licence_copy', '行驶证复印件', 'copy'),
    newCarDocument(7, 'insurance_copy', '保险单复印件', 'copy'),
    newCarDocument(8, 'derivative_services', '衍生服务清单', 'either'),
    newCarDocument(9, 'conformity_certificate_copy', '车辆合格证复印件', 'copy'),
    newCarDocument(10, 'delivery_photos', '交车照片', 'either'),
    newCarDocument(11, 'pdi_check', '新车PDI检查表', 'original', {
      facts: [fact.signatures('signatures', '用户签名', signers('customer'))],
      checks: [
        customerSigned('pdi-check', 'pdi_check', '上汽大众斯柯达 五.2', 'svw-5-2-sales-customer-signature'),
        customerSignatureCorrect('pdi-check', '上汽大众斯柯达 五.2', 'svw-5-2-sales-customer-signature')
      ]
    }),
    newCarDocument(12, 'other_proofs', '其它证明类文件', 'either', {
      requiredFor: [],
      optionalFor: 'all',
      conditionNote: '仅特定客户需要'
    })
  ]
}

const ALL_VISITS = 'all'
const SIGNED_BY_CUSTOMER_AND_ADVISOR = [
  fact.signatures('signatures', '签名', signers('customer', 'service_advisor', 'internal_staff'))
]

/** 五.5: a service document signed by the customer and the staff: present and correct, each its own item. */
function serviceSignatureChecks(code: string, documentCode: string): CheckItemTemplate[] {
  const clause = '上汽大众斯柯达 五.5'
  return [
    customerSigned(code, documentCode, clause, 'svw-5-5-service-customer-signature'),
    customerSignatureCorrect(code, clause, 'svw-5-5-service-customer-signature'),
    internalSigned(code, documentCode, clause),
    internalSignatureCorrect(code, clause)
  ]
}

/** A service document; content check and fines per 五.5 (20 元/项). */
function serviceDocument(
  order: number,
  code: string,
  name: string,
  requiredFor: DocumentTemplate['requiredFor'],
  extra: Partial<DocumentTemplate> = {}
): DocumentTemplate {
  return {
    code,
    name,
    order,
    form: 'original',
    requiredFor,
    clause: AFTER_SALES,
    missingFineRuleCode: 'svw-5-5-service-incomplete',
    facts: [],
    ...extra,
    checks: [
      ...(extra.checks ?? []),
      contentCheck(code.replace(/_/g, '-'), `${AFTER_SALES}；五.5`, 'svw-5-5-service-incomplete')
    ]
  }
}

const serviceTemplate: ArchiveTemplate = {
  kind: 'service',
  name: '售后档案',
  visitTypes: visitTypes('minor_repair', 'first_service', 'routine_service', 'major_repair', 'warranty_claim'),
  facts: [
    fact.text('repairOrderNo', '任务委托书号'),
    fact.fromHandover(fact.text('serviceAdvisor', '服务顾问'), 'advisorName'),
    fact.datetime('receivedAt', '接车时间'),
    fact.datetime('handedBackAt', '交车时间'),
    fact.number('mileageKm', '行驶里程', 'km')
  ],
  // One filing order for all visit types; each type's own list in 四.2 keeps its relative order within it.
  documents: [
    serviceDocument(1, 'reception_sheet', '接车单', ALL_VISITS, {
      facts: SIGNED_BY_CUSTOMER_AND_ADVISOR,
      checks: serviceSignatureChecks('reception-sheet', 'reception_sheet')
    }),
    serviceDocument(2, 'work_order', '任务委托书', ALL_VISITS, {
      facts: [
        fact.text('contactName', '当次进厂联系人'),
        fact.text('contactPhone', '联系人唯一联系方式'),
        ...SIGNED_BY_CUSTOMER_AND_ADVISOR
      ],
      checks: [
        {
          code: 'work-order-contact-confirmed',
          title: '已核对、明确当次进厂的联系人及其唯一联系方式',
          clause: '上汽大众斯柯达 五.3',
          mode: 'auto',
          ruleId: 'facts-required',
          params: { facts: ['work_order.contactName', 'work_order.contactPhone'] },
          fineRuleCode: 'svw-5-3-contact-not-confirmed'
        },
        {
          code: 'work-order-contact-phone-valid',
          title: '联系方式为有效号码（座机带区号）',
          clause: '上汽大众斯柯达 五.3',
          mode: 'auto',
          ruleId: 'phone-valid',
          params: { fact: 'work_order.contactPhone', expect: 'any' },
          fineRuleCode: 'svw-5-3-contact-not-confirmed'
        },
        ...serviceSignatureChecks('work-order', 'work_order')
      ]
    }),
    serviceDocument(3, 'settlement', '结算单', ALL_VISITS, {
      facts: SIGNED_BY_CUSTOMER_AND_ADVISOR,
      checks: serviceSignatureChecks('settlement', 'settlement')
    }),
    serviceDocument(4, 'added_items', '增项单', [], {
      optionalFor: ['minor_repair'],
      conditionNote: '小修有增项时',
      facts: [fact.signatures('signatures', '用户签名', signers('customer'))],
      checks: [
        customerSigned('added-items', 'added_items', '上汽大众斯柯达 五.5', 'svw-5-5-service-customer-signature'),
        customerSignatureCorrect('added-items', '上汽大众斯柯达 五.5', 'svw-5-5-service-customer-signature')
      ]
    }),
    serviceDocument(5, 'parts_invoice_copy', '备件发票复印件', ['warranty_claim'], { form: 'copy' }),
    serviceDocument(6, 'test_drive', '试车单', ['major_repair', 'warranty_claim'], {
      optionalFor: ['minor_repair'],
      conditionNote: '大修、索赔必备；小修需要试车时（制度称“试车表”）'
    }),
    serviceDocument(7, 'damage_assessment', '定损单', [], {
      optionalFor: ['minor_repair'],
      conditionNote: '小修涉及定损时'
    }),
    serviceDocument(8, 'damage_photos', '损坏零件及车辆信息照片', ['warranty_claim'], { form: 'either' }),
    serviceDocument(9, 'test_fault_report', '测试及故障报告', ['warranty_claim']),
    serviceDocument(10, 'special_tool_data', '对应项目专用工具检查数据', [], {
      optionalFor: ['minor_repair', 'warranty_claim'],
      conditionNote: '使用专用工具检查的项目',
      form: 'either'
    }),
    serviceDocument(11, 'estimate', '估算单', ['major_repair'], {
      optionalFor: ['minor_repair'],
      conditionNote: '大修必备；小修需要估算时'
    }),
    serviceDocument(12, 'first_service_card_copy', '首保卡复印件', ['first_service'], { form: 'copy' }),
    serviceDocument(13, 'free_inspection', '12项免费检查表', ALL_VISITS)
  ]
}

export const SVW_SKODA_PRESET: Policy = {
  id: 'svw-skoda',
  presetId: 'svw-skoda',
  name: '上汽大众斯柯达经销商客户档案管理制度',
  version: 1,
  createdAt: '2026-01-01T00:00:00+08:00',
  sources: ['《客户档案管理制度》（上汽大众斯柯达经销商）', '《客户信息管理制度》', '《档案归档与借阅管理制度》'],
  archiveTemplates: { sales: salesTemplate, service: serviceTemplate },
  deadlines: {
    // 四.1 says "在销售车3个工作日内", 五.1 fines "超过交车后3个工作日": delivery is the default, sale the option.
    salesHandIn: [
      {
        code: 'new_car_to_customer_care',
        label: '新车档案3个工作日内交客户关爱部档案管理员',
        handedTo: 'customer_care',
        rule: { kind: 'working_days_after', days: 3, from: 'delivery' },
        clause: `${NEW_CAR}；五.1`
      }
    ],
    serviceHandIn: [
      {
        code: 'service_to_customer_care',
        label: '售后档案交车1个工作日内交客户关爱部档案管理员',
        handedTo: 'customer_care',
        rule: { kind: 'working_days_after', days: 1, from: 'vehicle_handed_back' },
        clause: `${AFTER_SALES}；五.4`
      }
    ],
    correction: {
      rule: { kind: 'working_days_after', days: 1, from: 'returned_for_correction' },
      clause: '上汽大众斯柯达 五.10'
    },
    // 《档案缺失报告》 within 2 days is FAW-VW's 二4; this text has none, so the 2 days are a default to change.
    missingArchiveReport: {
      rule: { kind: 'calendar_days_after', days: 2, from: 'reconciliation' },
      clause: NOT_IN_TEXT
    },
    loanReturn: {
      rule: { kind: 'calendar_days_after', days: 3, from: 'loan_out' },
      clause: '《客户信息管理制度》第19条'
    }
  },
  fines: {
    rules: [
      {
        code: 'svw-5-1-sales-late',
        title: '销售顾问超过交车后3个工作日上交档案，罚款50元/车次',
        clause: '上汽大众斯柯达 五.1',
        trigger: 'late_handover',
        appliesTo: ['sales_advisor'],
        archiveKind: 'sales',
        penalty: { kind: 'yuan', amount: 50, per: 'vehicle_visit' }
      },
      {
        code: 'svw-5-2-sales-customer-signature',
        title: '销售顾问移交的检查类档案无用户签名（或签名错误），罚款20元/项',
        clause: '上汽大众斯柯达 五.2',
        trigger: 'customer_signature_missing',
        appliesTo: ['sales_advisor'],
        archiveKind: 'sales',
        penalty: { kind: 'yuan', amount: 20, per: 'item' }
      },
      {
        code: 'svw-5-3-contact-not-confirmed',
        title: '服务顾问接修时未核对、明确当次进厂的联系人及其唯一联系方式，罚款50元/车次',
        clause: '上汽大众斯柯达 五.3',
        trigger: 'contact_not_confirmed',
        appliesTo: ['service_advisor'],
        archiveKind: 'service',
        penalty: { kind: 'yuan', amount: 50, per: 'vehicle_visit' }
      },
      {
        code: 'svw-5-4-service-late',
        title: '服务顾问未在交车后一个工作日内移交或完善补齐全套档案，罚款50元/车次',
        clause: '上汽大众斯柯达 五.4',
        trigger: 'late_handover',
        appliesTo: ['service_advisor'],
        archiveKind: 'service',
        penalty: { kind: 'yuan', amount: 50, per: 'vehicle_visit' }
      },
      {
        code: 'svw-5-5-service-incomplete',
        title: '服务顾问移交的书面纸质用户档案不完整、错误、不符合要求，罚款20元/项',
        clause: '上汽大众斯柯达 五.5',
        trigger: 'document_nonconforming',
        appliesTo: ['service_advisor'],
        archiveKind: 'service',
        penalty: { kind: 'yuan', amount: 20, per: 'item' }
      },
      {
        code: 'svw-5-5-service-customer-signature',
        title: '服务档案无用户签名（或签名错误），罚款50元/项',
        clause: '上汽大众斯柯达 五.5',
        trigger: 'customer_signature_missing',
        appliesTo: ['service_advisor'],
        archiveKind: 'service',
        penalty: { kind: 'yuan', amount: 50, per: 'item' }
      },
      {
        code: 'svw-5-5-internal-signature',
        title: '服务档案无内部人员签名（或签名错误），罚款20元/项',
        clause: '上汽大众斯柯达 五.5',
        trigger: 'internal_signature_missing',
        appliesTo: ['service_advisor'],
        archiveKind: 'service',
        penalty: { kind: 'yuan', amount: 20, per: 'item' }
      },
      {
        code: 'svw-5-7-lost-or-damaged',
        title: '未及时整理、维护用户档案或未严格执行借阅规定，造成档案遗失、毁损，另罚款20元/件',
        clause: '上汽大众斯柯达 五.7',
        trigger: 'archive_lost_or_damaged',
        appliesTo: ['responsible_person'],
        penalty: { kind: 'yuan', amount: 20, per: 'piece' }
      }
    ],
    escalations: [
      {
        code: 'svw-5-6-sales-advisor',
        title: '销售顾问一月内累计受处罚2次，自第2次起罚款翻倍',
        clause: '上汽大众斯柯达 五.6',
        appliesTo: 'sales_advisor',
        window: 'calendar_month',
        fromNthPenalty: 2,
        multiplier: 2
      },
      {
        code: 'svw-5-6-service-advisor',
        title: '服务顾问一月内累计受处罚3次，自第3次起罚款翻倍，并可视情况扣罚当月绩效工资10%—30%',
        clause: '上汽大众斯柯达 五.6',
        appliesTo: 'service_advisor',
        window: 'calendar_month',
        fromNthPenalty: 3,
        multiplier: 2,
        performancePayCut: { minPercent: 10, maxPercent: 30 }
      }
    ],
    repeatUntilCorrected: {
      clause: '上汽大众斯柯达 五.10',
      every: { kind: 'working_days_after', days: 1, from: 'returned_for_correction' }
    },
    qualityTargets: [],
    departmentReviewMetrics: ['timeliness', 'completeness'],
    enforcedBy: '客户总监'
  },
  retention: {
    // The text sets no period; the law's 10 years apply, and nothing is sealed by age.
    keepYearsAfterLastService: null,
    dormancy: null,
    onExpiry: 'seal',
    destroyNotBeforeYears: 10,
    destructionNeedsApproval: true,
    clause: '《汽车销售管理办法》（至少保存10年）'
  },
  loans: {
    outsiderRequires: ['introduction_letter', 'id_document'],
    staffApprovers: ['部门负责人'],
    outsiderApprovers: ['负责人', '经理'],
    filesStayInRoom: true,
    overdueIsViolation: true,
    clause: '上汽大众斯柯达 二.6；《客户信息管理制度》第18–20条；《档案归档与借阅管理制度》第三、四章'
  },
  // The text sets no count against a system and no exceptions (二.5 is the 《用户档案签收簿》 register); the
  // systems are the dealership's to name, and its exceptions are its own to add.
  reconciliation: {
    sales: {
      system: 'CRM',
      exceptions: [],
      clause: NOT_IN_TEXT,
      cadence: { kind: 'daily', clause: '上汽大众斯柯达 二.5（每日登记）' }
    },
    service: {
      system: 'DMS',
      exceptions: [],
      clause: NOT_IN_TEXT,
      cadence: { kind: 'daily', clause: '上汽大众斯柯达 二.5（每日登记）' }
    }
  },
  signOff: { block: ['编制', '审核', '批准'], nonconformityRecordConfirmedBy: { sales: [], service: [] } },
  // 二.5「客户档案管理员应建立《用户档案签收薄》」(薄 is a misprint of 簿); 四.1「新车档案由销售部…交接双方在
  // 《用户档案签收薄》签字确认」; 四.2「售后档案由售后服务部…交于客户关爱部」. The text names no form for a
  // nonconforming archive, so the app's own 《不合格档案记录》 stays.
  forms: {
    handoverSheetTitle: '用户档案签收簿',
    nonconformityRecordTitle: '不合格档案记录',
    departmentNames: { sales: '销售部', service: '售后服务部' },
    clause: '上汽大众斯柯达 二.5、四.1、四.2'
  }
}
