import { Card, Table, Tag } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateOnly, km, money } from '../../format'
import { navigate } from '../../router'
import type { VehicleDetailT } from '../../stores/types'

/** 车历: every visit at a glance, newest first, with what was done. */
export function VisitHistory({ detail }: { detail: VehicleDetailT }) {
  const t = useT()
  const locale = useLocale()
  const byId = new Map(detail.repairOrders.map((ro) => [ro.id, ro]))
  return (
    <Card size="small" title={t('desk.history')} className="history-card">
      <Table
        size="small"
        rowKey="roId"
        pagination={false}
        dataSource={detail.history}
        locale={{ emptyText: t('desk.noHistory') }}
        onRow={(row) => ({ onClick: () => navigate({ name: 'ro', id: row.roId }), className: 'clickable' })}
        columns={[
          { title: t('field.openedAt'), dataIndex: 'openedAt', width: 100, render: (v: string) => dateOnly(v) },
          { title: t('field.roNumber'), dataIndex: 'number', width: 130 },
          { title: t('field.odometerKm'), dataIndex: 'odometerKm', width: 100, render: (v: number) => km(v, locale) },
          {
            title: t('field.type'),
            key: 'type',
            width: 90,
            render: (_: unknown, row) => {
              const ro = byId.get(row.roId)
              return ro ? <Tag>{t(`roType.${ro.type}`)}</Tag> : null
            },
          },
          { title: t('desk.work'), dataIndex: 'lines', render: (lines: string[]) => lines.join(t('app.separator')) },
          {
            title: t('field.gross'),
            key: 'gross',
            width: 110,
            align: 'right',
            render: (_: unknown, row) => {
              const ro = byId.get(row.roId)
              return ro ? money(ro.grossFen, locale) : null
            },
          },
        ]}
      />
    </Card>
  )
}
