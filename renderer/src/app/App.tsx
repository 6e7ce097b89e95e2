import { useEffect, useState } from 'react'
import type { ReactNode } from 'react'
import { HashRouter, Link, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { ADVISOR_ROLES } from '@shared/operators/roles'
import type { Permission } from '@shared/operators/permissions'
import type { AppServices } from '../services/app-context'
import { AppServicesProvider, useServices } from '../services/app-context'
import { usePermissions } from '../hooks/use-permissions'
import { VehicleListScreen } from '../screens/vehicle-list/VehicleListScreen'
import { VehicleFormScreen } from '../screens/vehicle-form/VehicleFormScreen'
import { VehicleDetailScreen } from '../screens/vehicle-detail/VehicleDetailScreen'
import { SettingsScreen } from '../screens/settings/SettingsScreen'
import { AuditScreen } from '../screens/audit/AuditScreen'
import { OperatorsScreen } from '../screens/operators/OperatorsScreen'
import { AccountScreen } from '../screens/account/AccountScreen'
import { SystemScreen } from '../screens/system/SystemScreen'
import { ReportsScreen } from '../screens/monthly-report/ReportsScreen'
import { WorkScreen } from '../screens/work/WorkScreen'
import { HandoverScreen, NewHandoverScreen } from '../screens/handover/HandoverScreen'
import { InspectionScreen } from '../screens/inspection/InspectionScreen'
import { KeepingScreen } from '../screens/keeping/KeepingScreen'
import { MineScreen } from '../screens/mine/MineScreen'
import { LoansScreen } from '../screens/loans/LoansScreen'
import { ScannerField } from './ScannerField'
import { ImportScreen } from '../screens/import/ImportScreen'
import { ReconciliationScreen } from '../screens/reconciliation/ReconciliationScreen'
import { FinesScreen } from '../screens/fines/FinesScreen'
import { Refusal } from '../components/Refusal'
import { errorMessage } from '../components/error-message'
import { missingPermission, routeAccess } from './route-access'
import { StorageWarning } from '../components/StorageWarning'

function GlobalShortcuts() {
  const navigate = useNavigate()
  const { actions } = useServices()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const key = event.key.toLowerCase()
      if (key === 'k') {
        event.preventDefault()
        navigate('/', { state: { focusSearch: Date.now() } })
      } else if (key === 'n') {
        event.preventDefault()
        navigate('/files/new')
      } else if (key === 'l') {
        event.preventDefault()
        actions.lock()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate, actions])
  return null
}

/** The integrity check at start: runs quietly for those allowed, and speaks only when it finds something. */
function useStartIntegrityCheck(): number {
  const { repositories } = useServices()
  const [problems, setProblems] = useState(0)
  useEffect(() => {
    let live = true
    void repositories.can('integrity.check').then(async (allowed) => {
      if (!allowed) return
      const report = await repositories.integrity.run()
      if (live) setProblems(report.problems.length)
    })
    return () => {
      live = false
    }
  }, [repositories])
  return problems
}

/** A screen the operator may not use: the data layer's refusal (logged), never the screen's form. */
function RouteRefusal({ permission, summary }: { permission: Permission; summary: string }) {
  const { repositories, session } = useServices()
  const [message, setMessage] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    repositories.require(permission, summary).catch((e: unknown) => {
      if (live) setMessage(errorMessage(e))
    })
    return () => {
      live = false
    }
  }, [repositories, permission, summary])
  return message ? <Refusal message={message} names={[session.operator.name]} /> : null
}

/** Opens the route's screen only for an operator the route table allows; others see the refusal. */
function Guarded({
  path,
  allowed,
  children
}: {
  path: string
  allowed: ReadonlySet<Permission> | null
  children: ReactNode
}) {
  if (!allowed) return null
  const route = routeAccess(path)
  const missing = missingPermission(route, allowed)
  return missing ? <RouteRefusal permission={missing} summary={route.summary} /> : <>{children}</>
}

