import { Table, Tag } from 'antd'
import { useStore } from 'zustand'
import type { MessageKey } from '../../../../shared/i18n'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import type { DataAdminStore, JobRunT } from './data-admin-store'

const JOB_NAMES: Record<string, MessageKey> = {
  backup: 'data.jobs.name.backup',
  export: 'data.jobs.name.export',
  delivery: 'data.jobs.name.delivery',
  restore: 'data.jobs.name.restore',
}

/** The background jobs' recent runs: what ran, when, and what went wrong. */
export function JobLog({ store }: { store: DataAdminStore }) {
  const t = useT()
  const jobs = useStore(store, (s) => s.jobs)
  const columns = [
    { key: 'job', title: t('data.jobs.col.job'), render: (_: unknown, j: JobRunT) => (JOB_NAMES[j.job] ? t(JOB_NAMES[j.job]!) : j.job) },
    { key: 'started', title: t('data.jobs.col.started'), render: (_: unknown, j: JobRunT) => dateTime(j.startedAt) },
    {
      key: 'result',
      title: t('data.jobs.col.result'),
      render: (_: unknown, j: JobRunT) => <Tag color={j.ok ? 'green' : 'red'}>{t(j.ok ? 'data.jobs.ok' : 'data.jobs.failed')}</Tag>,
    },
    { key: 'message', title: t('data.jobs.col.message'), dataIndex: 'message' },
  ]
  return <Table size="small" rowKey="id" columns={columns} dataSource={jobs} pagination={{ pageSize: 20 }} />
}
