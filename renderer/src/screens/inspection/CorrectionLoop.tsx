import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ArchiveRecord } from '@shared/archive'
import type { CorrectionDeadline } from '@shared/policy'
import { chinaDateTimeText } from '@shared/time'
import { useServices } from '../../services/app-context'

// FAW-VW 五(二)4(5) 「在收到不合格档案24小时内修改后交于客服部档案管理员…有特殊原因需说明情况，承诺上交时间。
// 由服务经理签字有效。」: the archive manager records the advisor's 签收 of the notice (the deadline counts from
// it where the policy says so) and a late correction's explanation. The commands decide; this only asks.

/** 'YYYY-MM-DD HH:mm' typed in China time → an instant; anything else is passed on for the command to refuse. */
function typedChinaInstant(text: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim())
  return match ? `${match[1]}T${match[2]}:00+08:00` : text.trim()
}

interface Props {
  archive: ArchiveRecord
  deadline: CorrectionDeadline
  /** Runs a command, reports its outcome in the screen's banner and reloads the archive. */
  act: (work: () => Promise<unknown>, done: string) => unknown
}

/** The correction loop of an archive sent back: the receipt of the notice and a late correction's explanation. */
export function CorrectionLoop({ archive, deadline, act }: Props) {
  const { t } = useTranslation()
  const { repositories } = useServices()
  const [receivedBy, setReceivedBy] = useState(archive.advisorName)
  const [receivedAt, setReceivedAt] = useState('')
  const [reason, setReason] = useState('')
  const [promisedAt, setPromisedAt] = useState('')
  const [signedBy, setSignedBy] = useState('')
  const countsFromReceipt = deadline.countsFrom === 'notice_received'
  const signer = deadline.lateExplanationSignedBy ?? '部门经理'

  return (
    <section className="card correction-loop" data-testid="correction-loop">
      <h2>{t('inspection.correction.title')}</h2>
      {archive.noticeReceivedAt ? (
        <p data-testid="notice-receipt">
          {t('inspection.correction.receivedAt', { at: chinaDateTimeText(archive.noticeReceivedAt) })}{' '}
          <span lang="zh-CN">{archive.noticeReceivedBy}</span>
          {archive.correctionDueAt ? (
            <>
              {' · '}
              <strong>
                {countsFromReceipt
                  ? t('inspection.correction.dueFromReceipt', { at: chinaDateTimeText(archive.correctionDueAt) })
                  : t('inspection.correctionDue', { at: chinaDateTimeText(archive.correctionDueAt) })}
              </strong>
            </>
          ) : null}
        </p>
      ) : archive.status === 'returned' ? (
        <>
          <p className="muted">
            {countsFromReceipt ? t('inspection.correction.countsFromReceipt') : t('inspection.correction.receiptHint')}
          </p>
          <div className="inline-form">
            <label className="field">
              <span className="field-label">{t('inspection.correction.receivedBy')}</span>
              <input name="receivedBy" value={receivedBy} onChange={(e) => setReceivedBy(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">{t('inspection.correction.receivedAtLabel')}</span>
              <input
                name="receivedAt"
                className="mono"
                value={receivedAt}
                placeholder={t('inspection.facts.datetimePlaceholder')}
                onChange={(e) => setReceivedAt(e.target.value)}
              />
            </label>
            <button
              type="button"
              className="primary"
              onClick={() =>
                act(
                  () =>
                    repositories.archives.recordNoticeReceipt(archive.id, {
                      receivedAt: typedChinaInstant(receivedAt),
                      receivedBy
                    }),
                  t('inspection.correction.receiptRecorded')
                )
              }
            >
              {t('inspection.correction.recordReceipt')}
            </button>
          </div>
        </>
      ) : null}

      <h3>{t('inspection.correction.lateTitle')}</h3>
      {archive.lateCorrectionPromisedAt ? (
        <p data-testid="late-correction">
          {t('inspection.correction.promised', { at: chinaDateTimeText(archive.lateCorrectionPromisedAt) })}{' '}
          <span lang="zh-CN">
            {archive.lateCorrectionReason}（{archive.lateCorrectionSignedBy}）
          </span>
        </p>
      ) : (
        <p className="muted">
          {t('inspection.correction.lateHint')} <span lang="zh-CN">{signer}</span>
        </p>
      )}
      {archive.correctionDueAt ? (
        <div className="inline-form">
          <label className="field wide">
            <span className="field-label">{t('inspection.correction.reason')}</span>
            <input name="lateReason" value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">{t('inspection.correction.promisedAt')}</span>
            <input
              name="promisedAt"
              className="mono"
              value={promisedAt}
              placeholder={t('inspection.facts.datetimePlaceholder')}
              onChange={(e) => setPromisedAt(e.target.value)}
            />
          </label>
          <label className="field">
            <span className="field-label">
              {t('inspection.correction.signedBy')} <span lang="zh-CN">{signer}</span>
            </span>
            <input name="lateSignedBy" value={signedBy} onChange={(e) => setSignedBy(e.target.value)} />
          </label>
          <button
            type="button"
            onClick={() =>
              act(
                () =>
                  repositories.archives.recordLateCorrection(archive.id, {
                    reason,
                    promisedAt: typedChinaInstant(promisedAt),
                    signedBy
                  }),
                t('inspection.correction.lateRecorded')
              )
            }
          >
            {t('inspection.correction.recordLate')}
          </button>
        </div>
      ) : null}
    </section>
  )
}
