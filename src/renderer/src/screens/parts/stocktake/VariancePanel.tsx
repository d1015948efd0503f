import { Alert, App, Button, Card, Popconfirm, Statistic, Table } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { money } from '../../../format'
import type { VarianceLineT, VarianceTableT } from '../../../stores/parts-types'
import { percentOfBp, qty, signedQty } from '../parts-format'
import { useCan } from '../../../permissions'
import { useStocktake, useStocktakeWrites } from '../../../stores/parts-stocktake-store'
import { MovesTable } from '../catalogue/MovesTable'

export function VarianceSummary({ variance }: { variance: VarianceTableT }) {
  const t = useT()
  const locale = useLocale()
  const over = variance.rateBp !== null && variance.rateBp > variance.targetBp
  return (
    <div className="pt-stats" role="group" aria-label={t('pt.st.summary')}>
      <Statistic title={t('pt.st.bookValue')} value={money(variance.bookValueFen, locale)} />
      <Statistic title={t('pt.st.countedValue')} value={money(variance.countedValueFen, locale)} />
      <Statistic title={t('pt.st.netVariance')} value={money(variance.netVarianceFen, locale)} />
      <Statistic title={t('pt.st.absVariance')} value={money(variance.absVarianceFen, locale)} />
      <Statistic
        title={t('pt.st.rate', { target: percentOfBp(variance.targetBp) })}
        value={percentOfBp(variance.rateBp)}
        styles={{ content: { color: over ? '#cf1322' : '#389e0d' } }}
      />
      <Statistic title={t('pt.st.uncounted')} value={variance.uncounted} />
    </div>
  )
}

export function VarianceLines({ lines }: { lines: VarianceLineT[] }) {
  const t = useT()
  const locale = useLocale()
  return (
    <Table<VarianceLineT>
      size="small"
      rowKey="partId"
      dataSource={lines}
      pagination={lines.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
      aria-label={t('pt.st.varianceTable')}
      locale={{ emptyText: t('pt.st.noVariance') }}
      rowClassName={(l) => (l.countedMilli === null ? 'pt-row-uncounted' : '')}
      columns={[
        { title: t('field.bin'), dataIndex: 'bin', width: 90, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
        { title: t('field.partNumber'), dataIndex: 'partNumber', width: 150, render: (v: string) => <span className="mono">{v}</span> },
        { title: t('field.name'), dataIndex: 'name', ellipsis: true },
        { title: t('field.unit'), dataIndex: 'unit', width: 50 },
        { title: t('pt.st.book'), dataIndex: 'bookMilli', width: 70, align: 'right', render: (v: number) => <span className="num">{qty(v)}</span> },
        {
          title: t('pt.st.counted'),
          dataIndex: 'countedMilli',
          width: 70,
          align: 'right',
          render: (v: number | null) => (v === null ? <span className="pt-negative">{t('pt.st.notCounted')}</span> : <span className="num">{qty(v)}</span>),
        },
        {
          title: t('pt.st.diff'),
          dataIndex: 'diffMilli',
          width: 70,
          align: 'right',
          render: (v: number, l) => (l.countedMilli === null ? '' : <span className={v < 0 ? 'num pt-out' : 'num pt-in'}>{signedQty(v)}</span>),
        },
        { title: t('field.unitCostFen'), dataIndex: 'unitCostFen', width: 96, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
        {
          title: t('pt.st.diffValue'),
          dataIndex: 'diffValueFen',
          width: 110,
          align: 'right',
          render: (v: number, l) => (l.countedMilli === null ? '' : <span className={v < 0 ? 'num pt-out' : 'num pt-in'}>{money(v, locale)}</span>),
        },
      ]}
    />
  )
}

/**
 * 差异表: book against counted, in quantity and value, and the variance rate against the manual's
 * 0.3 %. Approval (only with the permission) posts one stocktake move per difference.
 */
export function VariancePanel({ id }: { id: number }) {
  const t = useT()
  const { message } = App.useApp()
  const { stocktake: st, variance, adjustments } = useStocktake(id)
  const writes = useStocktakeWrites()
  const canApprove = useCan('parts.stocktake.approve')
  if (!st || !variance) return null

  const approve = async () => {
    const outcome = await writes.approve(st)
    if (!outcome.ok) return void message.error(outcome.message)
    void message.success(t('pt.st.approved', { number: st.number }))
  }

  return (
    <div>
      <VarianceSummary variance={variance} />
      {st.state === 'counting' && (
        <div className="pt-toolbar pt-top-gap">
          {variance.uncounted > 0 && <Alert type="warning" showIcon title={t('pt.st.uncountedHint', { n: variance.uncounted })} />}
          {canApprove ? (
            <Popconfirm title={t('pt.st.approveConfirm', { n: variance.lines.filter((l) => l.diffMilli !== 0).length })} onConfirm={() => void approve()} okText={t('pt.st.approve')}>
              <Button type="primary" className="pt-toolbar-end" disabled={variance.uncounted > 0}>
                {t('pt.st.approve')}
              </Button>
            </Popconfirm>
          ) : (
            <span className="muted pt-toolbar-end">{t('pt.st.approveNeeds')}</span>
          )}
        </div>
      )}
      <Card size="small" title={t('pt.st.varianceTable')} className="pt-top-gap">
        <VarianceLines lines={variance.lines} />
      </Card>
      {adjustments && (
        <Card size="small" title={t('pt.st.adjustments', { n: adjustments.length })} className="pt-top-gap">
          <MovesTable moves={adjustments} showPart label={t('pt.st.adjustmentsLabel')} />
        </Card>
      )}
    </div>
  )
}
