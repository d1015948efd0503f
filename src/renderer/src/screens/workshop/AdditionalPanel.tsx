import { useState } from 'react'
import { Button, Card, Space, Tag } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import type { AdditionalWorkT, WorkshopRoT } from '../../stores/workshop-store'
import { AdditionalLines } from './ApprovalQueue'
import { DecideDialog } from './DecideDialog'
import { useCan } from '../../permissions'

const STATE_TAG: Record<AdditionalWorkT['state'], string> = { raised: 'purple', approved: 'green', declined: 'default' }

/** 增项 of one order: what was found, the estimate, and the customer's decision (who, how, when). */
export function AdditionalPanel({ ro }: { ro: WorkshopRoT }) {
  const t = useT()
  const locale = useLocale()
  const canApprove = useCan('workshop.additional.approve')
  const [deciding, setDeciding] = useState<{ work: AdditionalWorkT; decision: 'approved' | 'declined' } | null>(null)
  if (ro.additional.length === 0) return null

  return (
    <Card size="small" title={t('wk.additional.title')} className="ws-additional">
      {ro.additional.map((work) => (
        <div key={work.id} className="ws-additional-item" aria-label={t('wk.additional.item', { number: work.roNumber })}>
          <div className="ws-additional-head">
            <Tag color={STATE_TAG[work.state]}>{t(`additionalState.${work.state}`)}</Tag>
            <span className="pre-wrap">{work.finding}</span>
            <span className="muted">{t('wk.additional.raisedBy', { name: work.raisedBy, at: dateTime(work.raisedAt) })}</span>
            <strong className="num">{t('wk.additional.grossShort', { amount: money(work.grossFen, locale) })}</strong>
          </div>
          <AdditionalLines work={work} />
          {work.state !== 'raised' && (
            <div className="muted" aria-label={t('field.decidedBy')}>
              {t('wk.additional.decision', {
                by: work.decidedBy ?? '—',
                method: work.decisionMethod ? `decisionMethod.${work.decisionMethod}` : '',
                at: dateTime(work.decidedAt),
                recorder: work.recordedBy ?? '—',
              })}
              {work.decisionNote ? ` — ${work.decisionNote}` : ''}
            </div>
          )}
          {work.state === 'raised' && canApprove && (
            <Space className="ws-decide">
              <Button type="primary" size="small" onClick={() => setDeciding({ work, decision: 'approved' })}>
                {t('wk.additional.approve')}
              </Button>
              <Button danger size="small" onClick={() => setDeciding({ work, decision: 'declined' })}>
                {t('wk.additional.decline')}
              </Button>
            </Space>
          )}
        </div>
      ))}
      {deciding && (
        <DecideDialog work={deciding.work} decision={deciding.decision} customerName={deciding.work.customerName} onClose={() => setDeciding(null)} />
      )}
    </Card>
  )
}
