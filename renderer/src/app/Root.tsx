import { useCallback, useEffect, useMemo, useState } from 'react'
import { DEFAULT_PASSWORD_POLICY } from '@shared/operators/password-policy'
import { DEFAULT_LANGUAGE } from '@shared/operators/language'
import { PERMISSIONS } from '@shared/operators/permissions'
import type { ChedangDatabase } from '../data/dexie/database'
import type { DexieAuth, LockReason, LoginResult } from '../data/dexie/dexie-auth'
import { createDexieRepositories } from '../data/dexie/open-dexie-repositories'
import type { Session } from '../data/session'
import type { Platform } from '../platform'
import { useIdle } from '../hooks/use-idle'
import { App } from './App'
import type { AppServices } from '../services/app-context'
import { homeRoute } from './route-access'
import { watchSession } from './watch-session'
import type { SessionRefusal } from './watch-session'
import { SetupScreen } from '../screens/auth/SetupScreen'
import { LoginScreen } from '../screens/auth/LoginScreen'
import { LockScreen } from '../screens/auth/LockScreen'
import { LostDataScreen } from '../screens/auth/LostDataScreen'
import { ChangePasswordScreen } from '../screens/auth/ChangePasswordScreen'
import type { BackupAuthKeyStore, BackupTarget, LostDataCheck } from '../data/backup'
import { stopWritingOnVersionChange } from '../data/dexie/storage-guards'
import { errorMessage } from '../components/error-message'
import { useTranslation } from 'react-i18next'
import { useDailyBackup } from './use-daily-backup'
import type { DemoAccountRow } from '../demo/DemoBanner'

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
  /** Demo mode: the demo operators shown on the login screen. */
  demoAccounts?: readonly DemoAccountRow[]
  /** Outside demo mode: 载入示例数据 on the first-start and login screens. */
  onLoadDemo?: () => void
}

type Phase = 'loading' | 'lost' | 'setup' | 'login' | 'changePassword' | 'ready'

/** Sends the router to the operator's own home screen: every login starts there, never on the last operator's screen. */
async function goHome(db: ChedangDatabase, session: Session): Promise<void> {
  const repositories = createDexieRepositories(db, session)
  const allowed = new Set(
    (await Promise.all(PERMISSIONS.map(async (p) => ((await repositories.can(p)) ? [p] : [])))).flat()
  )
  window.location.hash = `#${homeRoute(session.operator.role, allowed)}`
}

/**
 * First start, login, the forced password change, the lock and switching operator. The app itself only
 * exists inside a session that stands: while locked it is not rendered at all, so nothing behind the
 * lock can be focused, read or reached by a shortcut, and values revealed before are forgotten.
 */
