import { Link } from 'react-router-dom'
import { useTranslation } from 'react-i18next'

/** What a screen shows when the data layer refused to open it: the reason, and the way back. */
export function Refusal({ message, names = [] }: { message: string; names?: readonly string[] }) {
  const { t } = useTranslation()
  // People's names in the sentence are their data, shown as written in every language.
  const parts = names.length ? message.split(new RegExp(`(${names.map(escapeRegExp).join('|')})`)) : [message]
  return (
    <section className="screen">
      <div className="banner error refusal" role="alert">
        {parts.map((part, i) =>
          names.includes(part) ? (
            <span key={i} lang="zh-CN">
              {part}
            </span>
          ) : (
            part
          )
        )}
      </div>
      <p>
        <Link to="/">{t('detail.back')}</Link>
      </p>
    </section>
  )
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
