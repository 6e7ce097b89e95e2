import { beforeAll, describe, expect, it } from 'vitest'
import { useState } from 'react'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { initI18n } from '../i18n'
import { DateInput } from './DateInput'

function Harness() {
  const [value, setValue] = useState('')
  return (
    <>
      <label>
        交车日期
        <DateInput name="d" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <output data-testid="value">{value}</output>
    </>
  )
}

beforeAll(async () => {
  await initI18n('zh-CN')
})

describe('the date input', () => {
  it('is a text field in 年-月-日 form, not the browser date picker that follows the computer locale', () => {
    render(<Harness />)
    const input = screen.getByLabelText('交车日期')
    expect(input.getAttribute('type')).toBe('text')
    expect(input.getAttribute('placeholder')).toBe('年-月-日')
  })

  it('shows typed digits as 2026-11-29, and 2026/3/5 as 2026-03-05 once left', async () => {
    const user = userEvent.setup()
    render(<Harness />)
    const input = screen.getByLabelText('交车日期')
    await user.type(input, '20261129')
    expect(screen.getByTestId('value').textContent).toBe('2026-11-29')
    await user.clear(input)
    await user.type(input, '20261301')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    await user.clear(input)
    await user.type(input, '2026/3/5')
    await user.tab()
    expect(screen.getByTestId('value').textContent).toBe('2026-03-05')
    expect(input.getAttribute('aria-invalid')).toBeNull()
  })
})
