import { Table, Tag } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import type { StockMoveT } from '../../../stores/parts-types'
import { partsHref, type PartsView } from '../parts-route'
import { qty, signedQty } from '../parts-format'

const KIND_COLOUR: Record<StockMoveT['kind'], string> = {
  receipt: 'green',
  issue: 'blue',
  return: 'cyan',
  adjustment: 'orange',
  stocktake: 'purple',
  transfer: 'default',
}

export function MoveKindTag({ kind }: { kind: StockMoveT['kind'] }) {
  const t = useT()
  return <Tag color={KIND_COLOUR[kind]}>{t(`moveKind.${kind}`)}</Tag>
}

function refView(move: StockMoveT): PartsView | null {
  if (move.refId === null) return move.refType === 'external' ? { kind: 'tab', tab: 'external' } : null
  if (move.refType === 'ro') return { kind: 'pick', roId: move.refId }
  if (move.refType === 'po') return { kind: 'po', id: move.refId }
  if (move.refType === 'stocktake') return { kind: 'stocktake', id: move.refId }
  if (move.refType === 'external') return { kind: 'tab', tab: 'external' }
  return null
}

/** The document a move belongs to, as a link where the counter has a screen for it. */
function RefLink({ move }: { move: StockMoveT }) {
  const t = useT()
  const type = move.refType === 'ro' || move.refType === 'po' || move.refType === 'stocktake' || move.refType === 'external' ? move.refType : 'manual'
  const label = t(`pt.ref.${type}`)
  const view = refView(move)
  return view ? <a href={partsHref(view)}>{label}</a> : <span className="muted">{label}</span>
}

/** Ledger moves, newest first: what moved, at what cost, by whom, why, and the balance after. */
export function MovesTable({ moves, showPart = false, label }: { moves: StockMoveT[]; showPart?: boolean; label: string }) {
  const t = useT()
  const locale = useLocale()
  return (
    <Table<StockMoveT>
      size="small"
      rowKey="id"
      dataSource={moves}
      pagination={false}
      aria-label={label}
      locale={{ emptyText: t('pt.ledger.noMoves') }}
      columns={[
        { title: t('pt.ledger.at'), dataIndex: 'at', width: 128, render: (v: string) => dateTime(v) },
        ...(showPart
          ? [{ title: t('field.partNumber'), dataIndex: 'partNumber', width: 140, render: (v: string) => <span className="mono">{v}</span> }]
          : []),
        { title: t('pt.ledger.kind'), dataIndex: 'kind', width: 84, render: (v: StockMoveT['kind']) => <MoveKindTag kind={v} /> },
        {
          title: t('pt.ledger.quantity'),
          dataIndex: 'quantityMilli',
          width: 70,
          align: 'right',
          render: (v: number) => <span className={v < 0 ? 'num pt-out' : 'num pt-in'}>{signedQty(v)}</span>,
        },
        { title: t('field.unitCostFen'), dataIndex: 'unitCostFen', width: 96, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
        { title: t('pt.ledger.value'), dataIndex: 'valueFen', width: 104, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
        { title: t('pt.ledger.onHandAfter'), dataIndex: 'onHandMilliAfter', width: 70, align: 'right', render: (v: number) => <span className="num">{qty(v)}</span> },
        { title: t('pt.ledger.valueAfter'), dataIndex: 'valueFenAfter', width: 104, align: 'right', render: (v: number) => <span className="num">{money(v, locale)}</span> },
        { title: t('pt.ledger.user'), dataIndex: 'userName', width: 80, render: (v: string | null) => v ?? '—' },
        { title: t('pt.ledger.reason'), dataIndex: 'reason', ellipsis: true },
        { title: t('pt.ledger.ref'), key: 'ref', width: 80, render: (_, m) => <RefLink move={m} /> },
        { title: t('field.bin'), dataIndex: 'bin', width: 80, render: (v: string | null) => <span className="mono">{v ?? ''}</span> },
      ]}
    />
  )
}
