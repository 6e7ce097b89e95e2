import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

const SHOWN_KEY = 'chedang.storageWarningShown'

function shownThisSession(): boolean {
  try {
    return sessionStorage.getItem(SHOWN_KEY) === '1'
  } catch {
    return false
  }
}

function markShown(): void {
  try {
    sessionStorage.setItem(SHOWN_KEY, '1')
  } catch {
    // Without sessionStorage the warning simply shows in full again next time.
  }
}

/**
 * Browser mode without persistent storage: the full warning once per browser session, then a small badge
 * that opens it again, so a user who has read it is not nagged on every screen.
 */
export function StorageWarning() {
  const { t } = useTranslation()
  const [expanded, setExpanded] = useState(() => !shownThisSession())
  useEffect(markShown, [])
  if (expanded) {
    return (
      <div className="banner warn storage-warning" role="status">
        {t('app.storageNotPersisted')}{' '}
        <button type="button" className="link-button" onClick={() => setExpanded(false)}>
          {t('app.storageWarningDismiss')}
        </button>
      </div>
    )
  }
  return (
    <div className="storage-badge-row">
      <button
        type="button"
        className="storage-badge"
        title={t('app.storageNotPersisted')}
        onClick={() => setExpanded(true)}
      >
        {t('app.storageBadge')}
      </button>
    </div>
  )
}