export function Root({
  db,
  auth,
  platform,
  backupTarget,
  lostData,
  storagePersisted,
  version,
  idleLockMinutes = DEFAULT_PASSWORD_POLICY.idleLockMinutes,
  backupAuthKeys,
  demoAccounts,
  onLoadDemo
}: RootProps) {
  const { t, i18n } = useTranslation()
  const [phase, setPhase] = useState<Phase>(lostData?.lost ? 'lost' : 'loading')
  const [closedByUpgrade, setClosedByUpgrade] = useState(false)
  useEffect(() => stopWritingOnVersionChange(db, () => setClosedByUpgrade(true)), [db])
  const [login, setLogin] = useState<LoginResult | null>(null)
  const [locked, setLocked] = useState<LockReason | null>(null)
  // The operator's own language while a session stands; the app's default before and after it.
  const language = login?.session.operator.language ?? DEFAULT_LANGUAGE
  useEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language)
  }, [i18n, language])
  /** Why the last session ended, shown on the login screen. */
  const [notice, setNotice] = useState<string | null>(null)

  const decide = useCallback(() => {
    void auth.needsSetup().then((needed) => setPhase(needed ? 'setup' : 'login'))
  }, [auth])
  useEffect(() => {
    if (!lostData?.lost) decide()
  }, [decide, lostData])
  useDailyBackup(login, db, backupTarget, backupAuthKeys)

  const enter = useCallback(
    async (result: LoginResult) => {
      setNotice(null)
      setLocked(null)
      setLogin(result)
      if (result.passwordExpired) {
        setPhase('changePassword')
        return
      }
      await goHome(db, result.session).catch(() => undefined)
      setPhase('ready')
    },
    [db]
  )

  const lockWith = useCallback(
    (reason: LockReason) => {
      if (!login || locked) return
      setLocked(reason)
      void auth.lock(login.session, reason)
    },
    [auth, login, locked]
  )
  const lock = useCallback(() => lockWith('manual'), [lockWith])
  const lockIdle = useCallback(() => lockWith('idle'), [lockWith])
  useIdle(idleLockMinutes, lockIdle, phase === 'ready' && !locked)

  const endSession = useCallback(
    (message: string | null) => {
      if (login) void auth.logout(login.session, message ?? undefined)
      setLogin(null)
      setLocked(null)
      setNotice(message)
      setPhase('login')
    },
    [auth, login]
  )
  const logout = useCallback(() => endSession(null), [endSession])

  const onSessionRefusal = useCallback(
    (error: SessionRefusal) => {
      if (error.code === 'PASSWORD_CHANGE_REQUIRED') setPhase('changePassword')
      else endSession(errorMessage(error))
    },
    [endSession]
  )

  const services = useMemo<AppServices | null>(() => {
    if (!login) return null
    return {
      repositories: watchSession(
        createDexieRepositories(db, login.session, backupAuthKeys ? { backupAuthKeys } : {}),
        onSessionRefusal
      ),
      platform,
      backupTarget,
      session: login.session,
      storagePersisted,
      version,
      actions: {
        lock,
        logout,
        changePassword: async (current, next) => {
          await auth.changePassword(login.session, current, next)
          setLogin({ ...login, passwordExpired: false })
        },
        setLanguage: async (language) => {
          await auth.setLanguage(login.session, language)
          const operator = { ...login.session.operator, language }
          setLogin({ ...login, session: { ...login.session, operator } })
        }
      }
    }
  }, [
    auth,
    db,
    login,
    platform,
    backupTarget,
    storagePersisted,
    version,
    lock,
    logout,
    onSessionRefusal,
    backupAuthKeys
  ])

  if (closedByUpgrade) {
    return (
      <div className="fatal" role="alert" data-testid="version-changed">
        <p>{t('backup.versionChanged')}</p>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          {t('backup.reload')}
        </button>
      </div>
    )
  }
  if (phase === 'loading') return null
  if (phase === 'lost' && lostData)
    return (
      <LostDataScreen
        db={db}
        target={backupTarget}
        check={lostData}
        deviceId={auth.deviceIdentity}
        version={version}
        onRestored={decide}
        onIgnore={decide}
        {...(backupAuthKeys ? { authKeys: backupAuthKeys } : {})}
      />
    )
  if (phase === 'setup')
    return (
      <SetupScreen
        auth={auth}
        onDone={(session) => void enter({ session, passwordExpired: false })}
        {...(onLoadDemo ? { onLoadDemo } : {})}
      />
    )
  if (phase === 'login' || !services || !login)
    return (
      <LoginScreen
        auth={auth}
        notice={notice}
        onLogin={(result) => void enter(result)}
        {...(demoAccounts ? { demoAccounts } : {})}
        {...(onLoadDemo ? { onLoadDemo } : {})}
      />
    )
  if (phase === 'changePassword') {
    return (
      <ChangePasswordScreen
        auth={auth}
        session={login.session}
        onChanged={() => void enter({ ...login, passwordExpired: false })}
        onEnded={endSession}
        onSwitch={logout}
      />
    )
  }
  if (locked) {
    return (
      <LockScreen
        auth={auth}
        session={login.session}
        reason={locked}
        idleMinutes={idleLockMinutes}
        onUnlock={() => setLocked(null)}
        onEnded={endSession}
        onSwitch={logout}
      />
    )
  }
  return <App services={services} />
}
