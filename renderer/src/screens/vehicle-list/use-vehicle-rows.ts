import { useCallback, useMemo, useRef, useState } from 'react'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'
import type { VehicleFiles } from '../../data/repositories'

/** Rows of a long id list, loaded only as they scroll into view and kept once loaded. */
export function useVehicleRows(repo: VehicleFiles, ids: readonly string[], preloaded: readonly VehicleFile[]) {
  const cache = useRef(new Map<string, VehicleFile>())
  const pending = useRef(new Set<string>())
  const [, setVersion] = useState(0)
  const given = useMemo(() => new Map(preloaded.map((file) => [file.id, file])), [preloaded])

  const ensure = useCallback(
    (from: number, to: number) => {
      const missing = ids
        .slice(from, to + 1)
        .filter((id) => !given.has(id) && !cache.current.has(id) && !pending.current.has(id))
      if (missing.length === 0) return
      for (const id of missing) pending.current.add(id)
      void repo.getMany(missing).then((files) => {
        for (const file of files) cache.current.set(file.id, file)
        for (const id of missing) pending.current.delete(id)
        setVersion((v) => v + 1)
      })
    },
    [ids, given, repo]
  )

  const row = useCallback((id: string) => given.get(id) ?? cache.current.get(id), [given])
  return { row, ensure }
}
