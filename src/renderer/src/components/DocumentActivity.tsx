import { useState } from 'react'
import { Collapse, Table, Typography } from 'antd'
import { useStore } from 'zustand'
import type { DocumentKind } from '../../../shared/contract/audit'
import type { OutputOf } from '../../../shared/contract/types'
import type { Contract } from '../../../shared/contract'
import { auditActionLabel, describeAuditDetail } from '../../../shared/format/audit-detail'
import { useApiQuery } from '../api/query-client'
import { useLocale, useSessionStore, useT } from '../i18n'
import { dateTime } from '../format'

type Row = OutputOf<Contract['audit.document']>[number]

const READS: Record<DocumentKind, string> = { ro: 'reception.read', settlement: 'settlement.read', po: 'parts.read', stocktake: 'parts.read' }

/**
 * 操作记录: who changed this document and when, folded away under the document until opened.
 * The same component in every document's screen; the host decides who may read it.
 */
export function DocumentActivity({ kind, id }: { kind: DocumentKind; id: number }) {
  const t = useT()
  const locale = useLocale()
  const may = useStore(useSessionStore(), (s) => s.user?.permissions.includes(READS[kind]) ?? false)
  const [open, setOpen] = useState(false)
  // Read once opened; the live-event table re-reads it when the document changes (its events
  // name `audit.document`).
  const query = useApiQuery('audit.document', { kind, id }, { enabled: open && may })
  const rows: Row[] | null = query.data ?? null
  const error = query.error?.message ?? null

  if (!may) return null
  const columns = [
    { key: 'at', title: t('audit.col.at'), width: 150, render: (_: unknown, r: Row) => dateTime(r.at) },
    { key: 'user', title: t('audit.col.user'), width: 110, render: (_: unknown, r: Row) => r.userName ?? t('audit.system') },
    { key: 'action', title: t('audit.col.action'), width: 170, render: (_: unknown, r: Row) => auditActionLabel(r.action, locale) },
    {
      key: 'detail',
      title: t('audit.col.detail'),
      // Every field through the shared formatters and catalogs, never the stored JSON.
      render: (_: unknown, r: Row) => {
        const text = describeAuditDetail(r.detail, locale)
        return (
          <Typography.Text type="secondary" className="audit-detail" ellipsis={{ tooltip: text }}>
            {text}
          </Typography.Text>
        )
      },
    },
  ]
  return (
    <Collapse
      size="small"
      className="document-activity"
      style={{ marginTop: 12 }}
      onChange={(keys) => setOpen(keys.length > 0)}
      items={[
        {
          key: 'activity',
          label: rows ? t('audit.feedCount', { n: rows.length }) : t('audit.feed'),
          children: error ? (
            <Typography.Text type="danger">{error}</Typography.Text>
          ) : (
            <Table size="small" rowKey="id" columns={columns} dataSource={rows ?? []} loading={rows === null} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
          ),
        },
      ]}
    />
  )
}
