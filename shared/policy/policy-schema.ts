import { z } from 'zod'
import type { Policy } from './policy'
import { freeText, optionalFreeText } from '../validation/free-text'
import { HANDOVER_FACT_SOURCES } from './fact-definition'
import { findPolicyInconsistencies } from './policy-consistency'
import { isVehicleFieldKey } from '../vehicle/vehicle-field-requirement'

// A policy's shape and its own consistency, in Chinese. A valid policy also names rules the engine has,
// with parameters they accept: shared/rules/policy-validation.ts adds that and is what the settings
// editor, clonePreset, revisePolicy and the stored policy document validate with.

const CODE = /^[a-z][a-z0-9_-]*$/
const OPTION_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/
const FACT_KEY = /^[a-zA-Z][a-zA-Z0-9_]*$/

const text = (label: string, max = 200) => freeText({ label, max })
const code = (label: string) =>
  z.string({ error: `请填写${label}` }).regex(CODE, `${label}只能用小写字母、数字、下划线和连字符，且以字母开头`)
const positiveInt = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .int(`${label}应为整数`)
    .positive(`${label}必须大于 0`)
const positive = (label: string) => z.number({ error: `${label}应为数字` }).positive(`${label}必须大于 0`)
const percent = (label: string) =>
  z
    .number({ error: `${label}应为数字` })
    .min(0, `${label}不能小于 0%`)
    .max(100, `${label}不能超过 100%`)

const optionSchema = z.object({
  code: z.string().regex(OPTION_CODE, '选项代码只能用字母、数字、下划线和连字符'),
  label: text('选项名称', 60)
})
const signerSlotSchema = z.object({ role: code('签字人角色代码'), label: text('签字人名称', 30) })

const factBase = {
  key: z.string().regex(FACT_KEY, '事实键只能用字母、数字和下划线，且以字母开头'),
  label: text('事实名称', 80),
  hint: optionalFreeText({ label: '填写提示', max: 200 })
    .transform((v) => v ?? undefined)
    .optional(),
  fromHandover: z.enum(HANDOVER_FACT_SOURCES).optional()
}
const factDefinitionSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ ...factBase, type: z.enum(['date', 'datetime', 'text', 'boolean']) }),
    z.object({
      ...factBase,
      type: z.literal('number'),
      unit: optionalFreeText({ label: '单位', max: 10 })
        .transform((v) => v ?? undefined)
        .optional()
    }),
    z.object({ ...factBase, type: z.literal('choice'), options: z.array(optionSchema) }),
    z.object({
      ...factBase,
      type: z.literal('list'),
      options: z.array(optionSchema).optional(),
      allowOther: z.boolean().optional()
    }),
    z.object({ ...factBase, type: z.literal('signatures'), signers: z.array(signerSlotSchema) }),
    z.object({
      ...factBase,
      type: z.literal('measurements'),
      unit: text('单位', 10),
      positions: z.array(optionSchema).min(1, '至少要有一个测量位置')
    })
  ],
  { error: '事实类型应为 日期、日期时间、文字、数字、是/否、单选、清单、签字 或 测量值' }
)

const conditionSchema = z.object({
  fact: z.string().regex(/^[a-z][a-z0-9_]*\.[a-zA-Z][a-zA-Z0-9_]*$/, '适用条件的事实引用格式应为“资料代码.事实键”'),
  is: z.enum(['one_of', 'none_of'], { error: '适用条件应为“属于”或“不属于”' }),
  values: z.array(z.union([z.string(), z.number(), z.boolean()])).min(1, '适用条件至少要有一个值'),
  note: text('适用条件说明', 60)
})

const checkBase = {
  code: code('检查项代码'),
  title: text('检查项名称', 120),
  clause: text('制度条款', 120),
  applicableWhen: conditionSchema.optional(),
  fineRuleCode: z.string().optional()
}
const checkItemSchema = z.discriminatedUnion(
  'mode',
  [
    z.object({
      ...checkBase,
      mode: z.literal('auto'),
      ruleId: text('自动检查规则'),
      params: z.record(z.string(), z.unknown())
    }),
    z.object({ ...checkBase, mode: z.literal('manual') })
  ],
  { error: '检查方式应为“自动”或“人工”' }
)

