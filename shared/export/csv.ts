// CSV for Excel users in China: UTF-8 with a byte-order mark (Excel otherwise guesses GBK), CRLF lines.

function cell(value: string): string {
  // A leading = + - @ would make Excel run it as a formula (CSV injection).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return '\ufeff' + rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n'
}
