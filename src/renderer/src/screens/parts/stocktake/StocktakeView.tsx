import { useEffect, useState } from 'react'
import { Alert, Button, Card, Progress, Skeleton, Space, Switch, Table, Tabs, Tag } from 'antd'
import { useT } from '../../../i18n'
import { dateTime } from '../../../format'
import { useHotkeys } from '../../../hotkeys'
import type { CountLineT } from '../../../stores/parts-types'
import { goParts } from '../parts-route'
import { qty } from '../parts-format'
import { useCan } from '../../../permissions'
import { useApiWrite } from '../../../api/query-client'
import { useStocktake, useStocktakeUi } from '../../../stores/parts-stocktake-store'
import { BackLink } from '../BackLink'
import { ReasonModal } from '../ReasonModal'
import { ScanStation } from './ScanStation'
import { VariancePanel } from './VariancePanel'
import { STOCKTAKE_COLOUR, scopeText } from './StocktakeList'
import { DocumentActivity } from '../../../components/DocumentActivity'

function CountSheet({ lines }: { lines: CountLineT[] }) {
  const t = useT()
  const [openOnly, setOpenOnly] = useState(false)
  const shown = openOnly ? lines.filter((l) => l.countedMilli === null) : lines
  return (
    <Card
      size="small"
      title={t('pt.st.sheet')}
      extra={
        <label className="pt-inline-label">
          <Switch size="small" checked={openOnly} onChange={setOpenOnly} /> {t('pt.st.uncountedOnly')}
        </label>
      }
    >
      <Table<CountLineT>
        size="small"
        rowKey="partId"
        dataSource={shown}
        pagination={shown.length > 100 ? { pageSize: 100, showSizeChanger: false } : false}
        aria-label={t('pt.st.sheet')}
        rowClassName={(l) => (l.countedMilli === null ? 'pt-row-pending' : '')}
        columns={[
          { title: t('field.bin'), dataIndex: 'bin', width: 90, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 150, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.name'), dataIndex: 'name', ellipsis: true },
          { title: t('field.unit'), dataIndex: 'unit', width: 50 },
          {
            title: t('pt.st.counted'),
            dataIndex: 'countedMilli',
            width: 80,
            align: 'right',
            render: (v: number | null) => (v === null ? <span className="muted">—</span> : <span className="num pt-strong">{qty(v)}</span>),
          },
        ]}
      />
    </Card>
  )
}

/** One stocktake: the count station and sheet while counting, then the variance and its approval. */
export function StocktakeView({ id }: { id: number }) {
  const t = useT()
  const { stocktake: st, lines, error } = useStocktake(id)
  const write = useApiWrite()
  const canCount = useCan('parts.stocktake')
  const [tab, setTab] = useState<'count' | 'variance' | null>(null)
  const [cancelling, setCancelling] = useState(false)

  useEffect(() => useStocktakeUi.getState().open(id), [id])
  useHotkeys({ Escape: () => !cancelling && goParts({ kind: 'tab', tab: 'stocktake' }) })

  if (error && !st) return <Alert type="error" showIcon title={error} />
  if (!st) return <Skeleton active />
  const counting = st.state === 'counting'
  const active = tab ?? (counting && canCount ? 'count' : 'variance')

  return (
    <div className="pt-view">
      <div className="panel-head">
        <h2 className="panel-heading">
          <BackLink view={{ kind: 'tab', tab: 'stocktake' }} />
          {t('entity.stocktake')}
          <span className="mono">{st.number}</span>
          <Tag color={STOCKTAKE_COLOUR[st.state]}>{t(`stocktakeState.${st.state}`)}</Tag>
          <span className="pt-heading-sub">{scopeText(t, st)}</span>
        </h2>
        <Space>
          <Progress
            className="pt-progress"
            size="small"
            percent={st.lineCount ? Math.floor((st.countedCount / st.lineCount) * 100) : 0}
            format={() => t('pt.st.countedOf', { counted: st.countedCount, total: st.lineCount })}
          />
          <Button onClick={() => goParts({ kind: 'stocktakePrint', id, sheet: 'count' })}>{t('pt.st.printSheet')}</Button>
          <Button onClick={() => goParts({ kind: 'stocktakePrint', id, sheet: 'variance' })}>{t('pt.st.printVariance')}</Button>
          {counting && canCount && (
            <Button danger onClick={() => setCancelling(true)}>
              {t('pt.st.cancel')}
            </Button>
          )}
        </Space>
      </div>
      <div className="muted pt-gap">
        {t('pt.st.createdLine', { at: dateTime(st.createdAt), by: st.createdBy })}
        {st.decidedAt ? ` · ${t('pt.st.decidedLine', { at: dateTime(st.decidedAt), by: st.decidedBy ?? '', state: `stocktakeState.${st.state}` })}` : ''}
        {st.note ? ` · ${st.note}` : ''}
      </div>
      {error && <Alert type="error" showIcon title={error} className="pt-gap" />}
      <Tabs
        size="small"
        activeKey={active}
        onChange={(k) => setTab(k === 'count' ? 'count' : 'variance')}
        items={[
          {
            key: 'count',
            label: t('pt.st.tab.count'),
            children: (
              <div className="pt-count-layout">
                {counting && canCount && <ScanStation id={id} />}
                <CountSheet lines={lines} />
              </div>
            ),
          },
          { key: 'variance', label: t('pt.st.tab.variance'), children: <VariancePanel id={id} /> },
        ]}
      />
      {cancelling && (
        <ReasonModal
          title={t('pt.st.cancel')}
          okText={t('pt.confirm')}
          danger
          onSubmit={async (reason) => {
            const outcome = await write('stocktake.cancel', { id: st.id, version: st.version, reason })
            return outcome.ok ? null : outcome.message
          }}
          onClose={() => setCancelling(false)}
        />
      )}
      <DocumentActivity kind="stocktake" id={id} />
    </div>
  )
}
