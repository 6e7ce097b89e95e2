import type { ArchiveTemplate } from '../archive-template'
import type { Policy } from '../policy'
import {
  fact,
  GEARBOX_TYPES,
  MAINTENANCE_ITEMS,
  options,
  signers,
  TYRE_POSITIONS,
  visitTypes
} from './preset-vocabulary'

// 一汽-大众 dealer: 《客户档案管理制度》 (seed text faw-vw-dealer-archive-policy.zh.txt), every document and
// every check it lists, in its filing order and in its words. Clauses cite that text: "五(一)2(2)" is
// 五、档案管理检查标准 → 销售档案 → 2、检查标准 → (2).

const SALES = '一汽大众 五(一)'
const SERVICE = '一汽大众 五(二)'

// 五(一)3(2)(3), 五(二)4(3)(4) say "按KPI考核扣分" without a number: unset until the director sets it.
const UNSET_POINTS = '制度未规定分值，须由客服部负责人按本店KPI考核办法设定后才计算扣分'

const PDI_FORM_PARTS = options(
  { work_order: '任务委托书', settlement: '结算单', handover_check: '交/接车检查表', maintenance_form: '保养表' },
  'work_order',
  'settlement',
  'handover_check',
  'maintenance_form'
)

const salesTemplate: ArchiveTemplate = {
  kind: 'sales',
  name: '销售档案',
  visitTypes: [],
  facts: [
    fact.fromHandover(fact.date('deliveryDate', '交车日期'), 'anchorDate'),
    fact.fromHandover(fact.text('salesAdvisor', '销售顾问'), 'advisorName')
  ],
  documents: [
    {
      code: 'delivery_form',
      name: '客户交车表',
      order: 1,
      form: 'original',
      requiredFor: 'all',
      clause: `${SALES}1(1)`,
      facts: [fact.blankItems()],
      checks: [
        {
          code: 'delivery-form-complete',
          title: '填写必须完整，不需要填写内容的地方标注“无”或打√',
          clause: `${SALES}2(1)`,
          mode: 'auto',
          ruleId: 'no-blank-items',
          params: { fact: 'delivery_form.blankItems' }
        }
      ]
    },
    {
      code: 'invoice',
      name: '购车发票',
      order: 2,
      form: 'either',
      requiredFor: 'all',
      clause: `${SALES}1(2)`,
      facts: [
        fact.datetime('invoiceDate', '开票日期', '发票上的日期；有开票时间的一并填写，如 2026-03-05 10:00'),
        fact.text('buyerName', '购车单位/个人名称')
      ],
      checks: [
        {
          code: 'invoice-date-vs-pdi-stamp',
          title: '发票日期与《交车检查PDI盖章证明复印件》日期相符（最多可相差24小时）',
          clause: `${SALES}2(2)`,
          mode: 'auto',
          ruleId: 'datetimes-within-hours',
          params: { first: 'invoice.invoiceDate', second: 'pdi_certificate.stampDate', maxHours: 24 }
        },
        {
          code: 'invoice-buyer-matches-id',
          title: '发票购车单位与《身份证/组织机构代码证》一致',
          clause: `${SALES}2(2)、2(4)`,
          mode: 'auto',
          ruleId: 'texts-match',
          params: { first: 'invoice.buyerName', second: 'owner_id.name', compareAs: 'name' }
        }
      ]
    },
    {
      code: 'pdi_certificate',
      name: '交车检查PDI盖章证明复印件',
      order: 3,
      form: 'copy',
      requiredFor: 'all',
      clause: `${SALES}1(3)`,
      facts: [fact.datetime('stampDate', '盖章日期')],
      checks: [
        {
          code: 'pdi-stamp-date-matches-outbound-pdi',
          title: '盖章日期与最后交车（出库）PDI保养表日期相同',
          clause: `${SALES}2(3)、2(7)`,
          mode: 'auto',
          ruleId: 'dates-equal',
          params: { first: 'pdi_certificate.stampDate', second: 'pdi_forms.outboundDate' }
        }
      ]
    },
    {
      code: 'owner_id',
      name: '身份证/组织机构代码证',
      order: 4,
      form: 'either',
      requiredFor: 'all',
      clause: `${SALES}1(4)`,
      facts: [fact.text('name', '证件上的姓名/单位名称')],
      // 五(一)2(4) "需要与《购车发票》的名称相符" is the same rule as 2(2): one check item, on the invoice.
      checks: []
    },
    {
      code: 'conformity_certificate',
      name: '合格证复印件',
      order: 5,
      form: 'copy',
      requiredFor: 'all',
      clause: `${SALES}1(5)`,
      facts: [],
      checks: [
        { code: 'conformity-copy-legible', title: '《合格证复印件》清晰', clause: `${SALES}2(5)`, mode: 'manual' }
      ]
    },
    {
      code: 'purchase_agreement',
      name: '购车协议书',
      order: 6,
      form: 'original',
      requiredFor: 'all',
      clause: `${SALES}1(6)`,
      facts: [
        fact.blankItems(),
        fact.signatures('signatures', '签字', signers('sales_manager', 'sales_director', 'customer'))
      ],
      checks: [
        {
          code: 'agreement-complete',
          title: '填写完整，不需要填写内容的地方标注“无”或打√',
          clause: `${SALES}2(6)`,
          mode: 'auto',
          ruleId: 'no-blank-items',
          params: { fact: 'purchase_agreement.blankItems' }
        },
        { code: 'agreement-total-checked', title: '合计金额仔细核对无误', clause: `${SALES}2(6)`, mode: 'manual' },
        { code: 'agreement-contract-seal', title: '有销售合同章', clause: `${SALES}2(6)`, mode: 'manual' },
        { code: 'agreement-perforation-seal', title: '有骑缝章', clause: `${SALES}2(6)`, mode: 'manual' },
        {
          code: 'agreement-manager-signed',
          title: '有销售经理或销售总监签字',
          clause: `${SALES}2(6)`,
          mode: 'auto',
          ruleId: 'signatures-present',
          params: { fact: 'purchase_agreement.signatures', roles: [['sales_manager', 'sales_director']] }
        }
      ]
    },
    {
      code: 'pdi_forms',
      name: 'PDI保养表',
      order: 7,
      form: 'original',
      requiredFor: 'all',
      clause: `${SALES}1(7)`,
      facts: [
        fact.list('preContents', '预PDI（P-单子）内容', PDI_FORM_PARTS, '库管员处取回的 P-单子所含单据'),
        fact.signatures(
          'preSignatures',
          '预PDI（P-单子）签字',
          signers('warehouse_keeper', 'executor', 'final_inspector')
        ),
        fact.list('outboundContents', '出库PDI（8-单子）内容', PDI_FORM_PARTS),
        fact.date('outboundDate', '出库PDI日期'),
        fact.signatures(
          'outboundSignatures',
          '出库PDI（8-单子）签字',
          signers('warehouse_keeper', 'sales_advisor', 'customer', 'executor', 'final_inspector')
        )
      ],
      checks: [
        {
          code: 'pre-pdi-contents',
          title: 'P-单子包括任务委托书、结算单、交/接车检查表、保养表，并随新车档案存入',
          clause: `${SALES}2(7)`,
          mode: 'auto',
          ruleId: 'list-contains',
          params: {
            fact: 'pdi_forms.preContents',
            required: ['work_order', 'settlement', 'handover_check', 'maintenance_form']
          }
        },
        {
          code: 'pre-pdi-signatures',
          title: 'P-单子有库管员、执行人、终检签字（三个人签字）',
          clause: `${SALES}2(7)`,
          mode: 'auto',
          ruleId: 'signatures-present',
          params: { fact: 'pdi_forms.preSignatures', roles: ['warehouse_keeper', 'executor', 'final_inspector'] }
        },
        {
          code: 'outbound-pdi-contents',
          title: '8-单子包括任务委托书、结算单、交/接车检查表、保养表',
          clause: `${SALES}2(7)`,
          mode: 'auto',
          ruleId: 'list-contains',
          params: {
            fact: 'pdi_forms.outboundContents',
            required: ['work_order', 'settlement', 'handover_check', 'maintenance_form']
          }
        },
        {
          code: 'outbound-pdi-signatures',
          title: '8-单子有库管员、销售顾问、客户、执行人、终检签字（五个人签字）',
          clause: `${SALES}2(7)`,
          mode: 'auto',
          ruleId: 'signatures-present',
          params: {
            fact: 'pdi_forms.outboundSignatures',
            roles: ['warehouse_keeper', 'sales_advisor', 'customer', 'executor', 'final_inspector']
          }
        },
        {
          code: 'outbound-pdi-signatures-dated',
          title: '出库《PDI保养表》执行人和终检人签字有日期',
          clause: `${SALES}2(7)`,
          mode: 'auto',
          ruleId: 'signatures-dated',
          params: { fact: 'pdi_forms.outboundSignatures', roles: ['executor', 'final_inspector'] }
        },
        {
          code: 'outbound-pdi-signature-dates-consistent',
          title: '签字日期保持一致，并与出库PDI日期相同',
          clause: `${SALES}2(7)`,
          mode: 'auto',
          ruleId: 'signature-dates-equal',
          params: {
            fact: 'pdi_forms.outboundSignatures',
            roles: ['executor', 'final_inspector'],
            sameAs: 'pdi_forms.outboundDate'
          }
        },
        {
          code: 'pdi-tyre-pressure',
          title: '预PDI胎压以厂家ELSA设定值为准，出库胎压以车型标签规定半载为准（有厂家通知以通知为准）',
          clause: `${SALES}2(7)`,
          mode: 'manual'
        },
        {
          code: 'pdi-storage-period-ticked',
          title:
            '“至少每周”“最晚2周后”“最晚每3个月”“最晚每6个月”“额外在6、9或12个月后”“汽车供给客户前”等库存期限按实际库存期限检查并划“√”',
          clause: `${SALES}2(7)`,
          mode: 'manual'
        }
      ]
    }
  ]
}

