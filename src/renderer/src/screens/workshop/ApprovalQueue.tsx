import { useState } from 'react'
import { Button, Card, Empty, Skeleton, Space, Switch, Tag } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateTime, milliToDecimal, money } from '../../format'
import { navigate } from '../../router'
import { useApprovalQueue, useWorkshopUi, type AdditionalWorkT } from '../../stores/workshop-store'
import { DecideDialog } from './DecideDialog'
import { useMe, useQueueAdvisor } from './use-workshop'

/**
 * The lines of a piece of additional work, compact: kind, description, quantity, net amount; then
 * net, VAT and the total incl. VAT, labelled as the estimate's totals are, so the customer is
 * quoted the same kind of figure for the estimate and for what was found.
 */
export function AdditionalLines({ work }: { work: AdditionalWorkT }) {
  const t = useT()
  const locale = useLocale()
  return (
    <table className="ws-mini-table" aria-label={t('wk.additional.lines')}>
      <tbody>
        {work.lines.map((l, i) => (
          <tr key={i}>
            <td>
              <Tag color={l.kind === 'labour' ? 'geekblue' : 'green'}>{t(`estimate.kind.${l.kind}`)}</Tag>
            </td>
            <td>{l.description}</td>
            <td className="num">
              {milliToDecimal(l.quantityMilli)}
              {l.kind === 'labour' ? t('estimate.hourUnit') : ''}
            </td>
            <td className="num">{money(l.amountFen, locale)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th colSpan={3}>{t('field.net')}</th>
          <td className="num">{money(work.netFen, locale)}</td>
        </tr>
        <tr>
          <th colSpan={3}>{t('estimate.vat', { rate: (work.vatRateBp / 100).toString() })}</th>
          <td className="num">{money(work.vatFen, locale)}</td>
        </tr>
        <tr className="ws-mini-gross">
          <th colSpan={3}>{t('field.gross')}</th>
          <td className="num">{money(work.grossFen, locale)}</td>
        </tr>
      </tfoot>
    </table>
  )
}

/** 增项待确认: the advisor's queue of additional work waiting for the customer's decision. */
export function ApprovalQueue({ mineOnly }: { mineOnly: boolean }) {
  const t = useT()
  const locale = useLocale()
  const me = useMe()
  const advisorId = useQueueAdvisor(mineOnly)
  const queue = useApprovalQueue(advisorId)
  const [deciding, setDeciding] = useState<{ work: AdditionalWorkT; decision: 'approved' | 'declined' } | null>(null)

  if (!queue) return <Skeleton active />

  return (
    <div className="ws-queue">
      <div className="ws-toolbar">
        {mineOnly && me !== null && (
          <Space>
            <Switch
              size="small"
              checked={advisorId !== undefined}
              onChange={(on) => useWorkshopUi.getState().setQueueAdvisor(on ? me : undefined)}
              aria-label={t('wk.additional.mineOnly')}
            />
            <span>{t('wk.additional.mineOnly')}</span>
          </Space>
        )}
        <span className="muted">{t('wk.additional.queueHint')}</span>
      </div>
      {queue.length === 0 ? (
        <Empty description={t('wk.additional.queueEmpty')} />
      ) : (
        <div className="ws-queue-list">
          {queue.map((work) => (
            <Card
              key={work.id}
              size="small"
              aria-label={t('wk.additional.item', { number: work.roNumber })}
              title={
                <Space>
                  <span className="ws-plate">{work.plate ?? t('wk.noPlate')}</span>
                  <a href={`#/workshop/ro/${work.roId}`} className="mono" onClick={(e) => (e.preventDefault(), navigate({ name: 'workshopRo', id: work.roId }))}>
                    {work.roNumber}
                  </a>
                  <span className="muted">{t('wk.additional.raisedBy', { name: work.raisedBy, at: dateTime(work.raisedAt) })}</span>
                </Space>
              }
              extra={<strong className="num">{t('wk.additional.grossShort', { amount: money(work.grossFen, locale) })}</strong>}
            >
              <p className="pre-wrap ws-finding">{work.finding}</p>
              <AdditionalLines work={work} />
              <Space className="ws-decide">
                <Button type="primary" onClick={() => setDeciding({ work, decision: 'approved' })}>
                  {t('wk.additional.approve')}
                </Button>
                <Button danger onClick={() => setDeciding({ work, decision: 'declined' })}>
                  {t('wk.additional.decline')}
                </Button>
              </Space>
            </Card>
          ))}
        </div>
      )}
      {deciding && (
        <DecideDialog work={deciding.work} decision={deciding.decision} customerName={deciding.work.customerName} onClose={() => setDeciding(null)} />
      )}
    </div>
  )
}
