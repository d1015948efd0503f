import { useState } from 'react'
import { Alert, Card, DatePicker, Segmented, Statistic, Table } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money, todayIn, wallClockToIso } from '../../../format'
import type { ValuationT } from '../../../stores/parts-types'
import { partsHref } from '../parts-route'
import { percentOfBp, qty } from '../parts-format'
import { useChannel, useTimeZone } from '../use-parts'

type ValuationRow = ValuationT['rows'][number]

/** The end of a business day in the dealership's zone: everything booked that day counts. */
export function endOfDayIso(date: string, timeZone: string): string {
  return wallClockToIso(`${date}T23:59`, timeZone).replace(/:00(?=[+-]\d\d:\d\d$|Z$)/, ':59')
}

function FillRateCard() {
  const t = useT()
  const timeZone = useTimeZone()
  const today = todayIn(timeZone)
  const fill = useChannel('stock.fillRate', { from: `${today.slice(0, 8)}01`, to: today })
  const data = fill.data
  if (!data) return null
  const below = data.rateBp !== null && data.rateBp < data.targetBp
  return (
    <Card size="small" title={t('pt.value.fillRate', { from: data.from, to: data.to })} className="pt-gap">
      <div className="pt-stats">
        <Statistic title={t('pt.value.rate')} value={percentOfBp(data.rateBp)} styles={{ content: below ? { color: '#cf1322' } : {} }} />
        <Statistic title={t('pt.value.target')} value={percentOfBp(data.targetBp)} />
        <Statistic title={t('pt.value.requested')} value={data.requested} />
        <Statistic title={t('pt.value.served')} value={data.servedFromStock} />
        <Statistic title={t('shortage.lost_sale')} value={data.byOutcome.lost_sale} />
        <Statistic title={t('shortage.special_order')} value={data.byOutcome.special_order} />
        <Statistic title={t('shortage.external_purchase')} value={data.byOutcome.external_purchase} />
        <Statistic title={t('pt.value.unrecorded')} value={data.byOutcome.unrecorded} />
      </div>
    </Card>
  )
}

/** 库存金额: stock on hand and its value as of any past day (from the ledger), and this month's fill rate. */
export function ValuationView() {
  const t = useT()
  const locale = useLocale()
  const timeZone = useTimeZone()
  const [date, setDate] = useState<string | null>(null)
  const [limit, setLimit] = useState(100)
  const valuation = useChannel('stock.valuation', { ...(date ? { at: endOfDayIso(date, timeZone) } : {}), limit })
  const v = valuation.data

  return (
    <div className="pt-view">
      <div className="pt-toolbar">
        <label className="pt-inline-label">
          {t('pt.value.asOf')}
          <DatePicker
            size="small"
            allowClear
            value={date ? dayjs(date) : null}
            placeholder={t('pt.value.now')}
            aria-label={t('pt.value.asOf')}
            disabledDate={(d: Dayjs) => d.format('YYYY-MM-DD') > todayIn(timeZone)}
            onChange={(d: Dayjs | null) => setDate(d ? d.format('YYYY-MM-DD') : null)}
          />
        </label>
        <Segmented<number> value={limit} onChange={setLimit} options={[100, 1000].map((n) => ({ value: n, label: t('pt.value.top', { n }) }))} />
      </div>
      {valuation.error && <Alert type="error" showIcon title={valuation.error} className="pt-gap" />}
      {v && (
        <div className="pt-stats pt-gap" role="group" aria-label={t('pt.value.summary')}>
          <Statistic title={t('pt.value.at')} value={dateTime(v.at)} />
          <Statistic title={t('pt.value.parts')} value={v.partCount} />
          <Statistic title={t('pt.value.units')} value={qty(v.onHandMilli)} />
          <Statistic title={t('pt.value.total')} value={money(v.valueFen, locale)} />
        </div>
      )}
      <FillRateCard />
      <Table<ValuationRow>
        size="small"
        rowKey="partId"
        loading={valuation.loading && !v}
        dataSource={v?.rows ?? []}
        pagination={false}
        aria-label={t('pt.tab.valuation')}
        locale={{ emptyText: t('pt.value.empty') }}
        columns={[
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 170, render: (p: string, r) => <a className="mono" href={partsHref({ kind: 'part', id: r.partId })}>{p}</a> },
          { title: t('field.name'), dataIndex: 'name' },
          { title: t('pt.onHand'), dataIndex: 'onHandMilli', width: 90, align: 'right', render: (n: number) => <span className="num">{qty(n)}</span> },
          { title: t('pt.value'), dataIndex: 'valueFen', width: 130, align: 'right', render: (n: number) => <span className="num">{money(n, locale)}</span> },
        ]}
      />
    </div>
  )
}
