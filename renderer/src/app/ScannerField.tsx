import { useCallback, useEffect, useState } from 'react'
import { useNavigate } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { useServices } from '../services/app-context'
import { errorMessage } from '../components/error-message'

// A USB barcode scanner is a keyboard: it types the code fast and presses Enter. The field in the sidebar
// is where a scan lands on purpose (and where a person may type a code); when no input has the focus,
// a burst of keys faster than anyone types, ending in Enter, is taken as a scan too. Keys typed into an
// input, a select or a text area are never taken, so typing in a form is left alone.

/** Keys closer together than this (ms) belong to one scan; people type slower. */
const SCAN_GAP_MS = 50
const MIN_SCAN_LENGTH = 4

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

export function ScannerField() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { repositories } = useServices()
  const [code, setCode] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const open = useCallback(
    async (typed: string) => {
      setMessage(null)
      const wanted = typed.trim()
      if (!wanted) return
      try {
        const found = await repositories.folders.findByCode(wanted)
        if (found) {
          setCode('')
          navigate(`/files/${found.fileId}`)
        } else setMessage(t('loans.scannerNotFound', { code: wanted }))
      } catch (error) {
        setMessage(errorMessage(error))
      }
    },
    [repositories, navigate, t]
  )

  useEffect(() => {
    let buffer = ''
    let last = 0
    const onKey = (event: KeyboardEvent) => {
      if (isEditable(event.target) || event.ctrlKey || event.metaKey || event.altKey) return
      const now = event.timeStamp
      if (now - last > SCAN_GAP_MS) buffer = ''
      last = now
      if (event.key === 'Enter') {
        if (buffer.length >= MIN_SCAN_LENGTH) {
          event.preventDefault()
          void open(buffer)
        }
        buffer = ''
      } else if (event.key.length === 1) buffer += event.key
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [open])

  return (
    <form
      className="scanner"
      onSubmit={(event) => {
        event.preventDefault()
        void open(code)
      }}
    >
      <label>
        <span className="field-label">{t('loans.scanner')}</span>
        <input
          name="scanner"
          data-testid="scanner"
          value={code}
          placeholder={t('loans.scannerPlaceholder')}
          autoComplete="off"
          onChange={(event) => setCode(event.target.value)}
        />
      </label>
      {message ? (
        <div className="error" role="alert">
          {message}
        </div>
      ) : null}
    </form>
  )
}
