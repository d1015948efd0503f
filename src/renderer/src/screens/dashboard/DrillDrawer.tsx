import { Alert, Drawer, Skeleton, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useLocale, useT } from '../../i18n'
import { averageFen } from '../../../../shared/domain/stock-rules'
import { dateOnly, dateTime, milliToDecimal, money } from '../../format'
import { hrefOf, navigate } from '../../router'
import { useDashboardUi, useDrill, type DrillPartT, type DrillRoT } from '../../stores/dashboard-store'
import { stateColour } from '../ro/state-colour'
import { useCan } from '../../permissions'
import { DrillCalls } from './DrillCalls'

/** Keeps only the columns some row has a value for: each figure fills different ones. */
function present<T extends object>(rows: readonly T[], columns: ColumnsType<T>): ColumnsType<T> {
  return columns.filter((c) => {
    const key = 'dataIndex' in c ? (c.dataIndex as keyof T | undefined) : undefined
    return key === undefined || rows.some((r) => r[key] !== null && r[key] !== undefined)
  })
}

/** The ROs and parts behind one month of one figure. */
export function DrillDrawer() {
  const t = useT()
  const locale = useLocale()
  const of = useDashboardUi((s) => s.drillOf)
  const { drill, error } = useDrill(of)
  const canSettlement = useCan('settlement.read')
  const canParts = useCan('parts.read')
  if (!of) return null
  const m = (v: number | null) => (v === null ? '—' : money(v, locale))
  const q = (v: number | null) => (v === null ? '—' : milliToDecimal(v))
  const roHref = (id: number) => hrefOf(canSettlement ? { name: 'settleRo', id } : { name: 'ro', id })
  const ros = drill?.ros ?? []
  const parts = drill?.parts ?? []
  const calls = drill?.calls ?? []

  const roColumns = present<DrillRoT>(ros, [
    { title: t('field.roNumber'), dataIndex: 'number', width: 130, render: (v: string, r) => <a href={roHref(r.roId)} className="mono">{v}</a> },
    { title: t('field.type'), dataIndex: 'type', width: 90, render: (v: DrillRoT['type']) => t(`roType.${v}`) },
    { title: t('field.state'), dataIndex: 'state', width: 80, render: (v: DrillRoT['state']) => <Tag color={stateColour(v)}>{t(`roState.${v}`)}</Tag> },
    { title: t('field.customer'), dataIndex: 'customerName' },
    { title: t('stl.completedAt'), dataIndex: 'completedAt', width: 130, render: (v: string | null) => dateTime(v) },
    { title: t('stl.settledAt'), dataIndex: 'settledAt', width: 130, render: (v: string | null) => dateTime(v) },
    {
      title: t('dash.elapsed'),
      dataIndex: 'elapsedDays',
      width: 110,
      render: (v: number | null, r) => (
        <span>
          {v === null ? '—' : t('stl.recv.days', { n: v })}
          {r.late && <Tag color="red" className="stl-tag">{t('dash.late')}</Tag>}
          {r.pending && <Tag className="stl-tag">{t('dash.pending')}</Tag>}
        </span>
      ),
    },
    { title: t('stl.invoiceNo'), dataIndex: 'invoiceNumber', render: (v: string | null) => <span className="mono">{v ?? ''}</span> },
    { title: t('field.insurer'), dataIndex: 'insurer' },
    { title: t('field.claimNo'), dataIndex: 'claimNo' },
    { title: t('stl.balance'), dataIndex: 'balanceFen', align: 'right', render: (v: number | null) => <span className="num">{m(v)}</span> },
  ])
  const partColumns = present<DrillPartT>(parts, [
    {
      title: t('dash.partNumber'),
      dataIndex: 'partNumber',
      width: 140,
      render: (v: string, p) => (canParts ? <a href={hrefOf({ name: 'parts', view: { kind: 'part', id: p.partId } })} className="mono">{v}</a> : <span className="mono">{v}</span>),
    },
    { title: t('field.name'), dataIndex: 'name' },
    { title: t('dash.onHand'), dataIndex: 'onHandMilli', align: 'right', render: (v: number | null) => <span className="num">{q(v)}</span> },
    { title: t('dash.value'), dataIndex: 'valueFen', align: 'right', render: (v: number | null) => <span className="num">{m(v)}</span> },
    { title: t('dash.issued'), dataIndex: 'issuedMilli', align: 'right', render: (v: number | null) => <span className="num">{q(v)}</span> },
    { title: t('dash.issuedValue'), dataIndex: 'issuedValueFen', align: 'right', render: (v: number | null) => <span className="num">{m(v)}</span> },
    {
      title: t('dash.averageValue'),
      dataIndex: 'monthEndValuesFen',
      align: 'right',
      render: (v: number[] | null) => <span className="num">{v === null ? '—' : m(averageFen(v))}</span>,
    },
    { title: t('dash.lastIssue'), dataIndex: 'lastIssueAt', render: (v: string | null) => dateOnly(v) },
    {
      title: of.target === 'slow_moving' || of.target === 'fill_rate' ? t(`dash.counted.${of.target}`) : '',
      dataIndex: 'counted',
      width: 110,
      render: (v: boolean | null) =>
        v === null ? '' : <Tag color={v === (of.target === 'fill_rate') ? 'green' : 'orange'}>{t(v ? 'dash.countedYes' : 'dash.countedNo')}</Tag>,
    },
    { title: t('field.roNumber'), dataIndex: 'roNumber', render: (v: string | null, p) => (v && p.roId ? <a href={roHref(p.roId)} className="mono">{v}</a> : '') },
    { title: t('dash.diff'), dataIndex: 'diffMilli', align: 'right', render: (v: number | null) => <span className="num">{q(v)}</span> },
    { title: t('dash.diffValue'), dataIndex: 'diffValueFen', align: 'right', render: (v: number | null) => <span className="num">{m(v)}</span> },
  ])

  const title = t('dash.drillTitle', { target: `target.${of.target}`, month: of.month })
  return (
    <Drawer open size={980} title={title} onClose={() => useDashboardUi.getState().closeDrill()} destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} />}
      {!drill && !error && <Skeleton active />}
      {drill && drill.parts.length > 0 && <p className="drill-as-of">{t('dash.drillAsOf', { at: dateTime(drill.asOf) })}</p>}
      {drill && drill.truncated && <Alert type="info" showIcon title={t('dash.truncated')} className="stl-gap" />}
      {drill && ros.length === 0 && parts.length === 0 && calls.length === 0 && <Alert type="info" showIcon title={t('dash.drillEmpty')} />}
      {ros.length > 0 && (
        <Table<DrillRoT>
          size="small"
          rowKey="roId"
          dataSource={ros}
          columns={roColumns}
          aria-label={t('dash.drillRos')}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          rowClassName={(r) => (r.late ? 'drill-late' : '')}
          onRow={(r) => ({ tabIndex: 0, onKeyDown: (e) => e.key === 'Enter' && navigate(canSettlement ? { name: 'settleRo', id: r.roId } : { name: 'ro', id: r.roId }) })}
        />
      )}
      {calls.length > 0 && <DrillCalls calls={calls} scores={of.target === 'satisfaction'} />}
      {parts.length > 0 && (
        <Table<DrillPartT>
          size="small"
          rowKey={(p) => `${p.partId}:${p.roId ?? ''}`}
          dataSource={parts}
          columns={partColumns}
          aria-label={t('dash.drillParts')}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        />
      )}
    </Drawer>
  )
}
