// Every printout and export says who made it and when (PIPL: traceable handling of personal information).

function chinaTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
}

export function exportStamp(operatorName: string, at: Date): string {
  return `导出人：${operatorName}\u3000导出时间：${chinaTime(at)}`
}

export function printStamp(operatorName: string, at: Date): string {
  return `打印人：${operatorName}\u3000打印时间：${chinaTime(at)}`
}
