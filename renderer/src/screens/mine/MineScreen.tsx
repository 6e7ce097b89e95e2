import { Trans, useTranslation } from 'react-i18next'
import type { ArchiveStatus } from '@shared/archive'
import { IN_CORRECTION_STATUSES, INSPECTABLE_STATUSES } from '@shared/archive'
import { useServices } from '../../services/app-context'
import { Refusal } from '../../components/Refusal'
import type { ArchiveView } from '../../data/repositories'
import { useQuery } from '../../hooks/use-query'
import { ArchiveTable } from '../../components/ArchiveTable'
import { MyViolations } from '../fines/MyViolations'

const PENDING: readonly ArchiveStatus[] = ['expected']
const RETURNED = IN_CORRECTION_STATUSES
const IN_PROGRESS = INSPECTABLE_STATUSES

/** 我的: an advisor's own archives — what is still to hand in, what came back for correction and by when. */
export function MineScreen() {
  const { t } = useTranslation()
  const { repositories, session } = useServices()
  const mine = useQuery(() => repositories.archives.mine(), [repositories])
  const archives = mine.data
  if (mine.status === 'error') return <Refusal message={mine.error} />

  const table = (
    title: string,
    statuses: readonly ArchiveStatus[],
    due: (v: ArchiveView) => string | null,
    testId: string,
    hint?: string
  ) => (
    <ArchiveTable
      title={title}
      list={(archives ?? []).filter((v) => statuses.includes(v.archive.status))}
      due={due}
      testId={testId}
      linkTo={(v) => `/files/${v.file.id}`}
      hint={hint}
    />
  )
  return (
    <section className="screen" data-testid="mine-screen">
      <header className="screen-head">
        <h1>{t('mine.title')}</h1>
      </header>
      <p className="muted">
        <Trans
          i18nKey="mine.intro"
          values={{ name: session.operator.name, role: t(`labels.role.${session.operator.role}`) }}
          components={[<span key="name" lang="zh-CN" />]}
        />
      </p>
      {archives === null ? null : (
        <>
          {table(t('mine.pending'), PENDING, (v) => v.archive.handInDueAt, 'mine-pending')}
          {table(
            t('mine.returned'),
            RETURNED,
            (v) => v.archive.correctionDueAt,
            'mine-returned',
            t('mine.returnedHint')
          )}
          {table(t('mine.inProgress'), IN_PROGRESS, () => null, 'mine-in-progress')}
          <MyViolations />
        </>
      )}
    </section>
  )
}
