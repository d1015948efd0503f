import { Button, Card, Table } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { navigate } from '../../router'
import { useCan } from '../../permissions'
import { ClaimTable } from './ClaimTable'
import { TodayCalls } from './TodayCalls'
import { WarrantyFigures } from './WarrantyFigures'

type RoToClaim = OutputOf<Contract['warranty.today']>['rosWithoutClaim'][number]

/** Today's work: claims to check, claims the maker returned, claims waiting, and ROs not claimed yet. */
export function TodayView() {
  const t = useT()
  const locale = useLocale()
  const today = useApiQuery('warranty.today', {})
  const canWrite = useCan('warranty.write')
  const build = useApiMutation('warranty.claim.fromRo', { onSuccess: (claim) => navigate({ name: 'warrantyClaim', id: claim.id }) })
  const data = today.data
  return (
    <div className="wty-today">
      <TodayCalls />
      <WarrantyFigures months={6} />
      <Card size="small" title={t('wty.today.toCheck')}>
        <ClaimTable rows={data?.toCheck ?? []} loading={today.isLoading} label={t('wty.today.toCheck')} />
      </Card>
      <Card size="small" title={t('wty.today.returned')}>
        <ClaimTable rows={data?.returned ?? []} loading={today.isLoading} label={t('wty.today.returned')} />
      </Card>
      <Card size="small" title={t('wty.today.awaiting')}>
        <ClaimTable rows={data?.awaitingDecision ?? []} loading={today.isLoading} label={t('wty.today.awaiting')} />
      </Card>
      <Card size="small" title={t('wty.today.rosWithoutClaim')}>
        <Table<RoToClaim>
          size="small"
          rowKey="roId"
          aria-label={t('wty.today.rosWithoutClaim')}
          loading={today.isLoading}
          dataSource={data?.rosWithoutClaim ?? []}
          pagination={false}
          locale={{ emptyText: t('wty.today.empty') }}
          columns={[
            { title: t('wty.col.ro'), dataIndex: 'roNumber', className: 'mono', width: 130 },
            { title: t('wty.col.vehicle'), key: 'vehicle', render: (_, r) => `${r.plate ?? '—'} · ${r.model}` },
            { title: t('wty.col.customer'), dataIndex: 'customerName', width: 120 },
            { title: t('wty.col.warrantyAmount'), dataIndex: 'warrantyFen', align: 'right', width: 120, render: (f: number) => money(f, locale) },
            { title: t('wty.col.completed'), dataIndex: 'completedAt', width: 140, render: (at: string | null) => dateTime(at) },
            {
              key: 'build',
              width: 120,
              render: (_, r) =>
                canWrite ? (
                  <Button size="small" type="primary" loading={build.isPending && build.variables.roId === r.roId} onClick={() => build.mutate({ roId: r.roId })}>
                    {t('wty.build')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
    </div>
  )
}
