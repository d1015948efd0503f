import { useState } from 'react'
import { Alert, App, Button, Segmented, Space, Table, Tag } from 'antd'
import { OLD_PART_DISPOSITIONS } from '../../../../../shared/contract/parts-shapes'
import { useApiMutation } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { dateTime } from '../../../format'
import type { OldPartT } from '../../../stores/parts-types'
import { partsHref } from '../parts-route'
import { qty } from '../parts-format'
import { useChannel } from '../use-parts'
import { useCan } from '../../../permissions'

type Disposition = OldPartT['disposition']

// The host's rule, mirrored so only allowed buttons show: a customer's old part goes back to them
// or is scrapped; a warranty part is kept, then shipped back to the maker — never scrapped.
const NEXT: Record<'warranty' | 'other', Partial<Record<Disposition, Disposition[]>>> = {
  warranty: { pending: ['kept_for_warranty'], kept_for_warranty: ['shipped_to_maker'] },
  other: { pending: ['returned_to_customer', 'scrapped'] },
}

export function nextDispositions(warranty: boolean, from: Disposition): Disposition[] {
  return NEXT[warranty ? 'warranty' : 'other'][from] ?? []
}

const COLOUR: Record<Disposition, string> = {
  pending: 'gold',
  returned_to_customer: 'green',
  scrapped: 'default',
  kept_for_warranty: 'purple',
  shipped_to_maker: 'blue',
}

function Actions({ row }: { row: OldPartT }) {
  const t = useT()
  const { message } = App.useApp()
  const write = useApiMutation('oldparts.dispose', {
    onSuccess: (_, input) => void message.success(t('pt.old.disposed', { tag: row.tag, disposition: `oldPart.${input.disposition}` })),
  })
  const dispose = (disposition: Exclude<Disposition, 'pending'>) => write.mutate({ id: row.id, version: row.version, disposition, note: '' })
  return (
    <Space size={4}>
      {nextDispositions(row.warranty, row.disposition).map((d) =>
        d === 'pending' ? null : (
          <Button key={d} size="small" onClick={() => dispose(d)}>
            {t(`pt.old.to.${d}`)}
          </Button>
        ),
      )}
    </Space>
  )
}

/** 旧件: parts taken off cars, tagged to their order, until they are handed back, scrapped or shipped. */
export function OldPartsView() {
  const t = useT()
  const canHandle = useCan('parts.issue')
  const [disposition, setDisposition] = useState<Disposition | 'all'>('pending')
  const list = useChannel('oldparts.list', { ...(disposition === 'all' ? {} : { disposition }), limit: 500 })

  return (
    <div className="pt-view">
      <div className="pt-toolbar">
        <Segmented<Disposition | 'all'>
          value={disposition}
          onChange={setDisposition}
          options={[...OLD_PART_DISPOSITIONS.map((d) => ({ value: d, label: t(`oldPart.${d}`) })), { value: 'all', label: t('pt.all') }]}
        />
        <span className="muted">{t('pt.old.hint')}</span>
      </div>
      {list.error && <Alert type="error" showIcon title={list.error} className="pt-gap" />}
      <Table<OldPartT>
        size="small"
        rowKey="id"
        dataSource={list.data ?? []}
        pagination={false}
        aria-label={t('pt.tab.oldParts')}
        locale={{ emptyText: t('pt.old.empty') }}
        columns={[
          { title: t('pt.old.tagNo'), dataIndex: 'tag', width: 130, render: (v: string) => <span className="mono">{v}</span> },
          { title: t('field.roNumber'), dataIndex: 'roNumber', width: 130, render: (v: string, r) => <a className="mono" href={partsHref({ kind: 'pick', roId: r.roId })}>{v}</a> },
          { title: t('field.partNumber'), dataIndex: 'partNumber', width: 130, render: (v: string | null) => <span className="mono">{v ?? '—'}</span> },
          { title: t('pt.old.description'), dataIndex: 'description', ellipsis: true },
          { title: t('pt.ledger.quantity'), dataIndex: 'quantityMilli', width: 60, align: 'right', render: (v: number) => <span className="num">{qty(v)}</span> },
          { title: t('field.warranty'), dataIndex: 'warranty', width: 70, render: (v: boolean) => (v ? <Tag color="purple">{t('field.warranty')}</Tag> : '') },
          { title: t('field.disposition'), dataIndex: 'disposition', width: 100, render: (v: Disposition) => <Tag color={COLOUR[v]}>{t(`oldPart.${v}`)}</Tag> },
          { title: t('pt.createdAt'), dataIndex: 'createdAt', width: 130, render: (v: string) => dateTime(v) },
          { title: t('pt.old.disposedAt'), dataIndex: 'disposedAt', width: 130, render: (v: string | null) => dateTime(v) },
          { title: t('pt.note'), dataIndex: 'note', ellipsis: true },
          ...(canHandle ? [{ title: t('pt.old.handle'), key: 'act', width: 170, render: (_: unknown, r: OldPartT) => <Actions row={r} /> }] : []),
        ]}
      />
    </div>
  )
}