const selectionSchema = z.union([z.literal('all'), z.array(z.string())], { error: '适用范围应为“全部”或维修类别列表' })

const documentSchema = z.object({
  code: code('资料代码'),
  name: text('资料名称', 60),
  order: positiveInt('排列顺序'),
  form: z.enum(['original', 'copy', 'either'], { error: '资料形式应为 原件、复印件 或 原件或复印件' }),
  requiredFor: selectionSchema,
  optionalFor: selectionSchema.optional(),
  requiredWhen: conditionSchema.optional(),
  conditionNote: optionalFreeText({ label: '适用条件说明', max: 200 })
    .transform((v) => v ?? undefined)
    .optional(),
  clause: text('制度条款', 120),
  missingFineRuleCode: z.string().optional(),
  facts: z.array(factDefinitionSchema),
  checks: z.array(checkItemSchema)
})

const archiveTemplateSchema = z.object({
  kind: z.enum(['sales', 'service']),
  name: text('档案名称', 30),
  visitTypes: z.array(z.object({ code: code('维修类别代码'), name: text('维修类别名称', 20) })),
  facts: z.array(factDefinitionSchema),
  documents: z.array(documentSchema)
})

const anchorSchema = z.enum(
  ['delivery', 'sale', 'vehicle_handed_back', 'returned_for_correction', 'reconciliation', 'loan_out'],
  {
    error: '期限起算点无效'
  }
)
const countsOnSchema = z
  .enum(['working_days', 'calendar_days', 'service_days'], { error: '计算期限的日历应为 工作日、自然日 或 本店服务日' })
  .optional()
const deadlineRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('working_days_after'), days: positiveInt('工作日天数'), from: anchorSchema }),
    z.object({ kind: z.literal('calendar_days_after'), days: positiveInt('天数'), from: anchorSchema }),
    z.object({ kind: z.literal('hours_after'), hours: positive('小时数'), from: anchorSchema }),
    z.object({
      kind: z.literal('next_weekday'),
      weekday: z.union(
        [1, 2, 3, 4, 5, 6, 7].map((day) => z.literal(day)) as [
          z.ZodLiteral<1>,
          z.ZodLiteral<2>,
          z.ZodLiteral<3>,
          z.ZodLiteral<4>,
          z.ZodLiteral<5>,
          z.ZodLiteral<6>,
          z.ZodLiteral<7>
        ],
        {
          error: '星期应为 1（周一）至 7（周日）'
        }
      ),
      from: anchorSchema,
      countsOn: countsOnSchema
    }),
    z.object({
      kind: z.literal('days_after_at_time'),
      days: z.number({ error: '天数应为数字' }).int('天数应为整数').nonnegative('天数不能为负数'),
      time: z.string().regex(/^([01]\d|2[0-3]):([0-5]\d)$/, '时间应写作24小时制 时:分，如 10:00'),
      from: anchorSchema,
      countsOn: countsOnSchema
    })
  ],
  { error: '期限类型无效' }
)

const handInStageSchema = z.object({
  code: code('环节代码'),
  label: text('环节名称', 60),
  handedTo: z.enum(['customer_care', 'sales_info_clerk', 'service_info_clerk'], { error: '交接对象无效' }),
  rule: deadlineRuleSchema,
  clause: text('制度条款', 120),
  lateExplanationSignedBy: optionalFreeText({ label: '迟交说明签字人', max: 30 })
    .transform((v) => v ?? undefined)
    .optional()
})
const timedDeadlineSchema = z.object({ rule: deadlineRuleSchema, clause: text('制度条款', 120) })

