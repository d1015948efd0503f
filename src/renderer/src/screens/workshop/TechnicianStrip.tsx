import { useState, type DragEvent } from 'react'
import { useT } from '../../i18n'
import type { BoardT } from '../../stores/workshop-store'
import { DRAG_TYPE, type DragLoad } from './RoCard'

/**
 * The technicians above the status columns: who is working and how much each holds, and the
 * place to drop a card or job to dispatch it to one of them.
 */
export function TechnicianStrip({ board, canDispatch, onDrop }: { board: BoardT; canDispatch: boolean; onDrop(technicianId: number, load: DragLoad): void }) {
  const t = useT()
  const [over, setOver] = useState<number | null>(null)

  const drop = (event: DragEvent, technicianId: number) => {
    setOver(null)
    event.preventDefault()
    try {
      const load = JSON.parse(event.dataTransfer.getData(DRAG_TYPE)) as DragLoad
      if (Array.isArray(load.lineIds)) onDrop(technicianId, load)
    } catch {
      // Something else was dropped (text, a file): nothing to dispatch.
    }
  }

  return (
    <div className="ws-strip" role="list" aria-label={t('wk.board.technicians')}>
      {board.technicians.map((tech) => (
        <div
          key={tech.id}
          role="listitem"
          className={`ws-strip-tech${tech.runningJobIds.length > 0 ? ' ws-strip-busy' : ''}${over === tech.id ? ' ws-col-over' : ''}`}
          aria-label={t('wk.board.dropOn', { name: tech.name })}
          onDragOver={(e) => {
            if (!canDispatch || !e.dataTransfer.types.includes(DRAG_TYPE)) return
            e.preventDefault()
            setOver(tech.id)
          }}
          onDragLeave={() => setOver((o) => (o === tech.id ? null : o))}
          onDrop={(e) => drop(e, tech.id)}
        >
          <span className={`ws-dot ws-dot-${tech.runningJobIds.length > 0 ? 'green' : tech.openJobs > 0 ? 'blue' : 'grey'}`} aria-hidden />
          <span className="ws-strip-name">{tech.name}</span>
          <span className="ws-count">{tech.openJobs}</span>
        </div>
      ))}
      {board.technicians.length === 0 && <span className="muted">{t('wk.board.noTechnicians')}</span>}
    </div>
  )
}
