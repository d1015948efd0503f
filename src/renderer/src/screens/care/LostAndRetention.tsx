import { useState } from 'react'
import { Alert, Table, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { percentFromBp } from '../../../../shared/format/numbers'
import { mulDivRound } from '../../../../shared/domain/stock'
import { useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateOnly, money } from '../../format'
import { CareListButtons } from './CareListButtons'
import { CareListPrint } from './CareListPrint'

type Lost = OutputOf<Contract['care.lost']>['rows'][number]
type Year = OutputOf<Contract['care.retention']>['years'][number]

/** 回厂与流失: of the cars with a first visit, how many came back, per model year; and the customers gone quiet. */
export function LostAndRetention() {
  const t = useT()
  const locale = useLocale()
  const funnel = useApiQuery('care.retention', {})
  const lost = useApiQuery('care.lost', { limit: 500 })
  const [printing, setPrinting] = useState(false)
  const depth = funnel.data?.depth ?? 5
  const cell = (reached: number[], k: number) => {
    const n = reached[k] ?? 0
    const first = reached[0] ?? 0
    return k === 0 || first === 0 ? String(n) : `${n} (${percentFromBp(mulDivRound(n, 10_000, first))})`
  }
  const lostTitle = t('care.lost.title', { months: lost.data?.months ?? 12 })
  if (printing && lost.data) return <CareListPrint list="lost" rows={lost.data.rows} sub={lostTitle} onBack={() => setPrinting(false)} />
  return (
    <div>
      {funnel.error && <Alert type="error" showIcon title={funnel.error.message} />}
      <Typography.Title level={5}>{t('care.retention.title')}</Typography.Title>
      <Table<Year>
        size="small"
        rowKey={(y) => String(y.modelYear)}
        loading={funnel.isPending}
        dataSource={funnel.data?.years ?? []}
        pagination={false}
        aria-label={t('care.retention.title')}
        columns={[
          { title: t('care.retention.modelYear'), dataIndex: 'modelYear', width: 120, render: (v: number | null) => (v === null ? t('care.retention.unknownYear') : String(v)) },
          ...Array.from({ length: depth }, (_, k) => ({
            title: t(k === depth - 1 ? 'care.retention.visitOrMore' : 'care.retention.visit', { n: k + 1 }),
            key: `v${k}`,
            align: 'right' as const,
            render: (_: unknown, y: Year) => <span className="num">{cell(y.reached, k)}</span>,
          })),
        ]}
      />
      <div className="care-section">
        <div className="care-toolbar">
          <Typography.Title level={5} className="care-list-title">
            {lostTitle}
          </Typography.Title>
          <span className="care-list-actions">
            <CareListButtons ask={{ list: 'lost', limit: 500 }} onPrint={() => setPrinting(true)} disabled={!lost.data} />
          </span>
        </div>
        {lost.error && <Alert type="error" showIcon title={lost.error.message} />}
        <Table<Lost>
          size="small"
          rowKey="vehicleId"
          loading={lost.isPending}
          dataSource={lost.data?.rows ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
          aria-label={lostTitle}
          columns={[
            { title: t('field.plate'), dataIndex: 'plate', width: 110, render: (v: string | null) => v ?? '—' },
            { title: t('field.customer'), dataIndex: 'customerName', ellipsis: true },
            { title: t('field.mobile'), dataIndex: 'mobile', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
            { title: t('field.model'), dataIndex: 'model', ellipsis: true },
            { title: t('care.lost.lastVisit'), dataIndex: 'lastVisitAt', width: 120, render: (v: string) => dateOnly(v) },
            { title: t('care.lost.visits'), dataIndex: 'visits', width: 90, align: 'right' },
            { title: t('care.lost.value'), dataIndex: 'valueFen', width: 130, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          ]}
        />
      </div>
    </div>
  )
}
