import { useCallback, useEffect, useRef, useState } from 'react'
import type { DependencyList } from 'react'
import { errorMessage } from '../components/error-message'

// The load/act/status pattern screens share: read something when the screen opens (and again after an
// action), act on it, say what happened. Only the latest answer counts: one that arrives after a newer
// request, or after the screen closed, is dropped.

export type QueryState<T> =
  | { readonly status: 'loading'; readonly data: T | undefined; readonly error: null }
  | { readonly status: 'ready'; readonly data: T; readonly error: null }
  | { readonly status: 'error'; readonly data: T | undefined; readonly error: string }

export type Query<T> = QueryState<T> & {
  /** Asks again (after an action); the answer replaces the data when it is still the latest. */
  readonly reload: () => Promise<void>
}

/** Loads with `load` whenever `deps` change; the error is the refusal's sentence. */
export function useQuery<T>(load: () => Promise<T>, deps: DependencyList): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading', data: undefined, error: null })
  const latest = useRef(0)
  const mounted = useRef(true)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller names what the load depends on
  const run = useCallback(load, deps)

  const reload = useCallback(async () => {
    const request = ++latest.current
    const current = () => mounted.current && request === latest.current
    try {
      const data = await run()
      if (current()) setState({ status: 'ready', data, error: null })
    } catch (error) {
      if (current()) setState((before) => ({ status: 'error', data: before.data, error: errorMessage(error) }))
    }
  }, [run])

  useEffect(() => {
    mounted.current = true
    // Asked after the render that needs it, so the state is never set during that render.
    void Promise.resolve().then(reload)
    return () => {
      mounted.current = false
    }
  }, [reload])

  return { ...state, reload }
}

export interface CommandStatus {
  readonly kind: 'ok' | 'error'
  readonly text: string
}

export interface Command {
  /** Runs `work`; says `done` when it succeeded (then calls `after`, e.g. a reload), the refusal when it failed. */
  readonly run: (work: () => Promise<unknown>, done: string, after?: () => Promise<unknown>) => Promise<boolean>
  readonly status: CommandStatus | null
  readonly busy: boolean
  readonly clear: () => void
}

/** An action's status line: busy while it runs, then what happened; a later action replaces an earlier one's word. */
export function useCommand(): Command {
  const [status, setStatus] = useState<CommandStatus | null>(null)
  const [busy, setBusy] = useState(false)
  const latest = useRef(0)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const run = useCallback(async (work: () => Promise<unknown>, done: string, after?: () => Promise<unknown>) => {
    const request = ++latest.current
    const current = () => mounted.current && request === latest.current
    setStatus(null)
    setBusy(true)
    try {
      await work()
      if (current()) setStatus({ kind: 'ok', text: done })
      if (after) await after()
      return true
    } catch (error) {
      if (current()) setStatus({ kind: 'error', text: errorMessage(error) })
      return false
    } finally {
      if (current()) setBusy(false)
    }
  }, [])

  const clear = useCallback(() => setStatus(null), [])
  return { run, status, busy, clear }
}
