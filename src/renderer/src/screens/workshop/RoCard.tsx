import type { DragEvent, KeyboardEvent } from 'react'
import { Tag } from 'antd'
import { useT } from '../../i18n'
import { timeOnly } from '../../format'
import type { BoardCardT, JobT } from '../../stores/workshop-store'
import { currentBayOf, defaultLineIds, isDispatchable } from './board-model'
import { countdownText, minutesLeft } from './countdown'
import { JOB_COLOUR, FLAG_COLOUR } from './colours'

/** What a dragged card or job carries to a technician lane. */
export interface DragLoad {
  roId: number
  lineIds: number[]
}

export const DRAG_TYPE = 'application/x-workshop-job'

interface Props {
  card: BoardCardT
  /** Unique on the board: a card may show in several lanes. */
  cardKey: string
  nowMs: number
  canDispatch: boolean
  onDispatch(card: BoardCardT, lineIds: number[]): void
  onOpen(card: BoardCardT): void
}

function startDrag(event: DragEvent, load: DragLoad) {
  event.stopPropagation()
  event.dataTransfer.setData(DRAG_TYPE, JSON.stringify(load))
  event.dataTransfer.effectAllowed = 'move'
}

/** A repair order on the board: the car, its promise, its flags and every job with who holds it. */
export function RoCard({ card, cardKey, nowMs, canDispatch, onDispatch, onOpen }: Props) {
  const t = useT()
  const minutes = minutesLeft(card.promisedAt, nowMs)
  // The host flags lateness when it reads the board; the countdown may pass the promise since.
  const flags = minutes !== null && minutes < 0 && card.roState !== 'ready' && !card.flags.includes('overdue') ? [...card.flags, 'overdue' as const] : card.flags
  const cardLines = defaultLineIds(card)
  const late = minutes !== null && minutes < 0 && card.roState !== 'ready'
  // The car's bay once on the card; a job shows its own only when it is elsewhere.
  const bayId = currentBayOf(card)
  const bayCode = bayId === null ? null : (card.jobs.find((j) => j.bayId === bayId)?.bayCode ?? null)

  const onCardKey = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget) return
    const key = event.key.toLowerCase()
    if ((key === 'd' || key === 'enter') && canDispatch && cardLines.length > 0) {
      event.preventDefault()
      onDispatch(card, cardLines)
    } else if (key === 'o' || key === 'enter') {
      event.preventDefault()
      onOpen(card)
    }
  }

  const onJobKey = (event: KeyboardEvent, job: JobT) => {
    const key = event.key.toLowerCase()
    if ((key === 'd' || key === 'enter') && canDispatch && isDispatchable(job)) {
      event.preventDefault()
      event.stopPropagation()
      onDispatch(card, [job.lineId as number])
    }
  }

  return (
    <article
      className={`ws-card${flags.includes('overdue') ? ' ws-card-late' : ''}`}
      tabIndex={0}
      data-card={cardKey}
      aria-label={t('wk.card.label', { plate: card.plate ?? t('wk.noPlate'), number: card.number })}
      draggable={canDispatch && cardLines.length > 0}
      onDragStart={(e) => startDrag(e, { roId: card.roId, lineIds: cardLines })}
      onKeyDown={onCardKey}
      onDoubleClick={() => onOpen(card)}
    >
      <div className="ws-card-head">
        <span className="ws-plate">{card.plate ?? t('wk.noPlate')}</span>
        <span className="ws-model" title={card.model}>
          {card.model}
        </span>
        {bayCode && (
          <span className="ws-bay" title={t('field.bayId')}>
            {bayCode}
          </span>
        )}
      </div>
      <div className="ws-card-sub">
        <Tag className="ws-tag">{t(`roType.${card.type}`)}</Tag>
        <span className="muted">{card.advisorName}</span>
        {/* The year and prefix are the same on every card: the sequence's tail tells them apart. */}
        <a className="ws-number mono" href={`#/workshop/ro/${card.roId}`} tabIndex={-1} title={card.number}>
          …{card.number.slice(-4)}
        </a>
      </div>
      {card.promisedAt && (
        <div className={`ws-promise${late ? ' ws-late' : ''}`} title={t('field.promisedAt')}>
          {t('wk.card.promised', { time: timeOnly(card.promisedAt) })}
          {minutes !== null && card.roState !== 'ready' ? ` · ${countdownText(t, minutes)}` : ''}
        </div>
      )}
      {flags.length > 0 && (
        <div className="ws-flags">
          {flags.map((f) => (
            <Tag key={f} color={FLAG_COLOUR[f]} className="ws-tag">
              {t(`boardFlag.${f}`)}
            </Tag>
          ))}
        </div>
      )}
      <ul className="ws-jobs">
        {card.jobs.map((job) => {
          const movable = canDispatch && isDispatchable(job)
          return (
            <li
              key={job.id ?? `line-${job.lineId}`}
              className={`ws-job ws-job-${job.state}`}
              tabIndex={movable ? 0 : -1}
              data-job={job.lineId ?? ''}
              aria-label={t('wk.job.label', { job: job.description, state: `jobState.${job.state}` })}
              title={`${job.description} · ${t(`jobState.${job.state}`)}${job.pauseReason && job.state === 'paused' ? ` · ${t(`pauseReason.${job.pauseReason}`)}` : ''}`}
              draggable={movable}
              onDragStart={(e) => movable && startDrag(e, { roId: card.roId, lineIds: [job.lineId as number] })}
              onKeyDown={(e) => onJobKey(e, job)}
            >
              <span className={`ws-dot ws-dot-${JOB_COLOUR[job.state]}`} aria-hidden />
              <span className="ws-job-text">
                {job.description}
              </span>
              <span className="ws-job-who">
                {job.technicianName ?? t('wk.job.nobody')}
                {job.bayCode && job.bayCode !== bayCode ? ` · ${job.bayCode}` : ''}
              </span>
            </li>
          )
        })}
      </ul>
    </article>
  )
}
