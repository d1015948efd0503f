import { useState } from 'react'
import { Button, Card, Empty, Popconfirm, Space, Table, Tag, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { CSI_SURVEYS, type CsiSurvey } from '../../../../shared/domain/csi'
import { decimalFromTenths } from '../../../../shared/format/numbers'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import { CsiEntryModal, type CsiEntry } from './CsiEntryModal'
import { CsiImportDrawer } from './CsiImportDrawer'
import './csi.css'

type Result = OutputOf<Contract['csi.list']>['results'][number]

const surveyKey = (s: CsiSurvey) => `csiSurvey.${s}` as MessageKey

/** The maker's CSI results of the last 12 months: the latest per survey against its target, then every month. */
export function CsiScreen() {
  const t = useT()
  const canEnter = useCan('care.csi')
  const list = useApiQuery('csi.list', { months: 12 })
  const [editing, setEditing] = useState<CsiEntry | null>(null)
  const [importing, setImporting] = useState(false)
  const remove = useApiMutation('csi.delete')
  const data = list.data
  const results = data?.results ?? []
  const latest = CSI_SURVEYS.map((survey) => results.find((r) => r.survey === survey)).filter((r): r is Result => r !== undefined)
  const scoreTag = (r: Pick<Result, 'scoreTenths' | 'targetTenths'>) => (
    <Tag color={r.scoreTenths >= r.targetTenths ? 'green' : 'red'} className="csi-score">
      {decimalFromTenths(r.scoreTenths)}
    </Tag>
  )
  const weakest = (r: Result) =>
    r.weakest.length === 0 ? (
      <Typography.Text type="secondary">{r.items.length === 0 ? t('csi.noItems') : '—'}</Typography.Text>
    ) : (
      r.weakest.map((i) => (
        <div key={i.code}>
          {i.label} {decimalFromTenths(i.scoreTenths)}/{decimalFromTenths(i.maxTenths)}
        </div>
      ))
    )
  return (
    <div className="csi-screen">
      <Space className="csi-head" align="baseline">
        <Typography.Title level={4}>{t('csi.title')}</Typography.Title>
        <Typography.Text type="secondary">{t('csi.hint')}</Typography.Text>
        {canEnter && (
          <Button type="primary" onClick={() => setEditing({ survey: 'mystery_shopper', month: data?.toMonth ?? '', scoreTenths: null, items: [], note: '', version: 0 })}>
            {t('csi.enter')}
          </Button>
        )}
        {canEnter && <Button onClick={() => setImporting(true)}>{t('csiImport.open')}</Button>}
      </Space>
      <Space className="csi-latest" wrap align="start">
        {latest.map((r) => (
          <Card key={r.survey} size="small" title={`${t(surveyKey(r.survey))} · ${r.month}`} aria-label={t(surveyKey(r.survey))}>
            <div className="csi-latest-score">
              {scoreTag(r)}
              <Typography.Text type="secondary">
                {t('csi.target')} {decimalFromTenths(r.targetTenths)} · {r.scoreTenths >= r.targetTenths ? t('csi.onTarget') : t('csi.belowTarget')}
              </Typography.Text>
            </div>
            <div className="csi-latest-weakest">
              <Typography.Text strong>{t('csi.weakest')}</Typography.Text>
              {weakest(r)}
            </div>
          </Card>
        ))}
      </Space>
      <Table<Result>
        size="small"
        rowKey="id"
        loading={list.isPending}
        pagination={false}
        dataSource={results}
        aria-label={t('csi.trend')}
        locale={{ emptyText: <Empty description={data ? t('csi.none', { from: data.fromMonth, to: data.toMonth }) : ''} /> }}
        columns={[
          { title: t('csi.month'), dataIndex: 'month', width: 90 },
          { title: t('csi.survey'), dataIndex: 'survey', width: 120, render: (s: CsiSurvey) => t(surveyKey(s)) },
          { title: t('csi.score'), key: 'score', width: 90, render: (_, r) => scoreTag(r) },
          {
            title: t('csi.change'),
            dataIndex: 'changeTenths',
            width: 90,
            render: (c: number | null) => (c === null ? '—' : <span className={c < 0 ? 'csi-down' : 'csi-up'}>{c > 0 ? `+${decimalFromTenths(c)}` : decimalFromTenths(c)}</span>),
          },
          { title: t('csi.weakest'), key: 'weakest', render: (_, r) => weakest(r) },
          { title: t('csi.enteredBy'), dataIndex: 'enteredBy', width: 100 },
          ...(canEnter
            ? [
                {
                  title: '',
                  key: 'actions',
                  width: 120,
                  render: (_: unknown, r: Result) => (
                    <Space size="small">
                      <Button size="small" type="link" onClick={() => setEditing({ survey: r.survey, month: r.month, scoreTenths: r.scoreTenths, items: r.items, note: r.note, version: r.version })}>
                        {t('csi.edit')}
                      </Button>
                      <Popconfirm title={t('csi.deleteConfirm', { month: r.month, survey: t(surveyKey(r.survey)) })} onConfirm={() => remove.mutate({ id: r.id, version: r.version })}>
                        <Button size="small" type="link" danger>
                          {t('csi.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing && <CsiEntryModal entry={editing} onClose={() => setEditing(null)} />}
      {importing && <CsiImportDrawer onClose={() => setImporting(false)} />}
    </div>
  )
}
