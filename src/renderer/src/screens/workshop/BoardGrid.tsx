import { useRef, useState, type DragEvent, type KeyboardEvent, type ReactNode } from 'react'
import { useT } from '../../i18n'
import type { BoardCardT } from '../../stores/workshop-store'
import { moveInGrid } from './board-model'
import './board.css'
import { DRAG_TYPE, RoCard, type DragLoad } from './RoCard'

export interface DropTarget {
  technicianId?: number
  bayId?: number
}

export interface GridColumn {
  key: string
  title: ReactNode
  colour?: string
  cards: BoardCardT[]
  /** A lane that takes dropped jobs: a technician's (dispatch at once) or a bay's (asks who). */
  drop?: DropTarget
  /** Shown under the title: the technician's load, the bay's occupant. */
  sub?: ReactNode
}

interface Props {
  columns: GridColumn[]
  nowMs: number
  canDispatch: boolean
  label: string
  onDispatch(card: BoardCardT, lineIds: number[], preset?: DropTarget): void
  onOpen(card: BoardCardT): void
  onDrop(target: DropTarget, load: DragLoad): void
}

function readLoad(event: DragEvent): DragLoad | null {
  try {
    const load = JSON.parse(event.dataTransfer.getData(DRAG_TYPE)) as DragLoad
    return Array.isArray(load.lineIds) && typeof load.roId === 'number' ? load : null
  } catch {
    return null
  }
}

/**
 * Columns of cards — status columns or lanes. Arrow keys move between cards (Tab walks cards and
 * their jobs), D or Enter dispatches, O opens; a job or card dropped on a lane is dispatched there.
 */
export function BoardGrid({ columns, nowMs, canDispatch, label, onDispatch, onOpen, onDrop }: Props) {
  const t = useT()
  const root = useRef<HTMLDivElement>(null)
  const [over, setOver] = useState<string | null>(null)

  const focusCard = (col: number, row: number) => root.current?.querySelector<HTMLElement>(`[data-card="${col}-${row}"]`)?.focus()

  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement
    if (!event.key.startsWith('Arrow')) return
    const job = target.closest<HTMLElement>('[data-job]')
    if (job && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      const jobs = [...(job.parentElement?.querySelectorAll<HTMLElement>('[data-job][tabindex="0"]') ?? [])]
      const next = jobs[jobs.indexOf(job) + (event.key === 'ArrowUp' ? -1 : 1)]
      event.preventDefault()
      if (next) next.focus()
      else job.closest<HTMLElement>('[data-card]')?.focus()
      return
    }
    const card = target.closest<HTMLElement>('[data-card]')
    const [col, row] = (card?.dataset.card ?? '').split('-').map(Number)
    if (col === undefined || row === undefined || Number.isNaN(col) || Number.isNaN(row)) return
    const next = moveInGrid(
      columns.map((c) => c.cards.length),
      { col, row },
      event.key,
    )
    event.preventDefault()
    if (next) focusCard(next.col, next.row)
  }

  const dragOver = (event: DragEvent, column: GridColumn) => {
    if (!column.drop || !event.dataTransfer.types.includes(DRAG_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    if (over !== column.key) setOver(column.key)
  }

  const drop = (event: DragEvent, column: GridColumn) => {
    setOver(null)
    if (!column.drop) return
    event.preventDefault()
    const load = readLoad(event)
    if (load) onDrop(column.drop, load)
  }

  return (
    <div className="ws-grid" ref={root} onKeyDown={onKey} role="region" aria-label={label}>
      {columns.map((column, col) => (
        <section
          key={column.key}
          className={`ws-col${column.drop ? ' ws-col-drop' : ''}${over === column.key ? ' ws-col-over' : ''}`}
          aria-label={typeof column.title === 'string' ? column.title : column.key}
          data-lane={column.key}
          onDragOver={(e) => dragOver(e, column)}
          onDragLeave={() => setOver((o) => (o === column.key ? null : o))}
          onDrop={(e) => drop(e, column)}
        >
          <header className="ws-col-head" style={column.colour ? { borderTopColor: column.colour } : undefined}>
            <span className="ws-col-title">{column.title}</span>
            <span className="ws-count">{column.cards.length}</span>
            {column.sub && <div className="ws-col-sub">{column.sub}</div>}
          </header>
          <div className="ws-col-body">
            {column.cards.length === 0 ? (
              <div className="ws-empty">{column.drop && canDispatch ? t('wk.board.dropHere') : t('wk.board.none')}</div>
            ) : (
              column.cards.map((card, row) => (
                <RoCard
                  key={card.roId}
                  card={card}
                  cardKey={`${col}-${row}`}
                  nowMs={nowMs}
                  canDispatch={canDispatch}
                  onDispatch={(c, lineIds) => onDispatch(c, lineIds, column.drop)}
                  onOpen={onOpen}
                />
              ))
            )}
          </div>
        </section>
      ))}
    </div>
  )
}
