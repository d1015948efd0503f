import { useEffect, useState } from 'react'
import { Alert, Button, Card, Descriptions, Skeleton, Space, Statistic, Tag } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import { useHotkeys } from '../../../hotkeys'
import { goParts } from '../parts-route'
import { qty } from '../parts-format'
import { useCan } from '../../../permissions'
import { usePartLedger, usePartsCatalogue } from '../../../stores/parts-catalogue-store'
import { BackLink } from '../BackLink'
import { MovesTable } from './MovesTable'
import { PartFormModal } from './PartFormModal'
import { StockMoveModal, type StockOp } from './StockMoveModal'

/** 库存台账: one part's stock (on hand, reserved, value, average cost) and every move behind it. */
export function PartLedger({ id }: { id: number }) {
  const t = useT()
  const locale = useLocale()
  const { detail, moreMoves, error } = usePartLedger(id)
  const can = { edit: useCan('parts.import'), receive: useCan('parts.receive'), adjust: useCan('parts.adjust') }
  const [dialog, setDialog] = useState<StockOp | 'edit' | null>(null)

  useEffect(() => usePartsCatalogue.getState().openLedger(id), [id])
  useHotkeys({ Escape: () => dialog === null && goParts({ kind: 'tab', tab: 'catalogue' }) })

  if (error && !detail) return <Alert type="error" showIcon title={error} />
  if (!detail) return <Skeleton active />
  const { part, moves } = detail

  return (
    <div className="pt-view">
      <div className="panel-head">
        <h2 className="panel-heading">
          <BackLink view={{ kind: 'tab', tab: 'catalogue' }} />
          <span className="mono">{part.partNumber}</span>
          <span>{part.name}</span>
          {!part.active && <Tag>{t('pt.inactive')}</Tag>}
        </h2>
        <Space wrap>
          <Button onClick={() => goParts({ kind: 'labels', partIds: [part.id] })}>{t('pt.labels.one')}</Button>
          {can.receive && <Button onClick={() => setDialog('transfer')}>{t('pt.op.transferButton')}</Button>}
          {can.adjust && <Button onClick={() => setDialog('adjust')}>{t('pt.op.adjustButton')}</Button>}
          {can.receive && <Button onClick={() => setDialog('receive')}>{t('pt.op.receiveButton')}</Button>}
          {can.edit && (
            <Button type="primary" onClick={() => setDialog('edit')}>
              {t('pt.cat.editButton')}
            </Button>
          )}
        </Space>
      </div>
      <div className="pt-stats" role="group" aria-label={t('pt.ledger.stock')}>
        <Statistic title={t('pt.onHand')} value={`${qty(part.onHandMilli)} ${part.unit}`} />
        <Statistic title={t('pt.reserved')} value={qty(part.reservedMilli)} />
        <Statistic title={t('pt.available')} value={qty(part.availableMilli)} styles={{ content: part.availableMilli < 0 ? { color: '#cf1322' } : {} }} />
        <Statistic title={t('pt.value')} value={money(part.valueFen, locale)} />
        <Statistic title={t('pt.avgCost')} value={money(part.avgCostFen, locale)} />
        <Statistic title={t('field.priceFen')} value={money(part.priceFen, locale)} />
      </div>
      <Card size="small" className="pt-gap">
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('field.bin')}>
            <span className="mono">{part.bin ?? '—'}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.brand')}>{part.brand ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.category')}>{part.category ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.supplier')}>{part.supplierName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.costFen')}>{money(part.costFen, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('field.unit')}>{part.unit}</Descriptions.Item>
          <Descriptions.Item label={t('pt.lastIssue')}>{dateTime(part.lastIssueAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={t('pt.ledger.title')}>
        <MovesTable moves={moves} label={t('pt.ledger.title')} />
        {moreMoves && (
          <Button type="link" onClick={() => usePartsCatalogue.getState().olderThan(moves.at(-1)?.id ?? 0)}>
            {t('pt.ledger.older')}
          </Button>
        )}
      </Card>
      {dialog === 'edit' && <PartFormModal part={part} onClose={() => setDialog(null)} />}
      {dialog !== null && dialog !== 'edit' && <StockMoveModal part={part} op={dialog} onClose={() => setDialog(null)} />}
    </div>
  )
}
