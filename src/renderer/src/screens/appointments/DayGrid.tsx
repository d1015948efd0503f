import { Button, Tag } from 'antd'
import { useStore } from 'zustand'
import { useApiMutation } from '../../api/query-client'
import { useReception } from '../../stores/reception-store'
import { useSessionStore, useT } from '../../i18n'
import { nowWallClock, timeOnly, todayIn } from '../../format'
import { navigate } from '../../router'
import type { AppointmentT } from '../../stores/types'
import { useAdvisors, useAppointmentsDay, type Advisor } from '../../stores/appointments-store'
import { layoutLanes } from './day-layout'
import { dayRows, rowSpan } from './day-rows'
import { DEFAULT_OPENING_HOURS_TEXT, hhmmOf, parseOpeningHours, weekdayIndex } from '../../../../shared/domain/opening-hours'

const hhmm = hhmmOf

const STATUS_COLOUR: Record<AppointmentT['status'], string> = { booked: 'blue', arrived: 'green', no_show: 'red', cancelled: 'default' }

/** The desk's narrowing of the day: text in plate, customer, mobile or concern; one advisor. */
export interface DayFilter {
  q: string
  advisorId: number | undefined
}

interface Props {
  day: string
  filter: DayFilter
  canBook: boolean
  onBook(slot: { advisorId: number; startsAt: string }): void
}

