import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** The centred card every screen before a session uses: first start, login, lock. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <div className="auth-page">
      <div className="auth-card">
        <div className="auth-brand">
          <div className="brand-mark" aria-hidden>
            档
          </div>
          <div>
            <div className="auth-app">{t('app.name')}</div>
            <div className="muted">{t('app.tagline')}</div>
          </div>
        </div>
        <h1>{title}</h1>
        {subtitle ? <p className="muted">{subtitle}</p> : null}
        {children}
      </div>
    </div>
  )
}
