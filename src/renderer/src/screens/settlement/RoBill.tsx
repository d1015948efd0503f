import { Card, Descriptions, Table, Tag } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateTime, km, milliToDecimal, money } from '../../format'
import type { SettlementViewT } from '../../stores/settlement-store'

type Line = SettlementViewT['lines'][number]

export const PAYER_COLOUR: Record<Line['payer'], string> = {
  customer: 'blue',
  warranty: 'purple',
  insurance: 'volcano',
  internal: 'default',
  campaign: 'green',
}

/** The order the cashier settles: who, which car, and every line with who pays it. */
export function RoBill({ view }: { view: SettlementViewT }) {
  const t = useT()
  const locale = useLocale()
  const { ro } = view
  return (
    <>
      <Card size="small" className="stl-card" title={t('stl.ro.vehicle')}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 3 }} className="stl-info">
          <Descriptions.Item label={t('field.customer')}>{ro.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('field.mobile')}>{ro.customerMobile ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.advisorId')}>{ro.advisorName}</Descriptions.Item>
          <Descriptions.Item label={t('field.plate')}>{ro.plate ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.vin')}>
            <span className="mono">{ro.vin}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.model')}>{ro.model}</Descriptions.Item>
          <Descriptions.Item label={t('field.type')}>{t(`roType.${ro.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('field.odometerKm')}>{km(ro.odometerKm, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('field.openedAt')}>{dateTime(ro.openedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('stl.completedAt')}>{dateTime(ro.completedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('stl.settledAt')}>{dateTime(ro.settledAt)}</Descriptions.Item>
          <Descriptions.Item label={t('stl.deliveredAt')}>{dateTime(ro.deliveredAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" className="stl-card" title={t('field.lines')}>
        <Table<Line>
          size="small"
          rowKey="position"
          pagination={false}
          dataSource={view.lines}
          aria-label={t('field.lines')}
          columns={[
            {
              title: t('field.description'),
              dataIndex: 'description',
              render: (v: string, l) => (
                <span>
                  <span className="stl-kind">{t(`stl.kind.${l.kind}`)}</span>
                  {v}
                </span>
              ),
            },
            {
              title: t('stl.ro.qtyPrice'),
              key: 'qty',
              width: 130,
              align: 'right',
              render: (_: unknown, l) => (
                <span className="num">
                  {milliToDecimal(l.quantityMilli)}
                  {l.kind === 'labour' ? ` ${t('estimate.hourUnit')}` : ''} × {money(l.unitPriceFen, locale)}
                </span>
              ),
            },
            { title: t('estimate.amount'), dataIndex: 'amountFen', width: 100, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
            { title: t('field.payer'), dataIndex: 'payer', width: 64, render: (p: Line['payer']) => <Tag color={PAYER_COLOUR[p]}>{t(`payer.${p}`)}</Tag> },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={2}>
                {t('stl.ro.totals', { net: money(ro.netFen, locale), vat: money(ro.vatFen, locale) })}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} colSpan={2} align="right">
                <strong className="num">{t('stl.ro.gross', { gross: money(ro.grossFen, locale) })}</strong>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )}
        />
      </Card>
    </>
  )
}