const roleSchema = z.enum(['sales_advisor', 'service_advisor', 'archive_manager', 'responsible_person'], {
  error: '处罚对象无效'
})
const unitSchema = z.enum(['vehicle_visit', 'item', 'file', 'piece', 'occurrence'], {
  error: '计罚单位应为 车次、项、份、件 或 次'
})
const fineRuleSchema = z.object({
  code: code('处罚条款代码'),
  title: text('处罚条款名称', 120),
  clause: text('制度条款', 120),
  trigger: z.enum(
    [
      'late_handover',
      'customer_signature_missing',
      'internal_signature_missing',
      'document_nonconforming',
      'contact_not_confirmed',
      'archive_missing',
      'archive_nonconforming',
      'archive_lost_or_damaged',
      'correction_late',
      'returned_unchanged',
      'favouritism'
    ],
    { error: '处罚事由无效' }
  ),
  appliesTo: z.array(roleSchema).min(1, '至少指定一个处罚对象'),
  archiveKind: z.enum(['sales', 'service']).optional(),
  penalty: z.discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('yuan'), amount: positive('罚款金额'), per: unitSchema }),
      // null: the text leaves the points open (FAW-VW 五(一)3(2)(3), 五(二)4(3)(4)); the director sets them.
      z.object({ kind: z.literal('kpi_points'), points: positive('KPI扣分').nullable(), per: unitSchema })
    ],
    { error: '处罚方式应为罚款（元）或KPI扣分' }
  ),
  note: optionalFreeText({ label: '处罚说明', max: 200 })
    .transform((v) => v ?? undefined)
    .optional()
})
const finesSchema = z.object({
  rules: z.array(fineRuleSchema),
  escalations: z.array(
    z.object({
      code: code('加重处罚代码'),
      title: text('加重处罚名称', 120),
      clause: text('制度条款', 120),
      appliesTo: roleSchema,
      window: z.literal('calendar_month'),
      fromNthPenalty: z.number({ error: '起始次数应为数字' }).int('起始次数应为整数').min(2, '加重处罚至少从第 2 次起'),
      multiplier: z.number({ error: '倍数应为数字' }).gt(1, '加重倍数必须大于 1'),
      performancePayCut: z
        .object({ minPercent: percent('绩效扣罚下限'), maxPercent: percent('绩效扣罚上限') })
        .optional()
    })
  ),
  penaltyCounting: z
    .enum(['each_violation', 'archive_day'], { error: '计次方式应为“每次违规计一次”或“同一档案同一天计一次”' })
    .optional(),
  repeatUntilCorrected: z.object({ clause: text('制度条款', 120), every: deadlineRuleSchema }).nullable(),
  qualityTargets: z.array(
    z.object({
      metric: z.enum(['completeness', 'authenticity', 'timeliness'], { error: '质量指标无效' }),
      minPercent: percent('质量目标'),
      clause: text('制度条款', 120)
    })
  ),
  departmentReviewMetrics: z.array(z.enum(['completeness', 'authenticity', 'timeliness'], { error: '考核指标无效' })),
  enforcedBy: optionalFreeText({ label: '执行人', max: 30 })
})

const retentionSchema = z.object({
  keepYearsAfterLastService: positiveInt('末次维修后保管年数').nullable(),
  dormancy: z
    .object({ noServiceYears: positiveInt('未到店维修年数'), keepYearsFromCreation: positiveInt('自建档起保管年数') })
    .nullable(),
  dormancyClock: z.enum(['since_last_visit', 'since_creation'], { error: '未到店年数的起算点无效' }).optional(),
  onExpiry: z.literal('seal'),
  destroyNotBeforeYears: positiveInt('最早可销毁年数'),
  destructionNeedsApproval: z.boolean(),
  clause: text('制度条款', 120)
})

const loansSchema = z.object({
  outsiderRequires: z.array(z.enum(['introduction_letter', 'id_document'], { error: '外单位查阅证件无效' })),
  staffApprovers: z.array(text('审批人', 30)),
  outsiderApprovers: z.array(text('审批人', 30)),
  classifiedApprovers: z.array(text('审批人', 30)).optional(),
  filesStayInRoom: z.boolean(),
  overdueIsViolation: z.boolean(),
  clause: text('制度条款', 120)
})

