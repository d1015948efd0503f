import { useT } from '../../i18n'
import { timeOnly } from '../../format'
import type { BoardCardT } from '../../stores/workshop-store'
import { JOB_COLOUR } from '../workshop/colours'
import { countdownText, minutesLeft } from '../workshop/countdown'

/** One car on the wall: plate first (people look for their car), then promise, flags and who works on it. */
export function WallCard({ card, nowMs }: { card: BoardCardT; nowMs: number }) {
  const t = useT()
  const minutes = minutesLeft(card.promisedAt, nowMs)
  const late = minutes !== null && minutes < 0 && card.roState !== 'ready'
  const flags = late && !card.flags.includes('overdue') ? [...card.flags, 'overdue' as const] : card.flags
  const jobs = card.jobs.filter((j) => j.state !== 'done' || card.column === 'qc' || card.column === 'wash' || card.column === 'ready')
  return (
    <article className={`wall-card${late ? ' wall-card-late' : ''}`} aria-label={t('wk.card.label', { plate: card.plate ?? t('wk.noPlate'), number: card.number })}>
      <div className="wall-card-top">
        <span className="wall-plate">{card.plate ?? t('wk.noPlate')}</span>
        {card.promisedAt && <span className={`wall-promise${late ? ' wall-late' : ''}`}>{timeOnly(card.promisedAt)}</span>}
      </div>
      {(flags.length > 0 || (minutes !== null && card.roState !== 'ready')) && (
        <div className="wall-flags">
          {minutes !== null && card.roState !== 'ready' && (
            <span className={`wall-countdown${late ? ' wall-flag-overdue' : ''}`}>{countdownText(t, minutes)}</span>
          )}
          {flags
            .filter((f) => f !== 'overdue')
            .map((f) => (
              <span key={f} className={`wall-flag wall-flag-${f}`}>
                {t(`boardFlag.${f}`)}
              </span>
            ))}
        </div>
      )}
      <div className="wall-model">
        {card.model} · {t(`roType.${card.type}`)} · {card.advisorName}
      </div>
      <ul className="wall-jobs">
        {jobs.slice(0, 3).map((j) => (
          <li key={j.id ?? `line-${j.lineId}`}>
            <span className={`ws-dot ws-dot-${JOB_COLOUR[j.state]}`} aria-hidden />
            <span className="wall-job-who">{j.technicianName ?? t('wk.job.nobody')}</span>
            <span className="wall-job-what">{j.description}</span>
          </li>
        ))}
        {jobs.length > 3 && <li className="wall-more">{t('wk.wall.more', { n: jobs.length - 3 })}</li>}
      </ul>
    </article>
  )
}
