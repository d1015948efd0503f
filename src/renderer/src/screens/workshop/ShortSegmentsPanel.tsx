import { useState } from 'react'
import { Alert, App, Button, Card, Table } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { useApiQuery } from '../../api/query-client'
import { useCan } from '../../permissions'
import { useWorkshopWrite } from '../../stores/workshop-store'

type Row = OutputOf<Contract['workshop.shortSegments']>[number]

/**
 * 待确认的短计时: clock segments below the minimum, whose jobs are left out of efficiency until the
 * workshop supervisor confirms them (or corrects the time on the job). Others see who confirms.
 */
export function ShortSegmentsPanel() {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const canConfirm = useCan('workshop.correct')
  const query = useApiQuery('workshop.shortSegments', {})
  const rows: Row[] | null = query.data ?? null
  const [writeError, setError] = useState<string | null>(null)
  const error = writeError ?? query.error?.message ?? null

  const confirm = async (row: Row) => {
    const r = await write('workshop.confirmShortSegment', { segmentId: row.segmentId })
    if (!r.ok) return setError(r.message)
    void message.success(t('wk.short.confirmed', { job: row.job }))
  }

  return (
    <Card size="small" title={t('wk.short.title', { n: rows?.length ?? 0 })} className="ws-short">
      <p className="muted">{canConfirm ? t('wk.short.hint') : t('wk.short.whoConfirms')}</p>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Row>
        size="small"
        rowKey="segmentId"
        pagination={false}
        loading={rows === null}
        dataSource={rows ?? []}
        aria-label={t('wk.short.title', { n: rows?.length ?? 0 })}
        locale={{ emptyText: t('wk.short.none') }}
        columns={[
          { title: t('wk.short.ro'), dataIndex: 'roNumber', render: (v: string) => <span className="mono">{v}</span> },
          { title: t('wk.short.job'), dataIndex: 'job' },
          { title: t('field.technicianId'), dataIndex: 'technicianName' },
          { title: t('field.startedAt'), dataIndex: 'startedAt', render: (v: string) => dateTime(v) },
          { title: t('wk.segment.length'), dataIndex: 'durationMs', align: 'right', render: (v: number) => <span className="num">{t('wk.short.seconds', { s: Math.round(v / 1000) })}</span> },
          ...(canConfirm
            ? [
                {
                  key: 'confirm',
                  render: (_: unknown, r: Row) => (
                    <Button size="small" onClick={() => void confirm(r)} aria-label={t('wk.short.confirmOf', { job: r.job, ro: r.roNumber })}>
                      {t('wk.short.confirm')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  )
}