const reconciliationRuleSchema = z.object({
  system: text('核对系统', 30),
  exceptions: z.array(z.object({ code: code('例外代码'), label: text('例外说明', 60) })),
  clause: text('制度条款', 120),
  cadence: z
    .discriminatedUnion('kind', [
      z.object({
        kind: z.literal('weekly'),
        weekday: z.union(
          [1, 2, 3, 4, 5, 6, 7].map((day) => z.literal(day)) as [
            z.ZodLiteral<1>,
            z.ZodLiteral<2>,
            z.ZodLiteral<3>,
            z.ZodLiteral<4>,
            z.ZodLiteral<5>,
            z.ZodLiteral<6>,
            z.ZodLiteral<7>
          ],
          { error: '核对日应为周一至周日' }
        ),
        clause: text('核对周期条款', 120).optional()
      }),
      z.object({ kind: z.literal('daily'), clause: text('核对周期条款', 120).optional() })
    ])
    .optional()
})

export const policyShapeSchema = z
  .object({
    id: text('制度编号', 80),
    presetId: text('预置制度', 40),
    name: text('制度名称', 60),
    version: positiveInt('版本号'),
    basedOnVersion: positiveInt('来源版本号').optional(),
    createdAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/, '创建时间应为 ISO 8601 日期时间'),
    sources: z.array(text('制度来源', 120)),
    archiveTemplates: z.object({ sales: archiveTemplateSchema, service: archiveTemplateSchema }),
    deadlines: z.object({
      salesHandIn: z.array(handInStageSchema),
      serviceHandIn: z.array(handInStageSchema),
      correction: timedDeadlineSchema.extend({
        clauseByKind: z
          .object({
            sales: text('销售档案整改条款', 120).optional(),
            service: text('服务档案整改条款', 120).optional()
          })
          .optional(),
        countsFrom: z
          .enum(['returned', 'notice_received'], { error: '整改期限起算点应为“退回时”或“签收时”' })
          .optional(),
        outsideWorkingTime: z
          .enum(['next_working_day_same_time', 'as_is'], { error: '非工作时间到期的处理方式无效' })
          .optional(),
        lateExplanationSignedBy: optionalFreeText({ label: '逾期说明签字人', max: 30 })
          .transform((v) => v ?? undefined)
          .optional(),
        basisByKind: z
          .object({
            sales: optionalFreeText({ label: '销售档案整改期限依据', max: 200 })
              .transform((v) => v ?? undefined)
              .optional(),
            service: optionalFreeText({ label: '服务档案整改期限依据', max: 200 })
              .transform((v) => v ?? undefined)
              .optional()
          })
          .optional()
      }),
      missingArchiveReport: timedDeadlineSchema,
      loanReturn: timedDeadlineSchema
    }),
    fines: finesSchema,
    retention: retentionSchema,
    loans: loansSchema,
    reconciliation: z.object({ sales: reconciliationRuleSchema, service: reconciliationRuleSchema }),
    vehicleFile: z
      .object({
        fields: z.array(
          z.string().refine(isVehicleFieldKey, { error: (issue) => `“${String(issue.input)}”不是车辆档案的字段` })
        ),
        clause: text('制度条款', 120)
      })
      .optional(),
    signOff: z.object({
      block: z.array(text('签批栏', 10)),
      nonconformityRecordConfirmedBy: z.object({
        sales: z.array(text('确认人', 30)),
        service: z.array(text('确认人', 30))
      })
    }),
    forms: z
      .object({
        handoverSheetTitle: text('交接表名称', 30),
        nonconformityRecordTitle: text('不合格记录名称', 30),
        departmentNames: z.object({ sales: text('销售部门名称', 20), service: text('售后部门名称', 20) }),
        clause: z.string().max(120)
      })
      .optional()
  })
  .superRefine((policy, ctx) => {
    for (const issue of findPolicyInconsistencies(policy as Policy))
      ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message })
  })

// Compile-time guard: what the schema accepts is a Policy, so the handwritten types and the schema cannot drift apart.
type SchemaOutputIsPolicy = z.output<typeof policyShapeSchema> extends Policy ? true : never
const _schemaOutputIsPolicy: SchemaOutputIsPolicy = true