const SUGGESTION_OPTIONS = options(
  MAINTENANCE_ITEMS,
  'spark_plugs',
  'oil_and_filters',
  'gearbox_oil',
  'brake_fluid',
  'power_steering_fluid',
  'tyres'
)
const NOT_ORDER_5 = { fact: 'archive.orderType', is: 'none_of', values: ['5'], note: '5-单子除外' } as const

const serviceTemplate: ArchiveTemplate = {
  kind: 'service',
  name: '服务档案',
  visitTypes: visitTypes(
    'minor_repair',
    'first_service',
    'routine_service',
    'major_repair',
    'warranty_claim',
    'rescue'
  ),
  facts: [
    fact.text('repairOrderNo', '任务委托书号'),
    fact.choice('orderType', '工单类别', [
      { code: '2', label: '2-保养工单' },
      { code: '5', label: '5-单子' },
      { code: 'other', label: '其他工单' }
    ]),
    fact.fromHandover(fact.text('serviceAdvisor', '服务顾问'), 'advisorName'),
    fact.datetime('receivedAt', '接车时间'),
    fact.datetime('handedBackAt', '交车时间'),
    fact.number('mileageKm', '行驶里程', 'km'),
    fact.date('registrationDate', '行驶证登记日期'),
    fact.choice('gearbox', '变速箱类型', GEARBOX_TYPES)
  ],
  documents: [
    {
      code: 'first_service_voucher',
      name: '首保凭证',
      order: 1,
      form: 'original',
      requiredFor: ['first_service'],
      clause: `${SERVICE}1(1)`,
      facts: [fact.blankItems()],
      checks: [
        {
          code: 'first-service-voucher-complete',
          title: '必须填写完整',
          clause: `${SERVICE}2(1)`,
          mode: 'auto',
          ruleId: 'no-blank-items',
          params: { fact: 'first_service_voucher.blankItems' }
        },
        { code: 'first-service-voucher-seal', title: '加盖公章', clause: `${SERVICE}2(1)`, mode: 'manual' }
      ]
    },
    {
      code: 'work_order',
      name: '任务委托书',
      order: 2,
      form: 'original',
      requiredFor: 'all',
      clause: `${SERVICE}1(2)`,
      facts: [
        fact.blankItems(),
        fact.text('plate', '车牌号码'),
        fact.date('productionDate', '生产日期'),
        fact.text('printedPhone', '打印的客户电话'),
        fact.text('confirmedPhone', '与客户确认的联系电话'),
        fact.signatures('signatures', '签字', signers('main_repairer', 'team_leader', 'quality_inspector', 'customer')),
        fact.yes('itemsChanged', '维修项目有更改'),
        fact.yes('changesConfirmed', '更改的维修项目后面有客户确认签字'),
        fact.yes('hasAddedItems', '涉及增项'),
        fact.yes('addedItemsQuoteSigned', '已填写增项报价单并确认签字'),
        fact.number('estimatedLabour', '预估工时费', '元'),
        fact.number('estimatedParts', '预估备件费', '元'),
        fact.number('estimatedTotal', '预估合计', '元')
      ],
      checks: [
        {
          code: 'work-order-complete',
          title: '所有项目按要求填写齐全，不能漏项、缺少字节',
          clause: `${SERVICE}2(2)`,
          applicableWhen: NOT_ORDER_5,
          mode: 'auto',
          ruleId: 'no-blank-items',
          params: { fact: 'work_order.blankItems' }
        },
        {
          code: 'work-order-plate-complete',
          title: '车牌号码填写完整，如无特殊情况，不允许出现“吉A”',
          clause: `${SERVICE}2(2)`,
          mode: 'auto',
          ruleId: 'plate-valid',
          params: { fact: 'work_order.plate' }
        },
        {
          code: 'work-order-production-date',
          title: '生产日期按行车证登记日期填写，不能出现1900/00/00',
          clause: `${SERVICE}2(2)`,
          mode: 'auto',
          ruleId: 'dates-equal',
          params: { first: 'work_order.productionDate', second: 'archive.registrationDate' }
        },
        {
          code: 'work-order-production-date-unaltered',
          title: '生产日期无手写涂改',
          clause: `${SERVICE}2(2)`,
          mode: 'manual'
        },
        {
          code: 'work-order-phone-matches',
          title: '客户联系方式与委托书中打印电话号码相符',
          clause: `${SERVICE}2(2)`,
          mode: 'auto',
          ruleId: 'texts-match',
          params: { first: 'work_order.confirmedPhone', second: 'work_order.printedPhone', compareAs: 'phone' }
        },
        {
          code: 'work-order-phone-reachable',
          title: '联系电话可联络（必须和客户确认）',
          clause: `${SERVICE}2(2)`,
          mode: 'manual'
        },
        {
          code: 'work-order-repairer-signed',
          title: '主修人在维修结束后签字确认',
          clause: `${SERVICE}2(2)`,
          mode: 'auto',
          ruleId: 'signatures-present',
          params: { fact: 'work_order.signatures', roles: ['main_repairer'] }
        },
        {
          code: 'work-order-repairer-signature-place',
          title: '主修人位置预留空白，由主修人（机修、钣金、油漆）在空格处签字，不签在非指定位置',
          clause: `${SERVICE}2(2)`,
          mode: 'manual'
        },
        {
          code: 'work-order-repairer-multiple-items',
          title: '主修人修理多项只签名一次时做出明确标识',
          clause: `${SERVICE}2(2)`,
          mode: 'manual'
        },
        {
          code: 'work-order-signature-times',
          title: '组长、质检员签字有签字时间（24小时制，次日修完写明日期），时间顺序正确',
          clause: `${SERVICE}2(2)`,
          mode: 'auto',
          ruleId: 'signature-times-chronological',
          params: {
            fact: 'work_order.signatures',
            roles: ['team_leader', 'quality_inspector'],
            notBefore: 'archive.receivedAt'
          }
        },
        {
          code: 'work-order-changes-confirmed',
          title: '维修项目更改后由客户在后面确认签字',
          clause: `${SERVICE}2(2)`,
          applicableWhen: { fact: 'work_order.itemsChanged', is: 'one_of', values: [true], note: '维修项目无更改' },
          mode: 'auto',
          ruleId: 'facts-true',
          params: { facts: ['work_order.changesConfirmed'] }
        },
        {
          code: 'work-order-added-items-quote',
          title: '涉及增项的填写增项报价单并确认签字',
          clause: `${SERVICE}2(2)`,
          applicableWhen: { fact: 'work_order.hasAddedItems', is: 'one_of', values: [true], note: '不涉及增项' },
          mode: 'auto',
          ruleId: 'facts-true',
          params: { facts: ['work_order.addedItemsQuoteSigned'] }
        },
        {
          code: 'work-order-customer-signed',
          title: '客户签名处有用户签字',
          clause: `${SERVICE}2(2)`,
          mode: 'auto',
          ruleId: 'signatures-present',
          params: { fact: 'work_order.signatures', roles: ['customer'] }
        },
        {
          code: 'work-order-estimate-vs-actual',
          title: '预估价格与实收价格上下不超过10%（特殊情况除外）',
          clause: `${SERVICE}2(2)`,
          mode: 'auto',
          ruleId: 'amount-within-percent',
          params: { estimate: 'work_order.estimatedTotal', actual: 'settlement.actualAmount', tolerancePercent: 10 }
        },
        {
          code: 'work-order-estimate-breakdown',
          title: '预估有工时、备件费用及合计数',
          clause: `${SERVICE}2(2)`,
          applicableWhen: NOT_ORDER_5,
          mode: 'auto',
          ruleId: 'facts-required',
          params: { facts: ['work_order.estimatedLabour', 'work_order.estimatedParts', 'work_order.estimatedTotal'] }
        }
      ]
    },
    {
      code: 'settlement',
      name: '结算单',
      order: 3,
      form: 'original',
      requiredFor: 'all',
      clause: `${SERVICE}1(3)`,
      facts: [
        fact.number('actualAmount', '实收金额', '元'),
        fact.yes('financeStamp', '加盖财务章'),
        fact.signatures('signatures', '签字', signers('customer')),
        fact.list('replacedItems', '本次更换的保养项目', SUGGESTION_OPTIONS),
        fact.list('suggestedItems', '建议修理项目', SUGGESTION_OPTIONS)
      ],
      checks: [
        {
          code: 'settlement-items-match-work-order',
          title: '修理项目及所使用备件与任务委托书中维修项目相符',
          clause: `${SERVICE}2(3)`,
          applicableWhen: NOT_ORDER_5,
          mode: 'manual'
        },
        {
          code: 'settlement-finance-stamp',
          title: '结算单加盖财务章（无消费发生除外）',
          clause: `${SERVICE}2(3)`,
          applicableWhen: { fact: 'settlement.actualAmount', is: 'none_of', values: [0], note: '无消费发生' },
          mode: 'auto',
          ruleId: 'facts-true',
          params: { facts: ['settlement.financeStamp'] }
        },
        {
          code: 'settlement-customer-signed-twice',
          title: '结算单有两次用户签字',
          clause: `${SERVICE}2(3)`,
          mode: 'auto',
          ruleId: 'signature-count',
          params: { fact: 'settlement.signatures', role: 'customer', min: 2 }
        },
        {
          code: 'settlement-has-suggestions',
          title: '必须要有建议修理项目',
          clause: `${SERVICE}2(3)`,
          mode: 'auto',
          ruleId: 'facts-required',
          params: { facts: ['settlement.suggestedItems'] }
        },
        {
          code: 'settlement-suggestions-match-handover',
          title: '建议修理项目与交车检查表中维修建议内容一致',
          clause: `${SERVICE}2(3)`,
          mode: 'auto',
          ruleId: 'lists-equal',
          params: { first: 'settlement.suggestedItems', second: 'handover_check.repairSuggestions' }
        },
        {
          code: 'settlement-30000km-suggestions',
          title: '29000km-31000km未更换火花塞或机油四滤的，在建议项目中体现',
          clause: `${SERVICE}2(3)`,
          mode: 'auto',
          ruleId: 'mileage-suggestions',
          params: {
            mileage: 'archive.mileageKm',
            replaced: 'settlement.replacedItems',
            suggested: 'settlement.suggestedItems',
            fromKm: 29000,
            toKm: 31000,
            items: ['spark_plugs', 'oil_and_filters']
          }
        },
        {
          code: 'settlement-60000km-suggestions',
          title:
            '59000km-61000km未按保养手册更换火花塞、机油四滤、变速箱油（手动变速箱除外）、刹车油、转向助力油的，在建议项目中体现',
          clause: `${SERVICE}2(3)`,
          mode: 'auto',
          ruleId: 'mileage-suggestions',
          params: {
            mileage: 'archive.mileageKm',
            replaced: 'settlement.replacedItems',
            suggested: 'settlement.suggestedItems',
            fromKm: 59000,
            toKm: 61000,
            items: ['spark_plugs', 'oil_and_filters', 'gearbox_oil', 'brake_fluid', 'power_steering_fluid'],
            gearbox: 'archive.gearbox',
            manualGearboxCode: 'manual',
            exemptForManualGearbox: ['gearbox_oil']
          }
        }
      ]
    },
    {
      code: 'maintenance_form',
      name: '保养表',
      order: 4,
      form: 'original',
      requiredFor: ['first_service', 'routine_service'],
      optionalFor: 'all',
      clause: `${SERVICE}1(4)`,
      conditionNote: '保养类（首保、保养）必备，其他类别有保养作业时归档',
      facts: [
        fact.yes('unitsWritten', '所有项目单位填写完整（如 2.5Bar、6.5MM）'),
        fact.blankItems(),
        { key: 'treadDepths', label: '轮胎花纹深度', type: 'measurements', unit: 'mm', positions: TYRE_POSITIONS },
        fact.number('spareTyrePressure', '备胎胎压', 'bar'),
        fact.signatures('signatures', '签字', signers('executor', 'final_inspector', 'customer'))
      ],
      checks: [
        {
          code: 'maintenance-units-written',
          title: '所有项目单位填写完整，如2.5Bar、6.5MM',
          clause: `${SERVICE}2(4)`,
          mode: 'auto',
          ruleId: 'facts-true',
          params: { facts: ['maintenance_form.unitsWritten'] }
        },
        {
          code: 'maintenance-tyre-pressure-standard',
          title: '胎压正确：应急备胎以胎壁最高压力为准，普通胎以后轮满载为准，四轮以B柱或车门、油箱盖标签半载为准',
          clause: `${SERVICE}2(4)`,
          mode: 'manual'
        },
        {
          code: 'maintenance-tread-depth',
          title: '轮胎花纹深度3.0-6.5为正常值（全新轮胎7.0），低于3.0mm报建议更换',
          clause: `${SERVICE}2(4)`,
          mode: 'auto',
          ruleId: 'tread-depth-replacement',
          params: {
            depths: 'maintenance_form.treadDepths',
            suggested: 'settlement.suggestedItems',
            minMm: 3.0,
            newTyreMm: 7.0,
            item: 'tyres'
          }
        },
        {
          code: 'maintenance-no-blank',
          title: '保养表上不允许有空白项，必须全部打√或划除',
          clause: `${SERVICE}2(4)`,
          mode: 'auto',
          ruleId: 'no-blank-items',
          params: { fact: 'maintenance_form.blankItems' }
        },
        {
          code: 'maintenance-signatures-dated',
          title: '执行人签字和终检人签字有日期',
          clause: `${SERVICE}2(4)`,
          mode: 'auto',
          ruleId: 'signatures-dated',
          params: { fact: 'maintenance_form.signatures', roles: ['executor', 'final_inspector'] }
        },
        {
          code: 'maintenance-customer-signed',
          title: '有用户签字',
          clause: `${SERVICE}2(4)`,
          mode: 'auto',
          ruleId: 'signatures-present',
          params: { fact: 'maintenance_form.signatures', roles: ['customer'] }
        },
        {
          code: 'maintenance-spare-tyre-pressure',
          title: '备胎胎压做出标明',
          clause: `${SERVICE}2(4)`,
          mode: 'auto',
          ruleId: 'facts-required',
          params: { facts: ['maintenance_form.spareTyrePressure'] }
        }
      ]
    },
    {
      code: 'handover_check',
      name: '一汽大众接/交车检查表',
      order: 5,
      form: 'original',
      requiredFor: 'all',
      clause: `${SERVICE}1(5)`,
      facts: [
        fact.signatures('signatures', '签字', signers('customer')),
        fact.list('repairSuggestions', '维修建议', SUGGESTION_OPTIONS),
        fact.text('usageSuggestions', '使用建议'),
        fact.blankItems(),
        fact.text('mileageWritten', '行驶里程（万公里）', '按表上所写照录，如 3.05')
      ],
      checks: [
        {
          code: 'handover-customer-signed-twice',
          title: '有用户签字2次',
          clause: `${SERVICE}2(5)`,
          mode: 'auto',
          ruleId: 'signature-count',
          params: { fact: 'handover_check.signatures', role: 'customer', min: 2 }
        },
        {
          code: 'handover-has-suggestions',
          title: '检查表中有维修建议及使用建议',
          clause: `${SERVICE}2(5)`,
          mode: 'auto',
          ruleId: 'facts-required',
          params: { facts: ['handover_check.repairSuggestions', 'handover_check.usageSuggestions'] }
        },
        {
          code: 'handover-no-blank',
          title: '不允许有漏填项（如用户名、车牌号码填写不完整）',
          clause: `${SERVICE}2(5)`,
          mode: 'auto',
          ruleId: 'no-blank-items',
          params: { fact: 'handover_check.blankItems' }
        },
        {
          code: 'handover-mileage-format',
          title: '行驶里程以万公里为单位，使用小数点',
          clause: `${SERVICE}2(5)`,
          mode: 'auto',
          ruleId: 'mileage-in-ten-thousand-km',
          params: { written: 'handover_check.mileageWritten', mileageKm: 'archive.mileageKm' }
        }
      ]
    },
    {
      code: 'test_drive',
      name: '试车记录',
      order: 6,
      form: 'original',
      // 五(二)2(6) 「除2-保养工单外一律要求有试车单」: the work-order type decides; the visit types only stand in
      // until it is entered (a routine service is usually a 2-保养工单).
      requiredFor: ['minor_repair', 'first_service', 'major_repair', 'warranty_claim', 'rescue'],
      requiredWhen: { fact: 'archive.orderType', is: 'none_of', values: ['2'], note: '2-保养工单除外' },
      clause: `${SERVICE}1(6)`,
      conditionNote: '除2-保养工单外一律要求有试车单',
      facts: [
        fact.list('testItems', '试车项目'),
        fact.blankItems(),
        fact.signatures('signatures', '签字', signers('test_drive_approver', 'test_driver', 'customer'))
      ],
      checks: [
        {
          code: 'test-drive-items-marked',
          title: '试车单标注试车项目',
          clause: `${SERVICE}2(6)`,
          mode: 'auto',
          ruleId: 'facts-required',
          params: { facts: ['test_drive.testItems'] }
        },
        {
          code: 'test-drive-complete',
          title: '试车单上所有项目填写完整',
          clause: `${SERVICE}2(6)`,
          mode: 'auto',
          ruleId: 'no-blank-items',
          params: { fact: 'test_drive.blankItems' }
        },
        {
          code: 'test-drive-matches-vehicle',
          title: '试车单所填内容正确，与客户车辆信息相符',
          clause: `${SERVICE}2(6)`,
          mode: 'manual'
        },
        {
          code: 'test-drive-signatures',
          title: '有试车批准人签字、试车人签字和用户签字',
          clause: `${SERVICE}2(6)`,
          mode: 'auto',
          ruleId: 'signatures-present',
          params: { fact: 'test_drive.signatures', roles: ['test_drive_approver', 'test_driver', 'customer'] }
        }
      ]
    },
    {
      code: 'rescue',
      name: '救援单',
      order: 7,
      form: 'original',
      requiredFor: ['rescue'],
      clause: `${SERVICE}1(7)`,
      facts: [
        fact.blankItems(),
        fact.datetime('rescueAt', '救援时间'),
        fact.signatures('signatures', '领导签字', signers('service_manager', 'service_director'))
      ],
      checks: [
        {
          code: 'rescue-no-blank',
          title: '救援单不能有空白项',
          clause: `${SERVICE}2(7)`,
          mode: 'auto',
          ruleId: 'no-blank-items',
          params: { fact: 'rescue.blankItems' }
        },
        {
          code: 'rescue-leaders-signed',
          title: '上班期间救援有服务经理、服务总监签字（下班以后不用签字）',
          clause: `${SERVICE}2(7)`,
          mode: 'auto',
          ruleId: 'leaders-sign-in-working-hours',
          params: {
            when: 'rescue.rescueAt',
            signatures: 'rescue.signatures',
            roles: ['service_manager', 'service_director']
          }
        }
      ]
    },
    {
      code: 'free_inspection',
      name: '免费检查表',
      order: 8,
      form: 'original',
      requiredFor: 'all',
      clause: `${SERVICE}1(8)`,
      facts: [],
      checks: []
    },
    {
      code: 'warranty_certificate',
      name: '保修证明',
      order: 9,
      form: 'either',
      requiredFor: ['first_service', 'warranty_claim'],
      clause: `${SERVICE}1(9) 备注`,
      conditionNote: '首保用户和索赔用户必须要有',
      facts: [],
      checks: []
    },
    {
      code: 'maintenance_certificate_copy',
      name: '保养证明复印件',
      order: 10,
      form: 'copy',
      requiredFor: ['first_service', 'warranty_claim'],
      clause: `${SERVICE}1(10) 备注`,
      conditionNote: '首保用户和索赔用户必须要有',
      facts: [],
      checks: []
    }
  ]
}

