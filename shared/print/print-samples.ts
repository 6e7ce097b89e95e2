// Realistic sample sheets: for the print tests, and for a "打印样张" preview should a screen want one.

import type { HandoverSheet, HandoverSheetLine } from '../handover/handover'
import type { CorrectionNotice } from '../inspection/correction-notice'

export function sampleHandoverSheet(extraLines = 0): HandoverSheet {
  const lines: HandoverSheetLine[] = [
    {
      archiveNo: 'FW-2026-003150',
      vin: 'LFV2A21K4S1234567',
      plate: '吉A7Q2M8',
      ownerName: '张伟',
      kind: 'service',
      visitTypeLabel: '保养',
      repairOrderNo: 'RO202611220031',
      advisorName: '李强',
      anchorDate: '2026-11-21',
      documentsPresent: ['接车单', '任务委托书', '结算单', '12项免费检查表'],
      documentsMissing: [],
      missingNote: null
    },
    {
      archiveNo: 'FW-2026-003152',
      vin: 'LFV3B28R7M3025816',
      plate: '吉A12345',
      ownerName: '欧阳晓雯',
      kind: 'service',
      visitTypeLabel: '首保',
      repairOrderNo: 'RO202611220037',
      advisorName: '李强',
      anchorDate: '2026-11-21',
      documentsPresent: ['任务委托书', '结算单', '保养表'],
      documentsMissing: ['首保凭证', '交车检查表'],
      missingNote: '首保凭证客户未带，约定11月25日补交'
    },
    {
      archiveNo: 'FW-2026-003153',
      vin: 'LSVAU2180N2183461',
      plate: '吉AD52817',
      ownerName: '长春市宏达物流有限公司',
      kind: 'service',
      visitTypeLabel: '索赔',
      repairOrderNo: 'RO202611220041',
      advisorName: '赵敏',
      anchorDate: '2026-11-20',
      documentsPresent: ['任务委托书', '结算单', '索赔鉴定单'],
      documentsMissing: [],
      missingNote: '旧件已返厂，索赔单号 SP2611-0192'
    }
  ]
  for (let i = 0; i < extraLines; i++) {
    const n = String(3200 + i).padStart(6, '0')
    lines.push({
      archiveNo: `FW-2026-${n}`,
      vin: `LFV2A21K${String(i % 10)}S${String(1234600 + i)}`,
      plate: `吉A${String(20000 + i)}`,
      ownerName: ['刘洋', '陈静', '杨帆', '黄海涛', '周小红'][i % 5] ?? '刘洋',
      kind: 'service',
      visitTypeLabel: '保养',
      repairOrderNo: `RO2026112201${String(i).padStart(2, '0')}`,
      advisorName: '李强',
      anchorDate: '2026-11-21',
      documentsPresent: ['任务委托书', '结算单', '保养表'],
      documentsMissing: i % 4 === 0 ? ['保养表'] : [],
      missingNote: null
    })
  }
  return {
    dealershipName: '长春一汽大众汽车销售服务有限公司',
    number: 'JJ20261122-001',
    department: 'service',
    departmentLabel: '服务部',
    handedByName: '孙丽娟',
    receivedByName: '刘敏',
    handedAt: '2026-11-22T06:05:00.000Z',
    lines,
    printedBy: '刘敏',
    printedAt: '2026-11-22T06:30:00.000Z',
    auditHead: { deviceSeq: 418, hash: '7c1e0f9a42d35b8e61c0d2a7f4b9e3c85a1d6f02b7e4c9a3d8f15b60e2a7c4d9' }
  }
}

/** A sales advisor's weekly batch: no repair orders, the delivery dates the hand-in deadline counts from. */
export function sampleSalesHandoverSheet(): HandoverSheet {
  const documents = [
    '客户交车表',
    '购车发票',
    '交车检查PDI盖章证明复印件',
    '身份证/组织机构代码证',
    '合格证复印件',
    '购车协议书',
    'PDI保养表'
  ]
  return {
    dealershipName: '长春一汽大众汽车销售服务有限公司',
    number: 'JJ20261123-002',
    department: 'sales',
    departmentLabel: '销售部',
    handedByName: '王丽',
    receivedByName: '刘敏',
    handedAt: '2026-11-23T01:40:00.000Z',
    lines: [
      {
        archiveNo: 'XS2026-00871',
        vin: 'LFV2A21K4S1234567',
        plate: null,
        ownerName: '张伟',
        kind: 'sales',
        visitTypeLabel: null,
        repairOrderNo: null,
        advisorName: '王丽',
        anchorDate: '2026-11-18',
        documentsPresent: documents,
        documentsMissing: [],
        missingNote: null
      },
      {
        archiveNo: 'XS2026-00872',
        vin: 'LSVAU2180N2183461',
        plate: '吉AD52817',
        ownerName: '长春市宏达物流有限公司',
        kind: 'sales',
        visitTypeLabel: null,
        repairOrderNo: null,
        advisorName: '王丽',
        anchorDate: '2026-11-20',
        documentsPresent: documents.filter((d) => d !== '合格证复印件'),
        documentsMissing: ['合格证复印件'],
        missingNote: '合格证原件在银行，复印件后补'
      }
    ],
    printedBy: '刘敏',
    printedAt: '2026-11-23T01:45:00.000Z',
    auditHead: { deviceSeq: 419, hash: '3a9c5e7b1d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a4c' }
  }
}

export function sampleCorrectionNotice(): CorrectionNotice {
  return {
    dealershipName: '长春一汽大众汽车销售服务有限公司',
    number: 'BHG2026-0003',
    archiveNo: 'FW-2026-003152',
    vin: 'LFV3B28R7M3025816',
    plate: '吉A12345',
    ownerName: '欧阳晓雯',
    archiveLabel: '服务档案·首保',
    responsibleName: '李强',
    departmentLabel: '服务部',
    round: 2,
    inspectedBy: '刘敏',
    inspectedAt: '2026-11-22T06:05:00.000Z',
    dueAt: '2026-11-23T06:05:00.000Z',
    dueRule: '发现不合格后1个工作日内整改完毕',
    items: [
      {
        document: '任务委托书',
        check: '车牌号码填写完整，不允许出现“吉A”',
        explanation: '车牌号只写了“吉A”，缺后五位'
      },
      { document: '任务委托书', check: '客户签名处有用户签字', explanation: '客户签名处空白，无用户签字' },
      { document: '结算单', check: '结算单加盖财务章（无消费发生除外）', explanation: '未加盖财务章' },
      {
        document: '保养表',
        check: '所有项目单位填写完整，如2.5Bar、6.5MM',
        explanation: '胎压一栏只写数字 2.3，未写单位 Bar'
      }
    ],
    confirmerRole: '服务经理',
    policyLabel: '一汽-大众经销商客户档案管理标准（第 3 版）',
    printedBy: '刘敏',
    printedAt: '2026-11-22T06:30:00.000Z',
    auditHead: { deviceSeq: 421, hash: 'e4b7a1c9d03f5e8b2a6c1d9f7e3b5a0c8d2f6e1b4a9c7d3e5f0b8a2c6d1e9f47' }
  }
}
