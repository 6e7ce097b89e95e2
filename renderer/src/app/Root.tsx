import { useCallback, useEffect, useMemo, useState } from 'react'
import { DEFAULT_PASSWORD_POLICY } from '@shared/operators/password-policy'
import type { ChedangDatabase } from '../data/dexie/database'
import type { DexieAuth, LoginResult } from '../data/dexie/dexie-auth'
import { createDexieRepositories } from '../data/dexie/open-dexie-repositories'
import type { Platform } from '../platform'
import { useIdle } from '../hooks/use-idle'
import { App } from './App'
import type { AppServices } from './app-context'
import { SetupScreen } from '../screens/auth/SetupScreen'
import { LoginScreen } from '../screens/auth/LoginScreen'
import { LockScreen } from '../screens/auth/LockScreen'
import { LostDataScreen } from '../screens/auth/LostDataScreen'
import type { BackupAuthKeyStore, BackupTarget, LostDataCheck } from '../data/backup'
import { stopWritingOnVersionChange } from '../data/dexie/storage-guards'
import { useTranslation } from 'react-i18next'
import { useDailyBackup } from './use-daily-backup'

interface RootProps {
  db: ChedangDatabase
  auth: DexieAuth
  platform: Platform
  backupTarget: BackupTarget
  /** The start-up comparison with the last backup: an empty archive where the backup was not. */
  lostData?: LostDataCheck
  storagePersisted: boolean
  version: string
  idleLockMinutes?: number
  /** Where this PC keeps the backup authentication key (desktop: the OS); default the database. */
  backupAuthKeys?: BackupAuthKeyStore
}

/** First start, login, the idle lock and switching operator: the app itself only exists inside a session. */
export function Root({ db, auth, platform, backupTarget, lostData, storagePersisted, version, idleLockMinutes = DEFAULT_PASSWORD_POLICY.idleLockMinutes, backupAuthKeys }: RootProps) {
  const { t } = useTranslation()
  const [phase, setPhase] = useState<'loading' | 'lost' | 'setup' | 'login' | 'ready'>(lostData?.lost ? 'lost' : 'loading')
  const [closedByUpgrade, setClosedByUpgrade] = useState(false)
  useEffect(() => stopWritingOnVersionChange(db, () => setClosedByUpgrade(true)), [db])
  const [login, setLogin] = useState<LoginResult | null>(null)
  const [locked, setLocked] = useState(false)

  const decide = useCallback(() => {
    void auth.needsSetup().then((needed) => setPhase(needed ? 'setup' : 'login'))
  }, [auth])
  useEffect(() => { if (!lostData?.lost) decide() }, [decide, lostData])
  useDailyBackup(login, db, backupTarget, backupAuthKeys)

  const lock = useCallback(() => {
    if (!login || locked) return
    setLocked(true)
    void auth.lock(login.session)
  }, [auth, login, locked])
  useIdle(idleLockMinutes, lock, phase === 'ready' && !locked)

  const logout = useCallback(() => {
    if (login) void auth.logout(login.session)
    setLogin(null)
    setLocked(false)
    setPhase('login')
  }, [auth, login])

  const services = useMemo<AppServices | null>(() => {
    if (!login) return null
    return {
      repositories: createDexieRepositories(db, login.session, backupAuthKeys ? { backupAuthKeys } : {}),
      platform,
      backupTarget,
      session: login.session,
      storagePersisted,
      version,
      passwordExpired: login.passwordExpired,
      actions: {
        lock,
        logout,
        changePassword: async (current, next) => {
          await auth.changePassword(login.session, current, next)
          setLogin({ ...login, passwordExpired: false })
        }
      }
    }
  }, [auth, db, login, platform, backupTarget, storagePersisted, version, lock, logout, backupAuthKeys])

  if (closedByUpgrade) {
    return (
      <div className="fatal" role="alert" data-testid="version-changed">
        <p>{t('backup.versionChanged')}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>{t('backup.reload')}</button>
      </div>
    )
  }
  if (phase === 'loading') return null
  if (phase === 'lost' && lostData) return <LostDataScreen db={db} target={backupTarget} check={lostData} deviceId={auth.deviceIdentity} version={version} onRestored={decide} onIgnore={decide} {...(backupAuthKeys ? { authKeys: backupAuthKeys } : {})} />
  if (phase === 'setup') return <SetupScreen auth={auth} onDone={(session) => { setLogin({ session, passwordExpired: false }); setPhase('ready') }} />
  if (phase === 'login' || !services || !login) return <LoginScreen auth={auth} onLogin={(result) => { setLogin(result); setPhase('ready') }} />
  return (
    <>
      <App services={services} />
      {locked ? <LockScreen auth={auth} session={login.session} onUnlock={() => setLocked(false)} onSwitch={logout} /> : null}
    </>
  )
}
