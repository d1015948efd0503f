import { Table, Tag } from 'antd'
import { isMessageKey } from '../../../../shared/i18n'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { useDataAdmin, type JobRunT } from './data-admin-store'

/** The background jobs' recent runs: what ran, when, and what went wrong. */
export function JobLog() {
  const t = useT()
  const { jobs } = useDataAdmin()
  // Other areas' jobs name themselves `data.jobs.name.<job>` in their catalogs.
  const jobName = (job: string) => {
    const key = `data.jobs.name.${job}`
    return isMessageKey(key) ? t(key) : job
  }
  const columns = [
    { key: 'job', title: t('data.jobs.col.job'), render: (_: unknown, j: JobRunT) => jobName(j.job) },
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
