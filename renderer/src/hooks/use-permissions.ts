import { useEffect, useState } from 'react'
import type { Permission } from '@shared/operators/permissions'
import { PERMISSIONS } from '@shared/operators/permissions'
import { useRepositories } from '../services/app-context'

/** What the operator may do, for showing only the buttons that work; the data layer checks again. */
export function usePermissions(refreshKey?: unknown): ReadonlySet<Permission> | null {
  const repositories = useRepositories()
  const [allowed, setAllowed] = useState<ReadonlySet<Permission> | null>(null)
  useEffect(() => {
    let live = true
    void Promise.all(PERMISSIONS.map(async (p) => [p, await repositories.can(p)] as const)).then(
      (pairs) => {
        if (live) setAllowed(new Set(pairs.filter(([, ok]) => ok).map(([p]) => p)))
      },
      () => undefined
    ) // a session that no longer stands is ended by the session watcher
    return () => {
      live = false
    }
  }, [repositories, refreshKey])
  return allowed
}
