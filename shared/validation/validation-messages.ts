// Every way a typed value can be refused, by a stable code, with its Chinese sentence. `{{name}}` marks a
// parameter: a refusal carries the code and its parameters beside the sentence made from this text, so
// the renderer can word it in the operator's language (i18n key `validation.<CODE>`; zh-CN takes these
// very texts, en-US has its own).

export const VALIDATION_MESSAGES = {
  // 车架号 (GB 16735)
  VIN_REQUIRED: '请填写车架号（VIN，17位），可在行驶证或前挡风玻璃左下角找到',
  VIN_ILLEGAL_CHAR: '车架号只能包含字母和数字，第{{position}}位“{{char}}”不符合，请删除或改正',
  VIN_FORBIDDEN_LETTER: '车架号中不会出现字母 I、O、Q，第{{position}}位的“{{letter}}”请核对是否应为数字 {{digit}}',
  VIN_LENGTH: '车架号应为17位，现在填了{{length}}位，请核对是否漏填或多填',
  VIN_CHECK_DIGIT: '车架号第9位校验位应为 {{expected}}（现为 {{actual}}），请逐位核对车架号是否抄错',

  // 车牌号 (GA 36-2018)
  PLATE_REQUIRED: '请填写车牌号，如 吉A12345',
  PLATE_NO_PROVINCE: '车牌号应以省份简称开头，如 吉A12345',
  PLATE_UNKNOWN_PROVINCE: '车牌号第1位“{{char}}”不是省份简称，如 吉A12345',
  PLATE_INCOMPLETE: '车牌号不完整：缺少发牌机关字母和号码部分，如 吉A12345',
  PLATE_AUTHORITY_I_O: '车牌号第2位发牌机关字母不使用 I、O，请核对',
  PLATE_AUTHORITY_LETTER: '车牌号第2位应为发牌机关字母（如“{{province}}A”中的 A）',
  PLATE_SERIAL_MISSING: '车牌号不完整：缺少号码部分',
  PLATE_SERIAL_I_O: '车牌号码中不使用字母 I、O，请核对是否为数字 1 或 0',
  PLATE_SERIAL_CHAR: '车牌号码中不能有“{{char}}”，如 吉A12345',
  PLATE_HONG_KONG_MACAU: '带“港”“澳”字的车牌应以“粤Z”开头，请核对',
  PLATE_NEW_ENERGY:
    '新能源车牌号码格式不对：小型车为字母 D、F 等开头加5位（如 粤BD12345），大型车为5位数字加 D 或 F（如 粤B12345D）',
  PLATE_SERIAL_LENGTH: '车牌号码部分应为5位（新能源车为6位），现为{{length}}位，请核对',
  PLATE_EMBASSY: '使馆车牌应为“使”加6位数字，如 使224009',

  // 身份证号码 (GB 11643-1999)
  RESIDENT_ID_REQUIRED: '请填写身份证号码（18位）',
  RESIDENT_ID_OLD_FORMAT: '这是15位的旧身份证号码，请改填18位二代身份证号码',
  RESIDENT_ID_LENGTH: '身份证号码应为18位，现在填了{{length}}位，请核对',
  RESIDENT_ID_CHARS: '身份证号码前17位应为数字，最后一位为数字或 X，请核对',
  RESIDENT_ID_PROVINCE: '身份证号码前两位“{{province}}”不是有效的省份代码，请核对',
  RESIDENT_ID_BIRTH_DATE_INVALID: '身份证号码中的出生日期 {{date}} 不是有效日期，请核对第7–14位',
  RESIDENT_ID_BIRTH_DATE_TOO_EARLY: '身份证号码中的出生日期 {{date}} 早于1900年，请核对第7–14位',
  RESIDENT_ID_BIRTH_DATE_FUTURE: '身份证号码中的出生日期 {{date}} 晚于今天，请核对第7–14位',
  RESIDENT_ID_CHECK_CHAR: '身份证号码最后一位校验码应为 {{expected}}（现为 {{actual}}），请逐位核对是否抄错',

  // 统一社会信用代码 (GB 32100-2015), 组织机构代码
  CREDIT_CODE_REQUIRED: '请填写统一社会信用代码（18位），可在营业执照上找到',
  CREDIT_CODE_ILLEGAL_CHAR: '统一社会信用代码只能包含数字和大写字母，第{{position}}位“{{char}}”不符合',
  CREDIT_CODE_CONFUSABLE_LETTER:
    '统一社会信用代码不使用字母 I、O、Z、S、V，第{{position}}位的“{{char}}”请核对是否应为 {{lookalike}}',
  CREDIT_CODE_LENGTH: '统一社会信用代码应为18位，现在填了{{length}}位，请核对',
  CREDIT_CODE_REGION: '统一社会信用代码第3–8位应为数字（行政区划代码），请核对',
  CREDIT_CODE_CHECK_CHAR: '统一社会信用代码最后一位校验码应为 {{expected}}（现为 {{actual}}），请逐位核对是否抄错',
  ORG_CODE_REQUIRED: '请填写组织机构代码（9位，如 D2143569-X）',
  ORG_CODE_ILLEGAL_CHAR: '组织机构代码只能包含数字和大写字母，“{{char}}”不符合',
  ORG_CODE_LENGTH: '组织机构代码应为9位，现在填了{{length}}位，请核对',
  ORG_CODE_CHECK_CHAR: '组织机构代码最后一位校验码应为 {{expected}}（现为 {{actual}}），请逐位核对是否抄错',
  ORGANISATION_ID_REQUIRED: '请填写统一社会信用代码（18位）或旧的组织机构代码（9位）',
  ORGANISATION_ID_LENGTH: '应填写18位统一社会信用代码或9位组织机构代码，现在填了{{length}}位，请核对',

  // 姓名
  PERSON_NAME_REQUIRED: '请填写姓名',
  PERSON_NAME_DIGITS: '姓名不能包含数字，请填写真实姓名',
  PERSON_NAME_PLACEHOLDER: '请填写客户的真实姓名，不能用“某”“XX”“未知”“客户”等代替',
  PERSON_NAME_MIXED_SCRIPT: '中文姓名中不能夹杂英文字母；外国客户请全部用英文填写，如 John Smith',
  PERSON_NAME_FORM_OF_ADDRESS: '请填写真实姓名（姓+名），不能只写“{{name}}”这类称呼',
  PERSON_NAME_MIDDLE_DOT: '姓名中的“·”两侧都应有汉字，如 阿卜杜拉·买买提',
  PERSON_NAME_TOO_LONG: '姓名过长（{{length}}个字），请核对',
  PERSON_NAME_NOT_HAN: '姓名只能包含汉字；少数民族或外国人的译名可用“·”分隔，如 阿卜杜拉·买买提',
  PERSON_NAME_UNKNOWN_SURNAME:
    '“{{char}}”不是常见姓氏，请核对姓名是否填写正确；藏族、蒙古族等姓名可用“·”分隔，如 扎西·多吉',
  PERSON_NAME_SURNAME_ONLY: '请填写完整姓名（姓+名），不能只写姓“{{name}}”',
  LATIN_NAME_CHARS: '姓名只能包含汉字；外文姓名只能包含字母、空格、连字符和撇号，如 John Smith',
  LATIN_NAME_PLACEHOLDER: '请填写客户的真实姓名，不能用“XX”“Unknown”等代替',
  LATIN_NAME_TITLE: '请填写真实姓名，不要加 Mr、Ms 等称呼，如 John Smith',
  LATIN_NAME_PARTS: '外文姓名请填写名和姓两部分，用空格分隔，如 John Smith',
  LATIN_NAME_TOO_LONG: '外文姓名不能超过{{max}}个字符，请核对',

  // 电话
  PHONE_REQUIRED: '请填写联系电话',
  PHONE_CHARS: '电话号码只能包含数字，固定电话可用“-”分隔区号和分机号，如 0431-85551234',
  PHONE_MOBILE_EXTENSION: '手机号不带分机号，请删除“转”及后面的数字',
  PHONE_COUNTRY_CODE: '请填写国内号码，不要加国际区号：手机号11位，固定电话如 0431-85551234',
  PHONE_MOBILE_LENGTH: '手机号应为11位，现在填了{{length}}位，请核对',
  PHONE_MOBILE_PREFIX: '手机号格式不对：第2位应为3–9，请核对',
  PHONE_SERVICE_LENGTH: '{{prefix}} 服务电话应为10位，如 400-123-4567',
  PHONE_AREA_CODE_MISSING: '固定电话须带区号，如 0431-85551234',
  PHONE_AREA_CODE_INVALID: '区号“{{areaCode}}”无效：区号为 010、02X 或 0 加3位数字，如 0431-85551234',
  PHONE_LOCAL_LENGTH: '固定电话区号后应为7–8位号码，现在是{{length}}位，如 0431-85551234',
  PHONE_LOCAL_START: '固定电话号码（区号后的部分）不能以0或1开头，请核对',

  // 文字 (free text: names, notes, reasons, titles)
  TEXT_REQUIRED: '请填写{{label}}',
  TEXT_TOO_SHORT: '{{label}}至少 {{min}} 个字',
  /** A field that says in its own words what to fill in (`requiredMessage`). */
  TEXT_REQUIRED_WORDED: '{{message}}',
  TEXT_TOO_LONG: '{{label}}不能超过 {{max}} 个字',
  TEXT_NOT_TEXT: '{{label}}应为文字',

  // 日期 (shared/dates)
  DATE_REQUIRED: '请填写{{label}}',
  DATE_FORMAT: '{{label}}格式应为 年-月-日，如 2026-03-05',
  DATE_INVALID: '{{label}}“{{input}}”不是有效日期',
  DATE_TOO_EARLY: '{{label}}不能早于 1950 年（1900-01-01 是系统占位值，请填写真实日期）',
  DATE_FUTURE: '{{label}}不能晚于今天（{{today}}）',

  // 车辆档案的其他字段 (shared/vehicle)
  ORGANISATION_NAME_REQUIRED: '请填写单位名称',
  ORGANISATION_NAME_PLACEHOLDER: '请填写营业执照上的单位全称，不能用“某公司”等代称',
  ORGANISATION_NAME_TOO_SHORT: '单位名称过短，请填写营业执照上的全称',
  ORGANISATION_NAME_TOO_LONG: '单位名称不能超过 60 个字',
  ARCHIVE_NO_REQUIRED: '请填写档案编号',
  ARCHIVE_NO_CHARS: '档案编号只能包含大写字母、数字和 - _ /，最长 40 位',
  POSTCODE_FORMAT: '邮政编码应为 6 位数字，如 130000',
  PRODUCT_CODE_FORMAT: '产品代码只能包含字母、数字和 -，最长 20 位',
  LOCATION_PART_TOO_LONG: '{{label}}编号不能超过 12 个字符',
  VEHICLE_ORIGIN_REQUIRED: '请选择车辆来源',
  OWNER_KIND_REQUIRED: '请选择车主类型',
  CONTACT_PHONE_NEEDED: '填写了联系人，请同时填写联系人电话',
  CONTACT_NAME_NEEDED: '填写了联系人电话，请同时填写联系人姓名',
  PROVINCE_FIRST: '请先选择省份',
  CITY_FIRST: '请先选择城市',
  FIELD_REQUIRED_BY_POLICY: '请填写{{label}}（{{clause}} 要求必须维护）',

  // 操作员账号
  USERNAME_FORMAT: '用户名须以字母开头，3–32 位小写字母、数字或 . _ -，如 zhangli',
  ROLE_REQUIRED: '请选择角色',
  DEPARTMENT_REQUIRED: '请选择部门',

  // 密码 (shared/operators, 《密码与权限管理制度》)
  PASSWORD_TOO_SHORT: '密码至少 {{minLength}} 位',
  PASSWORD_LETTERS_AND_DIGITS: '密码须同时包含字母和数字',
  PASSWORD_SPACES: '密码不能包含空格',
  PASSWORD_SEQUENCE: '密码不能包含连续或重复的字符，如 1234、abcd、1111、qwer',
  PASSWORD_HAS_USERNAME: '密码不能包含用户名',
  PASSWORD_HAS_NAME: '密码不能包含本人姓名',
  PASSWORD_HAS_BIRTHDAY: '密码不能包含本人生日'
} as const satisfies Readonly<Record<string, string>>

export type ValidationCode = keyof typeof VALIDATION_MESSAGES

/** Every code, for the check that each has a text in every language. */
export const VALIDATION_CODES = Object.keys(VALIDATION_MESSAGES) as ValidationCode[]

/** The Chinese sentence for `code` with its parameters filled in. */
export function validationSentence(code: ValidationCode, params: Readonly<Record<string, string>> = {}): string {
  return VALIDATION_MESSAGES[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '')
}
