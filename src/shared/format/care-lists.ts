import type { z } from 'zod'
import type { MessageKey } from '../i18n'
import type { CareList } from '../contract/care-export'
import type { ComplaintRow, FollowUpRow, ReminderRow } from '../contract/care'
import { wallDate, wallDateTime } from './wall-clock'
import { decimalFromCenti } from './numbers'

// The columns of the care lists on paper and in XLSX: one table per list, so the printed sheet
// and the workbook say the same thing in the same order. A cell is text, a count, or money (fen).

export type Tr = (key: MessageKey, params?: Record<string, string | number>) => string
export type CareCell = string | number | { fen: number }

interface Column<R> {
  label: MessageKey
  /** Width in characters in the workbook. */
  width: number
  cell(row: R, tr: Tr): CareCell
}

type FollowUp = z.output<typeof FollowUpRow>
type Reminder = z.output<typeof ReminderRow>
type Complaint = z.output<typeof ComplaintRow>
export interface LostRow {
  plate: string | null
  model: string
  modelYear: number | null
  customerName: string
  mobile: string | null
  lastVisitAt: string
  lastRoNumber: string
  visits: number
  valueFen: number
}

export interface CareListRows {
  followups: FollowUp[]
  reminders: Reminder[]
  complaints: Complaint[]
  lost: LostRow[]
}

const overdue = (late: boolean, tr: Tr) => (late ? tr('care.overdue') : '')

export const CARE_LIST_COLUMNS: { [L in CareList]: Column<CareListRows[L][number]>[] } = {
  followups: [
    { label: 'care.dueDate', width: 12, cell: (r) => r.dueDate },
    { label: 'care.overdue', width: 8, cell: (r, tr) => overdue(r.overdue, tr) },
    { label: 'field.roNumber', width: 16, cell: (r) => r.roNumber },
    { label: 'field.plate', width: 11, cell: (r) => r.plate ?? '' },
    { label: 'field.customer', width: 14, cell: (r) => r.customerName },
    { label: 'field.mobile', width: 14, cell: (r) => r.mobile ?? '' },
    { label: 'field.model', width: 16, cell: (r) => r.model },
    { label: 'care.deliveredAt', width: 17, cell: (r) => wallDateTime(r.deliveredAt) },
    { label: 'care.assignee', width: 10, cell: (r) => r.assigneeName },
    { label: 'care.attempts', width: 8, cell: (r) => r.attempts },
    { label: 'care.callbackAt', width: 17, cell: (r) => wallDateTime(r.callbackAt) },
    { label: 'care.state', width: 10, cell: (r, tr) => tr(`followUpState.${r.state}`) },
  ],
  reminders: [
    { label: 'care.reminder.dueDate', width: 12, cell: (r) => r.dueDate },
    { label: 'care.overdue', width: 8, cell: (r, tr) => overdue(r.overdue, tr) },
    { label: 'care.reminder.dueBy', width: 8, cell: (r, tr) => tr(`care.reminder.by.${r.dueBy}`) },
    { label: 'field.plate', width: 11, cell: (r) => r.plate ?? '' },
    { label: 'field.customer', width: 14, cell: (r) => r.customerName },
    { label: 'field.mobile', width: 14, cell: (r) => r.mobile ?? '' },
    { label: 'field.model', width: 16, cell: (r) => r.model },
    { label: 'care.reminder.lastService', width: 12, cell: (r) => wallDate(r.serviceAt) },
    { label: 'field.roNumber', width: 16, cell: (r) => r.roNumber },
    { label: 'careDesk.serviceKm', width: 10, cell: (r) => r.serviceKm },
    { label: 'care.reminder.lastKm', width: 10, cell: (r) => r.lastKm },
    { label: 'care.reminder.kmPerDay', width: 8, cell: (r) => (r.kmPerDayCenti === null ? '' : decimalFromCenti(r.kmPerDayCenti, { digits: 0 })) },
    { label: 'care.attempts', width: 8, cell: (r) => r.attempts },
    { label: 'care.callbackAt', width: 17, cell: (r) => wallDateTime(r.callbackAt) },
  ],
  complaints: [
    { label: 'care.complaint.number', width: 14, cell: (r) => r.number },
    { label: 'care.state', width: 12, cell: (r, tr) => tr(`complaintState.${r.state}`) },
    { label: 'care.complaint.severity', width: 8, cell: (r, tr) => tr(`complaintSeverity.${r.severity}`) },
    { label: 'care.complaint.category', width: 10, cell: (r, tr) => tr(`complaintCategory.${r.category}`) },
    { label: 'care.complaint.source', width: 10, cell: (r, tr) => tr(`complaintSource.${r.source}`) },
    { label: 'field.customer', width: 14, cell: (r) => r.customerName },
    { label: 'field.mobile', width: 14, cell: (r) => r.mobile ?? '' },
    { label: 'field.plate', width: 11, cell: (r) => r.plate ?? '' },
    { label: 'care.complaint.ro', width: 16, cell: (r) => r.roNumber ?? '' },
    { label: 'care.complaint.words', width: 40, cell: (r) => r.words },
    { label: 'care.complaint.owner', width: 10, cell: (r) => r.ownerName ?? '' },
    { label: 'care.complaint.department', width: 10, cell: (r) => r.department ?? '' },
    { label: 'care.complaint.openedAt', width: 17, cell: (r) => wallDateTime(r.openedAt) },
    { label: 'care.complaint.dueAt', width: 17, cell: (r) => wallDateTime(r.dueAt) },
    { label: 'care.overdue', width: 8, cell: (r, tr) => overdue(r.overdue, tr) },
  ],
  lost: [
    { label: 'field.plate', width: 11, cell: (r) => r.plate ?? '' },
    { label: 'field.customer', width: 14, cell: (r) => r.customerName },
    { label: 'field.mobile', width: 14, cell: (r) => r.mobile ?? '' },
    { label: 'field.model', width: 16, cell: (r) => r.model },
    { label: 'care.retention.modelYear', width: 8, cell: (r) => r.modelYear ?? '' },
    { label: 'care.lost.lastVisit', width: 12, cell: (r) => wallDate(r.lastVisitAt) },
    { label: 'careDesk.lastRo', width: 16, cell: (r) => r.lastRoNumber },
    { label: 'care.lost.visits', width: 8, cell: (r) => r.visits },
    { label: 'care.lost.value', width: 12, cell: (r) => ({ fen: r.valueFen }) },
  ],
}

/** The header and the cells of one list's rows, in its columns' order. */
export function careListTable<L extends CareList>(list: L, rows: CareListRows[L], tr: Tr): { header: string[]; width: number[]; rows: CareCell[][] } {
  const columns = CARE_LIST_COLUMNS[list] as Column<CareListRows[L][number]>[]
  return {
    header: columns.map((c) => tr(c.label)),
    width: columns.map((c) => c.width),
    rows: rows.map((row) => columns.map((c) => c.cell(row, tr))),
  }
}
