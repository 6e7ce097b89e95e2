// 简体中文：界面的主语言。每个键在 en-US.ts 中都有对应译文（测试检查）。
export const zhCN = {
  app: {
    name: '车档',
    tagline: '一车一档 · 客户关爱部',
    browserMode: '浏览器模式',
    desktopMode: '桌面版',
    storageNotPersisted: '浏览器未授予持久存储，清理浏览器数据可能丢失档案；请使用桌面版或在浏览器设置中允许本站持久存储。',
    loading: '正在打开档案库…',
    openFailed: '档案库无法打开：{{reason}}'
  },
  nav: {
    files: '车辆档案',
    newFile: '新建档案',
    settings: '设置',
    shortcutsHint: 'Ctrl+K 搜索 · Ctrl+N 新建'
  },
  list: {
    title: '车辆档案',
    searchPlaceholder: '车架号（全号或后 6/7/8 位）、车牌、车主、电话、档案编号',
    searchLabel: '查找档案',
    total: '共 {{count}} 份档案',
    matches: '找到 {{count}} 份',
    truncated: '找到超过 {{count}} 份，请输入更多字符缩小范围',
    noMatch: '没有找到“{{query}}”相关的档案',
    empty: '还没有车辆档案。点“新建档案”或按 Ctrl+N 建立第一份。',
    keyboardHint: '↑↓ 选择 · Enter 打开 · 扫码枪扫车架号自动查找',
    columns: {
      archiveNo: '档案编号',
      vin: '车架号',
      plate: '车牌号',
      owner: '车主',
      phone: '电话',
      vehicle: '车系 / 车型',
      origin: '来源',
      location: '存放位置'
    }
  },
  origin: {
    sold_here: '本店销售',
    serviced_only: '它店售车 · 本店维修'
  },
  ownerKind: {
    individual: '个人',
    organisation: '单位'
  },
  form: {
    newTitle: '新建车辆档案',
    editTitle: '编辑车辆档案 {{archiveNo}}',
    sections: {
      vehicle: '车辆信息',
      owner: '车主信息',
      address: '地址',
      contact: '联系人',
      location: '存放位置',
      notes: '备注'
    },
    fields: {
      vin: '车架号（VIN）',
      archiveNo: '档案编号',
      plate: '车牌号',
      series: '车系',
      model: '车型',
      productCode: '产品代码',
      colour: '颜色',
      registrationDate: '行驶证登记日期',
      origin: '车辆来源',
      ownerKind: '车主类型',
      ownerNameIndividual: '车主姓名',
      ownerNameOrganisation: '单位名称',
      ownerIdIndividual: '身份证号',
      ownerIdOrganisation: '统一社会信用代码',
      ownerPhone: '车主电话',
      ownerPhone2: '备用电话',
      province: '省份',
      city: '城市',
      county: '区县',
      street: '街道门牌（农村地址写到村）',
      postcode: '邮政编码',
      contactName: '联系人姓名',
      contactPhone: '联系人电话',
      cabinet: '柜',
      shelf: '层',
      box: '盒',
      notes: '备注'
    },
    hints: {
      vin: '17 位，不含 I、O、Q；扫码枪扫描后自动跳到下一项',
      archiveNo: '按设置中的编号规则自动生成，可修改',
      plate: '如 吉A12345、粤BD12345；新车未上牌可留空',
      registrationDate: '如 2026-03-05',
      ownerPhone: '手机 11 位，或带区号的固定电话，如 0431-85551234',
      ownerId: '可留空；填写后校验',
      location: '档案柜—层—盒，按从左到右、从上到下存放'
    },
    placeholders: {
      select: '请选择'
    },
    save: '保存档案',
    saving: '正在保存…',
    cancel: '取消',
    saveShortcut: 'Enter 跳到下一项 · Ctrl+S 保存',
    duplicateLink: '打开已有档案 {{archiveNo}}',
    errorSummary: '有 {{count}} 处需要修改，请查看标红的项目',
    saved: '档案 {{archiveNo}} 已保存',
    regionsLoading: '正在加载行政区划…'
  },
  detail: {
    notFound: '找不到该车辆档案。',
    back: '返回列表',
    edit: '编辑',
    vehicle: '车辆',
    owner: '车主',
    contact: '联系人',
    storage: '存放',
    status: '状态',
    statuses: {
      active: '在档',
      sealed: '已封存',
      destroyed: '已销毁'
    },
    created: '建档',
    updated: '最后修改',
    history: '变更记录',
    noHistory: '暂无变更记录',
    archivesTitle: '销售档案与服务档案',
    archivesEmpty: '尚未接收该车的销售档案或服务档案。',
    actions: {
      create: '建档',
      update: '修改',
      'setting.change': '设置'
    },
    changedFields: '修改了：{{fields}}'
  },
  settings: {
    title: '设置',
    dealership: '经销商',
    dealershipName: '经销商名称',
    archiveNoPattern: '档案编号规则',
    archiveNoPatternHint: '可用占位符：{YYYY} 年 {YY} 两位年 {MM} 月 {DD} 日 {ORIGIN} 来源（XS 销售 / WX 维修）{SEQ:5} 流水号（位数 3–8）',
    preview: '下一个编号示例：{{sample}}',
    save: '保存设置',
    saved: '设置已保存',
    about: '关于',
    version: '版本 {{version}}',
    storage: '数据存放：本机浏览器数据库（IndexedDB）'
  },
  errors: {
    unexpected: '操作未完成：{{message}}'
  }
}

export type Messages = typeof zhCN
