import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useServices } from '../../services/app-context'
import { useQuery } from '../../hooks/use-query'
import { errorMessage } from '../../components/error-message'
import { printEnvelopeCover } from '../../print/print-actions'

/** Who has the file and since when, while it is on loan (nothing while it is in the room). */
export function FileLoanStatus({ fileId }: { fileId: string }) {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const loan = useQuery(() => repositories.loans.onLoan(fileId), [repositories, fileId])
  if (!loan.data) return null
  const { number, outOn, dueOn, borrowerName } = loan.data
  return (
    <div className="banner warn" role="status" data-testid="file-on-loan">
      {t('loans.onLoan', { number, outOn, dueOn })} <span lang="zh-CN">{borrowerName}</span>
    </div>
  )
}

/** Prints the envelope cover (档案袋封面) with the file's barcode. */
export function PrintCoverButton({ fileId }: { fileId: string }) {
  const { t } = useTranslation()
  const { repositories, platform } = useServices()
  const [error, setError] = useState<string | null>(null)
  return (
    <>
      <button
        type="button"
        data-testid="print-cover"
        onClick={() => {
          setError(null)
          printEnvelopeCover(repositories, platform, fileId).catch((e: unknown) => setError(errorMessage(e)))
        }}
      >
        {t('loans.printCover')}
      </button>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  )
}
