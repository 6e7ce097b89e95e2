import { act, renderHook, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { DomainError } from '@shared/model/domain-error'
import { useCommand, useQuery } from './use-query'

/** A promise the test settles by hand, to make answers arrive out of order. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

describe('useQuery', () => {
  it('is loading, then ready with the answer', async () => {
    const { result } = renderHook(() => useQuery(async () => ['JJ20260309-001'], []))
    expect(result.current.status).toBe('loading')
    await waitFor(() => expect(result.current.status).toBe('ready'))
    expect(result.current.data).toEqual(['JJ20260309-001'])
  })

  it('shows the refusal’s sentence when the load is refused', async () => {
    const { result } = renderHook(() =>
      useQuery(async () => {
        throw new DomainError('PERMISSION_DENIED', '您没有“查看档案”的权限')
      }, [])
    )
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(result.current.error).toBe('您没有“查看档案”的权限')
  })

  it('ignores an answer that arrives after a newer request’s', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    const { result, rerender } = renderHook(({ id }: { id: number }) => useQuery(() => answers[id]!.promise, [id]), {
      initialProps: { id: 0 }
    })
    await act(async () => undefined)
    rerender({ id: 1 })
    await act(async () => undefined)
    await act(async () => answers[1]!.resolve('新的'))
    await waitFor(() => expect(result.current.data).toBe('新的'))
    await act(async () => answers[0]!.resolve('旧的'))
    expect(result.current.data).toBe('新的')
    expect(result.current.status).toBe('ready')
  })

  it('loads again on reload, keeping the data shown while it asks', async () => {
    let calls = 0
    const { result } = renderHook(() => useQuery(async () => ++calls, []))
    await waitFor(() => expect(result.current.data).toBe(1))
    await act(() => result.current.reload())
    expect(result.current.data).toBe(2)
  })

  it('drops an answer that arrives after the screen closed', async () => {
    const answer = deferred<string>()
    const { result, unmount } = renderHook(() => useQuery(() => answer.promise, []))
    await act(async () => undefined)
    unmount()
    await act(async () => answer.resolve('迟到'))
    expect(result.current.data).toBeUndefined()
  })
})

describe('useCommand', () => {
  it('is busy while the action runs, then says it is done and reloads', async () => {
    const work = deferred<void>()
    let reloaded = 0
    const { result } = renderHook(() => useCommand())
    let outcome: Promise<boolean>
    act(() => {
      outcome = result.current.run(
        () => work.promise,
        '交接单已提交',
        async () => {
          reloaded++
        }
      )
    })
    expect(result.current.busy).toBe(true)
    await act(async () => work.resolve())
    expect(await outcome!).toBe(true)
    expect(result.current.status).toEqual({ kind: 'ok', text: '交接单已提交' })
    expect(result.current.busy).toBe(false)
    expect(reloaded).toBe(1)
  })

  it('shows the refusal and does not reload when the action is refused', async () => {
    let reloaded = 0
    const { result } = renderHook(() => useCommand())
    let ok = true
    await act(async () => {
      ok = await result.current.run(
        async () => {
          throw new DomainError('HANDOVER_EMPTY', '交接单 JJ20260309-001 上还没有档案，请先扫描车架号添加')
        },
        '交接单已提交',
        async () => {
          reloaded++
        }
      )
    })
    expect(ok).toBe(false)
    expect(result.current.status).toEqual({
      kind: 'error',
      text: '交接单 JJ20260309-001 上还没有档案，请先扫描车架号添加'
    })
    expect(reloaded).toBe(0)
  })

  it('keeps the word of the latest action when an earlier one finishes after it', async () => {
    const first = deferred<void>()
    const { result } = renderHook(() => useCommand())
    act(() => {
      void result.current.run(() => first.promise, '第一次')
    })
    await act(() => result.current.run(async () => undefined, '第二次'))
    await act(async () => first.resolve())
    expect(result.current.status).toEqual({ kind: 'ok', text: '第二次' })
  })
})
