import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { initI18n } from '../i18n'
import { StorageWarning } from './StorageWarning'

beforeAll(async () => {
  await initI18n('zh-CN')
})
beforeEach(() => sessionStorage.clear())

describe('the browser-storage warning', () => {
  it('shows in full once per session, then only as a small badge that opens it again', async () => {
    const first = render(<StorageWarning />)
    expect(screen.getByRole('status').textContent).toContain('浏览器未授予持久存储')
    first.unmount()

    render(<StorageWarning />)
    expect(screen.queryByRole('status')).toBeNull()
    const badge = screen.getByRole('button', { name: '⚠ 存储未持久化' })
    await userEvent.setup().click(badge)
    expect(screen.getByRole('status').textContent).toContain('浏览器未授予持久存储')
  })
})
