import { useState } from 'react'
import { Alert, App, Button, Input, Segmented, Space, Table, Tag } from 'antd'
import { EXTERNAL_STATES } from '../../../../../shared/contract/parts-shapes'
import { useApiMutation } from '../../../api/query-client'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import type { ExternalPurchaseT } from '../../../stores/parts-types'
import { partsHref } from '../parts-route'
import { qty } from '../parts-format'
import { useChannel } from '../use-parts'
import { useCan } from '../../../permissions'

type ExternalState = ExternalPurchaseT['state']
const COLOUR: Record<ExternalState, string> = { pending_qc: 'gold', accepted: 'green', rejected: 'red' }

/** The workshop supervisor's decision: accepted parts enter stock for fitting, rejected ones never do. */
function Decide({ row }: { row: ExternalPurchaseT }) {
  const t = useT()
  const { message } = App.useApp()
  const [note, setNote] = useState('')
  const write = useApiMutation('purchasing.external.decide', {
    onSuccess: (_, input) => void message.success(t(input.accept ? 'pt.external.accepted' : 'pt.external.rejected', { partNumber: row.partNumber })),
  })
  const busy = write.isPending
  const decide = (accept: boolean) => write.mutate({ id: row.id, version: row.version, accept, note })
  return (
    <Space size={4}>
      <Input size="small" value={note} placeholder={t('pt.external.qcNote')} aria-label={t('pt.external.qcNoteFor', { partNumber: row.partNumber })} onChange={(e) => setNote(e.target.value)} style={{ width: 110 }} />
      <Button size="small" type="primary" loading={busy} onClick={() => decide(true)}>
        {t('pt.external.accept')}
      </Button>
      <Button size="small" danger loading={busy} onClick={() => decide(false)}>
        {t('pt.external.reject')}
      </Button>
    </Space>
  )
}

/** 外采: parts bought outside the maker's channel, waiting for the workshop supervisor's quality check. */
export function ExternalView() {
  const t = useT()
  const locale = useLocale()
  const canConfirm = useCan('parts.external.confirm')
  const [state, setState] = useState<ExternalState | 'all'>('pending_qc')
  const list = useChannel('purchasing.external.list', { ...(state === 'all' ? {} : { state }), limit: 200 })

  return (
    <div className="pt-view">
      <div className="pt-toolbar">
        <Segmented<ExternalState | 'all'>
          value={state}
          onChange={setState}
          options={[...EXTERNAL_STATES.map((s) => ({ value: s, label: t(`externalState.${s}`) })), { value: 'all', label: t('pt.all') }]}
        />
        <span className="muted">{t('pt.external.hint')}</span>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} className="pt-gap" />}
      <Table<ExternalPurchaseT>
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        pagination={false}
        aria-label={t('pt.tab.external')}
        locale={{ emptyText: t('pt.external.empty') }}
        scroll={{ x: 1200 }}
        columns={[
          { title: t('field.roNumber'), dataIndex: 'roNumber', width: 124, render: (v: string | null, r) => (v && r.roId ? <a className="mono" href={partsHref({ kind: 'pick', roId: r.roId })}>{v}</a> : '—') },
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 130, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.name'), dataIndex: 'name', ellipsis: true },
          // Supplier and invoice are what the clerk checks against the paper: shown whole, wrapped.
          { title: t('field.supplierName'), dataIndex: 'supplierName', width: 170, className: 'cell-wrap' },
          { title: t('pt.ledger.quantity'), dataIndex: 'quantityMilli', width: 76, align: 'right', render: (v: number) => <span className="num">{qty(v)}</span> },
          { title: t('field.unitCostFen'), dataIndex: 'unitCostFen', width: 90, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
          { title: t('field.invoiceRef'), dataIndex: 'invoiceRef', width: 140, className: 'cell-wrap', render: (v: string) => <span className="mono">{v}</span> },
          {
            title: t('pt.external.requested'),
            key: 'req',
            width: 130,
            render: (_, r) => (
              <div className="pt-two-lines">
                <div>{r.requestedBy}</div>
                <div className="muted">{dateTime(r.createdAt)}</div>
              </div>
            ),
          },
          { title: t('pt.state'), dataIndex: 'state', width: 170, render: (v: ExternalState) => <Tag color={COLOUR[v]}>{t(`externalState.${v}`)}</Tag> },
          {
            title: t('pt.external.decision'),
            key: 'decide',
            width: canConfirm ? 250 : 130,
            render: (_, r) =>
              r.state === 'pending_qc' ? (
                canConfirm ? <Decide row={r} /> : <span className="muted">{t('pt.external.waiting')}</span>
              ) : (
                <div className="pt-two-lines">
                  <div>
                    {r.decidedBy} {dateTime(r.decidedAt)}
                  </div>
                  {r.qcNote && <div className="muted">{r.qcNote}</div>}
                </div>
              ),
          },
        ]}
      />
    </div>
  )
}
