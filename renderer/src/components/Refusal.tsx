import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'

/** What a screen shows when the data layer refused to open it: the reason, and the way back. */
export function Refusal({ message }: { message: string }) {
  const { t } = useTranslation()
  return (
    <section className="screen">
      <div className="banner error refusal" role="alert">
        {message}
      </div>
      <p>
        <Link to="/">{t('detail.back')}</Link>
      </p>
    </section>
  )
}