export function DayGrid({ day, filter, canBook, onBook }: Props) {
  const t = useT()
  const all = useAppointmentsDay(day).appointments
  const needle = filter.q.trim().toLowerCase()
  const list = all.filter(
    (a) =>
      (filter.advisorId === undefined || a.advisorId === filter.advisorId) &&
      (!needle || [a.plate, a.customerName, a.mobile, a.concern, a.model].some((v) => v?.toLowerCase().includes(needle))),
  )
  const knownAll = useAdvisors()
  const known = filter.advisorId === undefined ? knownAll : knownAll.filter((a) => a.id === filter.advisorId)
  const mark = useApiMutation('appointments.setStatus')
  // Only today's arrivals can be checked in; other days can still be marked or cancelled.
  const isToday = useStore(useSessionStore(), (s) => day === todayIn(s.settings?.timeZone ?? 'Asia/Shanghai'))
  const hoursText = useStore(useSessionStore(), (s) => s.settings?.openingHours ?? DEFAULT_OPENING_HOURS_TEXT)
  const nowText = useStore(useSessionStore(), (s) => nowWallClock(s.settings?.timeZone ?? 'Asia/Shanghai'))
  // The day's rows are the opening hours, extended so every booking is drawn at its own time.
  const rows = dayRows(parseOpeningHours(hoursText)[weekdayIndex(day)] ?? null, list)
  const SLOTS = rows.slots

  // Advisors with bookings that day show even if they are no longer active.
  const advisors: Advisor[] = [...known]
  for (const a of list) if (!advisors.some((x) => x.id === a.advisorId)) advisors.push({ id: a.advisorId, name: a.advisorName })
  const lanes = layoutLanes(list)
  // Side-by-side cards need room: an advisor's column widens with their most overlapping run.
  const widest = new Map<number, number>()
  for (const a of list) widest.set(a.advisorId, Math.max(widest.get(a.advisorId) ?? 1, lanes.get(a.id)?.lanes ?? 1))
  const columns = advisors.map((adv) => `minmax(${180 * Math.min(widest.get(adv.id) ?? 1, 3)}px, ${widest.get(adv.id) ?? 1}fr)`)

  const setStatus = (a: AppointmentT, status: 'no_show' | 'cancelled' | 'booked') =>
    mark.mutateAsync({ id: a.id, version: a.version, status }).catch(() => undefined)

  const checkIn = (a: AppointmentT) => {
    useReception.getState().setPrefill({ vehicleId: a.vehicleId, appointmentId: a.id, concerns: a.concern })
    navigate({ name: 'checkIn', vehicleId: a.vehicleId, appointmentId: a.id })
  }

  return (
    <div
      className="day-grid"
      role="grid"
      aria-label={t('appts.grid', { date: day })}
      style={{ gridTemplateColumns: `64px ${columns.length ? columns.join(' ') : 'minmax(180px, 1fr)'}`, gridTemplateRows: `28px repeat(${SLOTS.length}, 44px)` }}
    >
      <div className="day-corner" />
      {advisors.map((adv, col) => (
        <div key={adv.id} className="day-head" role="columnheader" style={{ gridColumn: col + 2, gridRow: 1 }}>
          {adv.name}
        </div>
      ))}
      {SLOTS.map((minutes, row) => (
        <div
          key={minutes}
          className={rows.open[row] ? 'day-time' : 'day-time day-closed'}
          role="rowheader"
          title={rows.open[row] ? undefined : t('appts.outsideHours')}
          style={{ gridColumn: 1, gridRow: row + 2 }}
        >
          {hhmm(minutes)}
        </div>
      ))}
      {advisors.map((adv, col) =>
        SLOTS.map((minutes, row) => (
          <button
            key={`${adv.id}-${minutes}`}
            type="button"
            className={rows.open[row] ? 'day-cell' : 'day-cell day-closed'}
            disabled={!canBook}
            aria-label={t('appts.bookSlot', { advisor: adv.name, time: hhmm(minutes) })}
            style={{ gridColumn: col + 2, gridRow: row + 2 }}
            onClick={() => onBook({ advisorId: adv.id, startsAt: `${day}T${hhmm(minutes)}` })}
          />
        )),
      )}
      {list.map((a) => {
        const col = advisors.findIndex((x) => x.id === a.advisorId) + 2
        const { row: start, span } = rowSpan(rows, a.startsAt, a.durationMin)
        const { lane, lanes: of } = lanes.get(a.id) ?? { lane: 0, lanes: 1 }
        // Still only booked after its start time: the customer is late (or a no-show to mark).
        const late = a.status === 'booked' && a.startsAt.slice(0, 16) < nowText
        return (
          <div
            key={a.id}
            className={`appt appt-${a.status}${late ? ' appt-late' : ''}`}
            role="gridcell"
            aria-label={t('appts.card', { time: timeOnly(a.startsAt), plate: a.plate ?? a.model, customer: a.customerName })}
            style={{
              gridColumn: col,
              gridRow: `${start + 2} / span ${span}`,
              width: `calc(${100 / of}% - 6px)`,
              marginLeft: `calc(${(100 * lane) / of}% + 3px)`,
            }}
            title={`${a.customerName} ${a.mobile ?? ''}\n${a.concern}`}
          >
            <div className="appt-line">
              <strong>{timeOnly(a.startsAt)}</strong> <span className="plate-sm">{a.plate ?? '—'}</span>
              <span className="appt-customer">{a.customerName}</span>
              {late ? <Tag color="red">{t('appts.late')}</Tag> : <Tag color={STATUS_COLOUR[a.status]}>{t(`reception.apptStatus.${a.status}`)}</Tag>}
            </div>
            <div className="appt-line">
              <span className="appt-concern">{a.concern || a.model}</span>
              {canBook && (
                <span className="appt-actions">
                  {a.status === 'booked' && (
                    <>
                      {isToday && (
                        <Button size="small" type="link" onClick={() => checkIn(a)}>
                          {t('appts.arrived')}
                        </Button>
                      )}
                      <Button size="small" type="link" onClick={() => void setStatus(a, 'no_show')}>
                        {t('appts.noShow')}
                      </Button>
                      <Button size="small" type="link" danger onClick={() => void setStatus(a, 'cancelled')}>
                        {t('appts.cancel')}
                      </Button>
                    </>
                  )}
                  {(a.status === 'no_show' || a.status === 'cancelled') && (
                    <Button size="small" type="link" onClick={() => void setStatus(a, 'booked')}>
                      {t('appts.restore')}
                    </Button>
                  )}
                  {a.status === 'arrived' && a.roId && (
                    <Button size="small" type="link" onClick={() => navigate({ name: 'ro', id: a.roId as number })}>
                      {t('appts.openRo')}
                    </Button>
                  )}
                </span>
              )}
            </div>
          </div>
        )
      })}
    </div>
  )
}