export const FAW_VW_PRESET: Policy = {
  id: 'faw-vw',
  presetId: 'faw-vw',
  name: '一汽-大众经销商客户档案管理制度',
  version: 1,
  createdAt: '2026-01-01T00:00:00+08:00',
  sources: ['《客户档案管理制度》（一汽-大众经销商）', '《客户信息管理制度》', '《档案归档与借阅管理制度》'],
  archiveTemplates: { sales: salesTemplate, service: serviceTemplate },
  deadlines: {
    salesHandIn: [
      {
        code: 'weekly_to_customer_care',
        label: '销售档案每周一交至客服部（以本周扫AAK为准）',
        handedTo: 'customer_care',
        rule: { kind: 'next_weekday', weekday: 1, from: 'delivery' },
        clause: `${SALES}3(1)`,
        lateExplanationSignedBy: '销售经理'
      }
    ],
    serviceHandIn: [
      {
        code: 'advisor_to_info_clerk',
        label: '服务顾问每天上午10:00之前交售后信息员',
        handedTo: 'service_info_clerk',
        // 「每天上午10:00之前」: the service department works every day, so a Saturday's files are due Sunday.
        rule: {
          kind: 'days_after_at_time',
          days: 1,
          time: '10:00',
          from: 'vehicle_handed_back',
          countsOn: 'service_days'
        },
        clause: `${SERVICE}4(1)`
      },
      {
        code: 'collected_by_customer_care',
        label: '客服部每天15:00到服务部信息员处收取前一天档案',
        handedTo: 'customer_care',
        // 「客服部每天15:00…收取前一天档案」: every day too, on the service department's own calendar.
        rule: {
          kind: 'days_after_at_time',
          days: 1,
          time: '15:00',
          from: 'vehicle_handed_back',
          countsOn: 'service_days'
        },
        clause: `${SERVICE}4(2)`,
        lateExplanationSignedBy: '服务经理'
      }
    ],
    // 二3: every department's nonconforming files go back for correction; 五(二)4(5) sets the service 24 h.
    correction: {
      rule: { kind: 'hours_after', hours: 24, from: 'returned_for_correction' },
      clause: '一汽大众 二3',
      clauseByKind: { sales: `一汽大众 二3、${SALES}3(3)`, service: `${SERVICE}4(5)` },
      // 4(5) 「在收到不合格档案24小时内修改后交于客服部档案管理员」: from the advisor's 签收 of the notice.
      countsFrom: 'notice_received',
      outsideWorkingTime: 'next_working_day_same_time',
      // 4(5) 「有特殊原因需说明情况，承诺上交时间。由服务经理签字有效」
      lateExplanationSignedBy: '服务经理',
      basisByKind: {
        sales:
          '五(一)未规定销售档案的整改时限；默认沿用五(二)4(5)的24小时，使两个部门的退回件同样处理，本店可在设置中修改',
        service: '五(二)4(5) 「在收到不合格档案24小时内修改后交于客服部档案管理员」'
      }
    },
    missingArchiveReport: {
      rule: { kind: 'calendar_days_after', days: 2, from: 'reconciliation' },
      clause: '一汽大众 二4'
    },
    loanReturn: {
      rule: { kind: 'calendar_days_after', days: 3, from: 'loan_out' },
      clause: '《客户信息管理制度》第19条'
    }
  },
  fines: {
    rules: [
      {
        code: 'faw-sales-missing',
        title: '销售档案缺失，对责任人每份按KPI考核扣分',
        clause: `${SALES}3(2)`,
        trigger: 'archive_missing',
        appliesTo: ['responsible_person'],
        archiveKind: 'sales',
        penalty: { kind: 'kpi_points', points: null, per: 'file' },
        note: UNSET_POINTS
      },
      {
        code: 'faw-sales-nonconforming',
        title: '不合格销售档案按KPI考核扣分',
        clause: `${SALES}3(3)`,
        trigger: 'archive_nonconforming',
        appliesTo: ['sales_advisor'],
        archiveKind: 'sales',
        penalty: { kind: 'kpi_points', points: null, per: 'file' },
        note: UNSET_POINTS
      },
      {
        code: 'faw-service-missing',
        title: '服务档案缺失，对责任人KPI扣分（索赔和在修除外）',
        clause: `${SERVICE}4(3)`,
        trigger: 'archive_missing',
        appliesTo: ['responsible_person'],
        archiveKind: 'service',
        penalty: { kind: 'kpi_points', points: null, per: 'file' },
        note: UNSET_POINTS
      },
      {
        // 4(3) "档案缺失及破损": a damaged file is its own violation.
        code: 'faw-service-damaged',
        title: '服务档案破损，对责任人KPI扣分',
        clause: `${SERVICE}4(3)`,
        trigger: 'archive_lost_or_damaged',
        appliesTo: ['responsible_person'],
        archiveKind: 'service',
        penalty: { kind: 'kpi_points', points: null, per: 'file' },
        note: UNSET_POINTS
      },
      {
        code: 'faw-service-nonconforming',
        title: '每份不合格服务档案罚相关人员KPI扣分（服务经理签字确认）',
        clause: `${SERVICE}4(4)`,
        trigger: 'archive_nonconforming',
        appliesTo: ['service_advisor'],
        archiveKind: 'service',
        penalty: { kind: 'kpi_points', points: null, per: 'file' },
        note: UNSET_POINTS
      },
      {
        code: 'faw-correction-late',
        title: '收到不合格档案24小时内未修改交回，每次KPI扣1分',
        clause: `${SERVICE}4(5)`,
        trigger: 'correction_late',
        // In 五(二) (service) only: the service advisor responsible for that service archive.
        appliesTo: ['service_advisor'],
        archiveKind: 'service',
        penalty: { kind: 'kpi_points', points: 1, per: 'occurrence' }
      },
      {
        code: 'faw-returned-unchanged',
        title: '不合格档案未做任何更改被原封返回，每份KPI扣1分',
        clause: `${SERVICE}4(6)`,
        trigger: 'returned_unchanged',
        appliesTo: ['service_advisor'],
        archiveKind: 'service',
        penalty: { kind: 'kpi_points', points: 1, per: 'file' }
      },
      {
        code: 'faw-favouritism',
        title: '档案管理员和服务顾问利用个人关系徇私舞弊，各罚款10元/份',
        clause: `${SERVICE}4(7)`,
        trigger: 'favouritism',
        appliesTo: ['archive_manager', 'service_advisor'],
        penalty: { kind: 'yuan', amount: 10, per: 'file' }
      }
    ],
    escalations: [],
    repeatUntilCorrected: null,
    qualityTargets: [
      { metric: 'completeness', minPercent: 99, clause: `${SERVICE}5` },
      { metric: 'authenticity', minPercent: 95, clause: `${SERVICE}5` }
    ],
    departmentReviewMetrics: ['timeliness', 'completeness'],
    enforcedBy: '客服部'
  },
  retention: {
    keepYearsAfterLastService: 5,
    dormancy: { noServiceYears: 3, keepYearsFromCreation: 5 },
    onExpiry: 'seal',
    destroyNotBeforeYears: 10,
    destructionNeedsApproval: true,
    clause: '一汽大众 四；《汽车销售管理办法》（至少保存10年）'
  },
  loans: {
    outsiderRequires: ['introduction_letter', 'id_document'],
    staffApprovers: ['部门负责人'],
    outsiderApprovers: ['负责人', '经理'],
    filesStayInRoom: true,
    overdueIsViolation: true,
    clause: '《客户信息管理制度》第18–20条；《档案归档与借阅管理制度》第三、四章'
  },
  reconciliation: {
    sales: {
      system: 'AAK',
      exceptions: [{ code: 'not_invoiced', label: '用户未开发票' }],
      clause: `${SALES}3(2)；一汽大众 二4、二5`,
      cadence: { kind: 'weekly', weekday: 1, clause: `${SALES}3(1)` }
    },
    service: {
      system: '小R3',
      exceptions: [
        { code: 'warranty_claim', label: '索赔' },
        { code: 'in_repair', label: '在修' },
        { code: 'not_settled', label: '未结算' }
      ],
      clause: `${SERVICE}4(2)、4(3)；一汽大众 二4、二5`,
      cadence: { kind: 'weekly', weekday: 1 }
    }
  },
  signOff: { block: [], nonconformityRecordConfirmedBy: { sales: [], service: ['服务经理'] } },
  // 二2「对销售部和服务部上交的档案进行接收并填写《档案交接表》」; 二3「并进行《不合格档案记录》」.
  forms: {
    handoverSheetTitle: '档案交接表',
    nonconformityRecordTitle: '不合格档案记录',
    departmentNames: { sales: '销售部', service: '服务部' },
    clause: '一汽大众 二2、二3'
  },
  // 五(二)3 「dserp中以下字段必须维护，车主姓名、客户固定电话/手机、客户类别、客户评价类别、省份、城市、地址、邮编、
  // 底盘号、车牌号码及产品代码车型；联系人姓名、联系人联系方式、车系、颜色。」
  vehicleFile: {
    fields: [
      'ownerName',
      'ownerPhone',
      'customerCategory',
      'customerRatingCategory',
      'provinceCode',
      'cityCode',
      'street',
      'postcode',
      'vin',
      'plate',
      'productCode',
      'model',
      'contactName',
      'contactPhone',
      'series',
      'colour'
    ],
    clause: `${SERVICE}3`
  }
}
