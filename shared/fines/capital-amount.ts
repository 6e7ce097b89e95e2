import nzhCn from 'nzh/cn'

// The total of a 奖罚通知单 in capital Chinese numerals (大写), as finance writes it on vouchers:
// 人民币壹佰万零壹拾元整, 人民币贰拾元伍角. The digits come from nzh; the amount is rounded to the fen first.

/** Yuan rounded to the fen (two decimals), the precision every amount on paper has. */
export function roundToFen(yuan: number): number {
  return Math.round(yuan * 100) / 100
}

/** '人民币壹拾元整' for 10; negative amounts (a correction that refunds) read 人民币负…. */
export function capitalYuan(yuan: number): string {
  if (!Number.isFinite(yuan)) throw new RangeError(`not an amount: ${yuan}`)
  const fen = roundToFen(yuan)
  return nzhCn.toMoney(fen === 0 ? 0 : fen, { outSymbol: true })
}

/** '1,000,010.00' — the figures beside the capital amount. */
export function yuanFigures(yuan: number): string {
  const fen = Math.round(Math.abs(yuan) * 100)
  const whole = String(Math.floor(fen / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const sign = yuan < 0 && fen > 0 ? '-' : ''
  return `${sign}${whole}.${String(fen % 100).padStart(2, '0')}`
}
