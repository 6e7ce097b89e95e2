import { useEffect } from 'react'
import { HashRouter, NavLink, Route, Routes, useNavigate } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import type { AppServices } from './app-context'
import { AppServicesProvider, useServices } from './app-context'
import { VehicleListScreen } from '../screens/vehicle-list/VehicleListScreen'
import { VehicleFormScreen } from '../screens/vehicle-form/VehicleFormScreen'
import { VehicleDetailScreen } from '../screens/vehicle-detail/VehicleDetailScreen'
import { SettingsScreen } from '../screens/settings/SettingsScreen'

function GlobalShortcuts() {
  const navigate = useNavigate()
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
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [navigate])
  return null
}

function Shell() {
  const { t } = useTranslation()
  const { platform, storagePersisted } = useServices()
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="brand">
          <div className="brand-mark" aria-hidden>档</div>
          <div>
            <div className="brand-name">{t('app.name')}</div>
            <div className="brand-tagline">{t('app.tagline')}</div>
          </div>
        </div>
        <nav className="nav">
          <NavLink to="/" end className="nav-link">{t('nav.files')}</NavLink>
          <NavLink to="/files/new" className="nav-link">{t('nav.newFile')}</NavLink>
          <NavLink to="/settings" className="nav-link">{t('nav.settings')}</NavLink>
        </nav>
        <div className="sidebar-foot">
          <div>{t('nav.shortcutsHint')}</div>
          <div className="mode-badge">{platform.kind === 'desktop' ? t('app.desktopMode') : t('app.browserMode')}</div>
        </div>
      </aside>
      <main className="content">
        {!storagePersisted && platform.kind === 'browser' ? <div className="banner warn" role="status">{t('app.storageNotPersisted')}</div> : null}
        <Routes>
          <Route path="/" element={<VehicleListScreen />} />
          <Route path="/files/new" element={<VehicleFormScreen />} />
          <Route path="/files/:id" element={<VehicleDetailScreen />} />
          <Route path="/files/:id/edit" element={<VehicleFormScreen />} />
          <Route path="/settings" element={<SettingsScreen />} />
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
