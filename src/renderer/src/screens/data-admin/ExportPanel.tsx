import { Alert, Button, Descriptions, Flex, Table, Tag, Typography } from 'antd'
import { useT } from '../../i18n'
import { dateOnly, dateTime } from '../../format'
import { useDataAdmin, useDataAdminWrites, type BatchT } from './data-admin-store'
import { ExportSettingsForm } from './ExportSettingsForm'
import type { Report } from './DataAdminScreen'
import { fileSize } from '../../../../shared/format/numbers'

const size = fileSize

export function ExportPanel({ report }: { report: Report }) {
  const t = useT()
  const { exportStatus: status, batches } = useDataAdmin()
  const writes = useDataAdminWrites()
  if (!status) return null
  const last = status.lastBatch

  const columns = [
    { key: 'id', title: t('data.export.col.batch'), render: (_: unknown, b: BatchT) => <Typography.Text code>{b.id}</Typography.Text> },
    {
      key: 'dates',
      title: t('data.export.col.dates'),
      render: (_: unknown, b: BatchT) => (b.firstBusinessDate === b.businessDate ? b.businessDate : `${b.firstBusinessDate} – ${b.businessDate}`),
    },
    { key: 'created', title: t('data.export.col.created'), render: (_: unknown, b: BatchT) => dateTime(b.createdAt) },
    { key: 'rows', title: t('data.export.col.rows'), align: 'right' as const, render: (_: unknown, b: BatchT) => b.rows.toLocaleString() },
    { key: 'size', title: t('data.export.col.size'), align: 'right' as const, render: (_: unknown, b: BatchT) => size(b.bytes) },
    {
      key: 'deliveries',
      title: t('data.export.col.deliveries'),
      render: (_: unknown, b: BatchT) => (
        <Flex wrap gap={4}>
          {b.deliveries.map((d) =>
            d.status === 'delivered' ? (
              <Tag key={d.targetId} color="green" title={dateTime(d.deliveredAt)}>
                {t('data.export.delivered', { target: d.targetId })}
              </Tag>
            ) : (
              <Tag key={d.targetId} color={d.lastError ? 'red' : 'gold'} title={d.lastError ?? ''}>
                {t('data.export.pendingTo', { target: d.targetId, attempts: d.attempts })}
              </Tag>
            ),
          )}
        </Flex>
      ),
    },
    {
      key: 'actions',
      title: t('data.export.col.actions'),
      render: (_: unknown, b: BatchT) => (
        <Button size="small" onClick={async () => report(await writes.resend(b.id), t('data.accepted'))}>
          {t('data.export.resend')}
        </Button>
      ),
    },
  ]

  return (
    <Flex vertical gap={12}>
      <Descriptions
        size="small"
        bordered
        column={3}
        title={t('data.export.status')}
        extra={
          <Button type="primary" onClick={async () => report(await writes.runExport(), t('data.accepted'))}>
            {t('data.export.runNow')}
          </Button>
        }
        items={[
          { key: 'dealer', label: t('data.export.dealerCode'), children: status.dealerCode || '—' },
          {
            key: 'last',
            label: t('data.export.lastBatch'),
            children: last ? `${last.id} (${dateOnly(last.businessDate)})` : t('data.none'),
          },
          {
            key: 'next',
            label: t('data.export.nextRun'),
            children: status.settings.enabled ? dateTime(status.nextRunAt) : t('data.export.disabled'),
          },
        ]}
      />
      {status.settings.targets.length === 0 && <Alert type="warning" showIcon title={t('data.export.noTargets')} />}
      <div>
        <Typography.Title level={5}>{t('data.export.queue')}</Typography.Title>
        <Flex vertical gap={4}>
          {status.queue.map((q) => (
            <Alert
              key={q.targetId}
              type={q.pending === 0 ? 'success' : q.lastError ? 'error' : 'info'}
              showIcon
              title={t('common.labelValue', { label: q.label, value: q.pending === 0 ? t('data.export.queueEmpty') : t('data.export.pending', { count: q.pending }) })}
              description={
                q.pending > 0 || q.removed ? (
                  <Flex vertical>
                    {q.removed && <span>{t('data.export.targetRemoved')}</span>}
                    {q.nextAttemptAt && <span>{t('data.export.nextAttempt', { at: dateTime(q.nextAttemptAt) })}</span>}
                    {q.lastError && <span>{t('data.export.lastError', { error: q.lastError })}</span>}
                  </Flex>
                ) : undefined
              }
            />
          ))}
        </Flex>
      </div>
      <ExportSettingsForm report={report} />
      <div>
        <Typography.Title level={5}>{t('data.export.history')}</Typography.Title>
        <Table size="small" rowKey="id" columns={columns} dataSource={batches} pagination={{ pageSize: 10 }} />
      </div>
    </Flex>
  )
}