function Shell() {
  const { t } = useTranslation()
  const { platform, storagePersisted, session, actions } = useServices()
  const integrityProblems = useStartIntegrityCheck()
  const location = useLocation()
  const allowed = usePermissions(location.pathname)
  const can = (p: Permission) => allowed?.has(p) ?? false
  const screen = (path: string, element: ReactNode) => (
    <Route
      path={path}
      element={
        <Guarded path={path} allowed={allowed}>
          {element}
        </Guarded>
      }
    />
  )
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <div className="brand-mark" aria-hidden lang="zh-CN">
            档
          </div>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        {can('vehicleFile.read') ? <ScannerField /> : null}
        <nav className="nav">
          {ADVISOR_ROLES.includes(session.operator.role) && can('vehicleFile.read') ? (
            <NavLink to="/mine" className="nav-link">
              {t('nav.mine')}
            </NavLink>
          ) : null}
          {can('handover.receive') || can('archive.inspect') ? (
            <NavLink to="/work" className="nav-link">
              {t('nav.work')}
            </NavLink>
          ) : null}
          {can('vehicleFile.read') ? (
            <NavLink to="/" end className="nav-link">
              {t('nav.files')}
            </NavLink>
          ) : null}
          {can('handover.receive') ? (
            <NavLink to="/handovers" end className="nav-link">
              {t('nav.handovers')}
            </NavLink>
          ) : null}
          {can('loan.manage') ? (
            <NavLink to="/loans" className="nav-link">
              {t('nav.loans')}
            </NavLink>
          ) : null}
          {can('vehicleFile.create') ? (
            <NavLink to="/files/new" className="nav-link">
              {t('nav.newFile')}
            </NavLink>
          ) : null}
          {can('retention.manage') || can('destruction.propose') || can('destruction.approve') ? (
            <NavLink to="/keeping" className="nav-link">
              {t('nav.keeping')}
            </NavLink>
          ) : null}
          {can('reconciliation.manage') || can('vehicleFile.create') ? (
            <NavLink to="/import" className="nav-link">
              {t('nav.import')}
            </NavLink>
          ) : null}
          {can('reconciliation.manage') ? (
            <NavLink to="/reconciliation" className="nav-link">
              {t('nav.reconciliation')}
            </NavLink>
          ) : null}
          {can('fines.read') ? (
            <NavLink to="/fines" className="nav-link">
              {t('nav.fines')}
            </NavLink>
          ) : null}
          {can('audit.read') ? (
            <NavLink to="/audit" className="nav-link">
              {t('nav.audit')}
            </NavLink>
          ) : null}
          {can('operators.manage') ? (
            <NavLink to="/operators" className="nav-link">
              {t('nav.operators')}
            </NavLink>
          ) : null}
          {can('integrity.check') || can('backup.export') ? (
            <NavLink to="/system" className="nav-link">
              {t('nav.system')}
            </NavLink>
          ) : null}
          {can('reports.read') ? (
            <NavLink to="/reports" className="nav-link">
              {t('nav.reports')}
            </NavLink>
          ) : null}
          {can('settings.manage') ? (
            <NavLink to="/settings" className="nav-link">
              {t('nav.settings')}
            </NavLink>
          ) : null}
        </nav>
        <div className="sidebar-foot">
          <div className="operator" data-testid="operator">
            <Link to="/account" className="operator-name" lang="zh-CN">
              {session.operator.name}
            </Link>
            <div className="operator-role">{t(`labels.role.${session.operator.role}`)}</div>
          </div>
          <div className="operator-actions">
            <button type="button" className="link-button" onClick={actions.lock}>
              {t('auth.lock')}
            </button>
            <button type="button" className="link-button" onClick={actions.logout}>
              {t('auth.switchOperator')}
            </button>
          </div>
          <div>{t('nav.shortcutsHint')}</div>
          <div className="mode-badge">{platform.kind === 'desktop' ? t('app.desktopMode') : t('app.browserMode')}</div>
        </div>
      </aside>
      <main className="content">
        {integrityProblems > 0 ? (
          <div className="banner error" role="alert">
            {t('system.startProblems', { count: integrityProblems })} <Link to="/system">{t('system.title')}</Link>
          </div>
        ) : null}
        {!storagePersisted && platform.kind === 'browser' ? <StorageWarning /> : null}
        <Routes>
          {screen('/', <VehicleListScreen />)}
          {screen('/mine', <MineScreen />)}
          {screen('/files/new', <VehicleFormScreen />)}
          {screen('/files/:id', <VehicleDetailScreen />)}
          {screen('/files/:id/edit', <VehicleFormScreen />)}
          {screen('/settings', <SettingsScreen />)}
          {screen('/audit', <AuditScreen />)}
          {screen('/operators', <OperatorsScreen />)}
          {screen('/account', <AccountScreen />)}
          {screen('/system', <SystemScreen />)}
          {screen('/work', <WorkScreen />)}
          {screen('/handovers', <NewHandoverScreen />)}
          {screen('/handovers/:id', <HandoverScreen />)}
          {screen('/archives/:id', <InspectionScreen />)}
          {screen('/loans', <LoansScreen />)}
          {screen('/keeping', <KeepingScreen />)}
          {screen('/reports', <ReportsScreen />)}
          {screen('/import', <ImportScreen />)}
          {screen('/reconciliation', <ReconciliationScreen />)}
          {screen('/fines', <FinesScreen />)}
        </Routes>
      </main>
    </div>
  )
}

export function App({ services }: { services: AppServices }) {
  return (
    <AppServicesProvider services={services}>
      <HashRouter>
        <GlobalShortcuts />
        <Shell />
      </HashRouter>
    </AppServicesProvider>
  )
}
