import { useMemo, useState } from 'react'
import { Alert, App, Segmented, Select, Skeleton, Typography } from 'antd'
import { RO_TYPES } from '../../../../shared/domain/ro-type'
import { useT } from '../../i18n'
import { navigate } from '../../router'
import { useBoard, useWorkshopUi, useWorkshopWrite, type BoardCardT, type BoardT } from '../../stores/workshop-store'
import { applyFilter, bayLanes, columnsOf, technicianLanes } from './board-model'
import { BoardGrid, type DropTarget, type GridColumn } from './BoardGrid'
import { COLUMN_COLOUR } from './colours'
import { dispatchLines, isOverridable } from './dispatch'
import { DispatchDialog, type DispatchRequest } from './DispatchDialog'
import type { DragLoad } from './RoCard'
import { TechnicianStrip } from './TechnicianStrip'
import { useHostNow } from './use-workshop'
import { useCan } from '../../permissions'

type View = 'status' | 'technicians' | 'bays'
const VIEW_KEY = 'workshop.boardView'

function savedView(): View {
  const v = window.localStorage.getItem(VIEW_KEY)
  return v === 'technicians' || v === 'bays' ? v : 'status'
}

function columnsFor(view: View, board: BoardT, cards: BoardCardT[], t: ReturnType<typeof useT>): GridColumn[] {
  if (view === 'status') {
    return columnsOf(cards).map(({ column, cards: list }) => ({
      key: column,
      title: t(`boardColumn.${column}`),
      colour: COLUMN_COLOUR[column],
      cards: list,
    }))
  }
  if (view === 'technicians') {
    return technicianLanes(board, cards, t('wk.board.unassigned')).map((lane) => {
      const tech = board.technicians.find((x) => x.id === lane.technicianId)
      return {
        key: lane.key,
        title: lane.title,
        cards: lane.cards,
        ...(lane.technicianId === undefined ? {} : { drop: { technicianId: lane.technicianId } }),
        ...(tech ? { sub: tech.skills.map((s) => t(`skill.${s}`)).join(' / ') || t('wk.board.noSkills') } : {}),
      }
    })
  }
  return bayLanes(board, cards, t('wk.board.noBay')).map((lane) => {
    const bay = board.bays.find((b) => b.id === lane.bayId)
    return {
      key: lane.key,
      title: lane.title,
      cards: lane.cards,
      ...(lane.bayId === undefined ? {} : { drop: { bayId: lane.bayId } }),
      ...(bay ? { sub: t(`bayKind.${bay.kind}`) } : {}),
    }
  })
}

/** 车间看板: every order in the shop by status or by lane, with filters and dispatch. */
export function BoardView() {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const board = useBoard().board
  const error = useBoard().error
  const filter = useWorkshopUi((s) => s.filter)
  const canDispatch = useCan('workshop.dispatch')
  const nowMs = useHostNow()
  const [view, setView] = useState<View>(savedView)
  const [request, setRequest] = useState<DispatchRequest | null>(null)


  const cards = useMemo(() => (board ? applyFilter(board.cards, filter) : []), [board, filter])
  const advisors = useMemo(() => {
    const byId = new Map((board?.cards ?? []).map((c) => [c.advisorId, c.advisorName]))
    return [...byId].map(([value, label]) => ({ value, label }))
  }, [board])

  if (!board) return error ? <Alert type="error" showIcon title={error} /> : <Skeleton active />

  const chooseView = (v: View) => {
    setView(v)
    window.localStorage.setItem(VIEW_KEY, v)
  }

  const open = (card: BoardCardT) => navigate({ name: 'workshopRo', id: card.roId })

  const dropped = async (target: DropTarget, load: DragLoad) => {
    const card = board.cards.find((c) => c.roId === load.roId)
    if (!card || !canDispatch) return
    // A bay lane says where, not who: ask for the technician.
    if (target.technicianId === undefined) return setRequest({ card, lineIds: load.lineIds, ...(target.bayId ? { bayId: target.bayId } : {}) })
    const failure = await dispatchLines(write, load.lineIds, { technicianId: target.technicianId })
    if (!failure) {
      const name = board.technicians.find((x) => x.id === target.technicianId)?.name ?? ''
      void message.success(t('wk.dispatch.done', { number: card.number, name }))
    } else if (isOverridable(failure)) setRequest({ card, lineIds: load.lineIds, technicianId: target.technicianId, failure })
    else void message.error(failure.message)
  }

  const setFilter = (patch: Partial<typeof filter>) => {
    const next = { ...filter, ...patch }
    for (const key of Object.keys(next) as (keyof typeof next)[]) if (next[key] === undefined) delete next[key]
    useWorkshopUi.getState().setFilter(next)
  }

  return (
    <div className="ws-board">
      <div className="ws-toolbar">
        <Segmented<View>
          value={view}
          onChange={chooseView}
          aria-label={t('wk.board.view')}
          options={[
            { value: 'status', label: t('wk.board.byStatus') },
            { value: 'technicians', label: t('wk.board.byTechnician') },
            { value: 'bays', label: t('wk.board.byBay') },
          ]}
        />
        <Select
          allowClear
          className="ws-filter"
          placeholder={t('wk.filter.advisor')}
          aria-label={t('wk.filter.advisor')}
          value={filter.advisorId}
          onChange={(v: number | undefined) => setFilter({ advisorId: v })}
          options={advisors}
        />
        <Select
          allowClear
          className="ws-filter"
          placeholder={t('wk.filter.type')}
          aria-label={t('wk.filter.type')}
          value={filter.type}
          onChange={(v: BoardCardT['type'] | undefined) => setFilter({ type: v })}
          options={RO_TYPES.map((type) => ({ value: type, label: t(`roType.${type}`) }))}
        />
        <Select
          allowClear
          className="ws-filter"
          placeholder={t('wk.filter.bay')}
          aria-label={t('wk.filter.bay')}
          value={filter.bayId}
          onChange={(v: number | undefined) => setFilter({ bayId: v })}
          options={board.bays.map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }))}
        />
        <Typography.Text type="secondary" className="ws-keys">
          {canDispatch ? t('wk.board.keysDispatch') : t('wk.board.keys')}
        </Typography.Text>
        <span className="ws-total">{t('wk.board.total', { n: cards.length })}</span>
      </div>
      {view === 'status' && <TechnicianStrip board={board} canDispatch={canDispatch} onDrop={(technicianId, load) => void dropped({ technicianId }, load)} />}
      <BoardGrid
        columns={columnsFor(view, board, cards, t)}
        nowMs={nowMs}
        canDispatch={canDispatch}
        label={t('wk.board.title')}
        onDispatch={(card, lineIds, preset) =>
          setRequest({
            card,
            lineIds,
            ...(preset?.technicianId ? { technicianId: preset.technicianId } : {}),
            ...(preset?.bayId ? { bayId: preset.bayId } : {}),
          })
        }
        onOpen={open}
        onDrop={(target, load) => void dropped(target, load)}
      />
      {request && <DispatchDialog board={board} request={request} onClose={() => setRequest(null)} />}
    </div>
  )
}
