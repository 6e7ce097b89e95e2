import { useTranslation } from 'react-i18next'
import { leaveDemo } from './demo-mode'

/** Always on top in demo mode, on every screen: this is sample data, not the real archive. */
export function DemoBanner() {
  const { t } = useTranslation()
  return (
    <div className="demo-banner" role="status" data-testid="demo-banner">
      <strong className="demo-badge">{t('demo.badge')}</strong>
      <span>{t('demo.bannerText')}</span>
      <button type="button" onClick={() => leaveDemo()}>
        {t('demo.leave')}
      </button>
    </div>
  )
}

/** Shown while the sample dealership is being made (a few seconds, once). */
export function DemoBuilding({ step }: { step: string }) {
  const { t } = useTranslation()
  return (
    <div className="auth-page">
      <div className="auth-card" data-testid="demo-building">
        <h1>{t('demo.buildingTitle')}</h1>
        <p className="muted">{t('demo.buildingHint')}</p>
        <p>{step}</p>
      </div>
    </div>
  )
}

export interface DemoAccountRow {
  /** The role's code, shown by its label. */
  role: string
  name: string
  username: string
  password: string
}

/** The demo operators and their password, on the demo login screen. */
export function DemoAccounts({
  accounts,
  onPick
}: {
  accounts: readonly DemoAccountRow[]
  onPick?: (username: string, password: string) => void
}) {
  const { t } = useTranslation()
  return (
    <section className="demo-accounts" data-testid="demo-accounts">
      <h2>{t('demo.accountsTitle')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('demo.role')}</th>
            <th>{t('demo.name')}</th>
            <th>{t('auth.username')}</th>
            <th>{t('auth.password')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.username}>
              <td>{t(`labels.role.${a.role}`, { defaultValue: a.role })}</td>
              <td>{a.name}</td>
              <td className="mono">{a.username}</td>
              <td className="mono">{a.password}</td>
              <td>
                {onPick ? (
                  <button type="button" onClick={() => onPick(a.username, a.password)}>
                    {t('demo.use')}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** 载入示例数据: on the first-start and login screens, for a look at the app with a sample dealership. */
export function LoadDemo({ onLoadDemo }: { onLoadDemo: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="load-demo">
      <p className="muted">{t('demo.loadHint')}</p>
      <button type="button" onClick={onLoadDemo} data-testid="load-demo">
        {t('demo.load')}
      </button>
    </div>
  )
}
