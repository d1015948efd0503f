import { Alert, Table } from 'antd'
import { useT } from '../../../i18n'
import { dateTime } from '../../../format'
import type { CounterRoT } from '../../../stores/parts-types'
import { RoStateTag } from './RoStateTag'
import { goParts } from '../parts-route'
import { useCounterQueue } from '../../../stores/parts-counter-store'

/** 发料队列: authorised repair orders with part lines still to pick, oldest first. */
export function CounterQueue() {
  const t = useT()
  const { queue, error } = useCounterQueue()
  const open = (row: CounterRoT) => goParts({ kind: 'pick', roId: row.roId })

  return (
    <div className="pt-view">
      {error && <Alert type="error" showIcon title={error} className="pt-gap" />}
      <Table<CounterRoT>
        size="small"
        rowKey="roId"
        loading={queue === null && !error}
        dataSource={queue ?? []}
        pagination={false}
        aria-label={t('pt.counter.queue')}
        title={() => t('pt.counter.queueHint')}
        locale={{ emptyText: t('pt.counter.empty') }}
        onRow={(row) => ({
          onClick: () => open(row),
          onKeyDown: (e) => e.key === 'Enter' && open(row),
          tabIndex: 0,
          className: 'clickable',
        })}
        columns={[
          { title: t('field.roNumber'), dataIndex: 'number', width: 140, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.plate'), dataIndex: 'plate', width: 110, render: (v: string | null) => v ?? '—' },
          { title: t('field.model'), dataIndex: 'model' },
          {
            title: t('field.state'),
            dataIndex: 'state',
            width: 100,
            render: (v: string) => <RoStateTag state={v} />,
          },
          { title: t('field.openedAt'), dataIndex: 'openedAt', width: 140, render: (v: string) => dateTime(v) },
          {
            title: t('pt.counter.outstandingLines'),
            dataIndex: 'outstandingLines',
            width: 100,
            align: 'right',
            render: (v: number) => <span className="num">{v}</span>,
          },
        ]}
      />
    </div>
  )
}
