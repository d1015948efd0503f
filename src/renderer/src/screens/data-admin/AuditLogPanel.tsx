import { useCallback, useEffect, useState } from 'react'
import { Button, DatePicker, Input, Select, Space, Table, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import type { Contract } from '../../../../shared/contract'
import type { InputOf, OutputOf } from '../../../../shared/contract/types'
import { isMessageKey } from '../../../../shared/i18n'
import { useApi } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { describeAuditDetail } from '../../../../shared/format/audit-detail'
import { dateTime } from '../../format'
import type { Report } from './DataAdminScreen'
import { XLSX_MIME } from '../../../../shared/domain/file-types'
import { saveFile } from '../../files/save-file'

type Row = OutputOf<Contract['audit.log']>['rows'][number]
type Filter = InputOf<Contract['audit.export']>

const ENTITIES = ['repair_order', 'purchase_order', 'stocktake', 'part', 'customer', 'vehicle', 'invoice', 'user', 'device', 'settings', 'lockout'] as const

/** 审计日志: the whole trail with filters (who, what kind of document, when, which action) and an XLSX export. */
export function AuditLogPanel({ report, canListUsers }: { report: Report; canListUsers: boolean }) {
  const t = useT()
  const api = useApi()
  const locale = useLocale()
  const [filter, setFilter] = useState<Filter>({})
  const [rows, setRows] = useState<Row[]>([])
  const [more, setMore] = useState(false)
  const [users, setUsers] = useState<{ value: number; label: string }[]>([])
  const [exporting, setExporting] = useState(false)

  useEffect(() => {
    if (!canListUsers) return
    void api.call('users.list', {}).then((r) => r.ok && setUsers(r.data.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))))
  }, [api, canListUsers])

  const load = useCallback(
    async (beforeId?: number) => {
      const result = await api.call('audit.log', { ...filter, ...(beforeId ? { beforeId } : {}), limit: 100 })
      if (!result.ok) return report(result, '')
      setRows((old) => (beforeId ? [...old, ...result.data.rows] : result.data.rows))
      setMore(result.data.more)
    },
    [api, filter, report],
  )

  useEffect(() => {
    void load()
  }, [load])

  const download = async () => {
    setExporting(true)
    const result = await api.call('audit.export', filter)
    setExporting(false)
    if (!result.ok) return report(result, '')
    saveFile({ fileName: result.data.fileName, mimeType: XLSX_MIME, base64: result.data.base64 })
    report(null, t('audit.exported', { n: result.data.rows }))
  }

  const set = (patch: Partial<Filter>) => setFilter((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v !== undefined && v !== '')) as Filter)
  const label = (prefix: string, code: string | null) => {
    const key = `${prefix}.${code ?? ''}`
    return isMessageKey(key) ? t(key) : (code ?? '')
  }
  const entityLabel = (e: string | null) => label('audit.entity', e)
  const columns = [
    { key: 'at', title: t('audit.col.at'), width: 150, render: (_: unknown, r: Row) => dateTime(r.at) },
    { key: 'user', title: t('audit.col.user'), width: 110, render: (_: unknown, r: Row) => r.userName ?? t('audit.system') },
    { key: 'action', title: t('audit.col.action'), width: 170, render: (_: unknown, r: Row) => label('audit.action', r.action) },
    { key: 'entity', title: t('audit.col.entity'), width: 110, render: (_: unknown, r: Row) => entityLabel(r.entity) },
    { key: 'entityId', title: t('audit.col.entityId'), width: 70, dataIndex: 'entityId' },
    {
      key: 'detail',
      title: t('audit.col.detail'),
      render: (_: unknown, r: Row) => {
        const text = describeAuditDetail(r.detail, locale)
        return (
          <Typography.Text type="secondary" ellipsis={{ tooltip: text }}>
            {text}
          </Typography.Text>
        )
      },
    },
  ]

  return (
    <div className="audit-log-panel">
      <Space wrap style={{ marginBottom: 8 }}>
        {canListUsers && (
          <Select allowClear showSearch optionFilterProp="label" placeholder={t('audit.col.user')} style={{ width: 200 }} options={users} onChange={(v: number | undefined) => set({ userId: v })} />
        )}
        <Select
          allowClear
          placeholder={t('audit.col.entity')}
          style={{ width: 150 }}
          options={ENTITIES.map((e) => ({ value: e, label: entityLabel(e) }))}
          onChange={(v: string | undefined) => set({ entity: v })}
        />
        <Input allowClear placeholder={t('audit.actionFilter')} style={{ width: 180 }} onPressEnter={(e) => set({ action: e.currentTarget.value.trim() })} onChange={(e) => e.target.value === '' && set({ action: undefined })} />
        <DatePicker.RangePicker
          onChange={(range: [Dayjs | null, Dayjs | null] | null) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <Button type="primary" loading={exporting} onClick={() => void download()}>
          {t('audit.export')}
        </Button>
      </Space>
      <Table size="small" rowKey="id" columns={columns} dataSource={rows} pagination={false} />
      {more && (
        <Button style={{ marginTop: 8 }} onClick={() => void load(rows.at(-1)?.id)}>
          {t('audit.more')}
        </Button>
      )}
    </div>
  )
}
