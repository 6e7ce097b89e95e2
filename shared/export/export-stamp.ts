// Every printout and export says who made it and when (PIPL: traceable handling of personal information).

import { chinaMinute } from '../time'

export function exportStamp(operatorName: string, at: Date): string {
  return `导出人：${operatorName}\u3000导出时间：${chinaMinute(at)}`
}

export function printStamp(operatorName: string, at: Date): string {
  return `打印人：${operatorName}\u3000打印时间：${chinaMinute(at)}`
}
