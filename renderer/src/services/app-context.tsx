// What every screen is given (repositories, platform, backup target, session): below the screens and the app shell that provides it, so neither imports the other.
import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import type { Repositories } from '../data/repositories'
import type { Session } from '../data/session'
import type { Platform } from '../platform'
import type { BackupTarget } from '../data/backup'
import type { Language } from '@shared/operators/language'

export interface SessionActions {
  lock(): void
  logout(): void
  changePassword(current: string, next: string): Promise<void>
  /** Keeps the operator's language on their account and shows the app in it. */
  setLanguage(language: Language): Promise<void>
}

export interface AppServices {
  /** Bound to the logged-in operator: every call is checked against the permission matrix. */
  repositories: Repositories
  platform: Platform
  /** Where backups go: the backup folder (desktop) or a download (browser). */
  backupTarget: BackupTarget
  session: Session
  actions: SessionActions
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
