// The monthly department report's hand-in [manual: 按时填报并上交报表]: the front-desk
// supervisor and the service manager each hand in the month's report, due by day N of the next
// month. Pure date arithmetic on `YYYY-MM` and `YYYY-MM-DD` text.

/** The roles that hand the report in, in the order the list shows them. */
export const HANDIN_ROLES = ['front_desk_supervisor', 'service_manager'] as const
export type HandInRole = (typeof HANDIN_ROLES)[number]

/** Day of the next month the report is due by, unless the setting says otherwise. */
export const DEFAULT_REPORT_DUE_DAY = 5

/** The month after `YYYY-MM` (December → January of the next year). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** `k` months before `YYYY-MM`. */
export function monthsBack(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const index = y * 12 + (m - 1) - k
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** The date a month's report is due: day `dueDay` of the next month. */
export function reportDueOn(month: string, dueDay: number): string {
  return `${nextMonth(month)}-${String(dueDay).padStart(2, '0')}`
}

/** On time when handed in (its local date) no later than the due date. */
export function handInState(dueOn: string, handedOn: string | null, today: string): 'on_time' | 'late' | 'due' | 'overdue' {
  if (handedOn !== null) return handedOn <= dueOn ? 'on_time' : 'late'
  return today > dueOn ? 'overdue' : 'due'
}
