import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import type { Repositories } from '../data/repositories'
import type { Platform } from '../platform'
import type { Actor } from '@shared/model/sync-meta'

export interface AppServices {
  repositories: Repositories
  platform: Platform
  /** The operator every write is signed by. */
  actor: Actor
  storagePersisted: boolean
  version: string
}

const AppServicesContext = createContext<AppServices | null>(null)

export function AppServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppServicesContext.Provider value={services}>{children}</AppServicesContext.Provider>
}

export function useServices(): AppServices {
  const services = useContext(AppServicesContext)
  if (!services) throw new Error('AppServicesProvider is missing')
  return services
}

export function useRepositories(): Repositories {
  return useServices().repositories
}
