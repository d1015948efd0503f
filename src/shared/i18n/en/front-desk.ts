import type { frontDesk as zh } from '../zh-CN/front-desk'

export const frontDesk = {
  'weekday.mon': 'Monday',
  'weekday.tue': 'Tuesday',
  'weekday.wed': 'Wednesday',
  'weekday.thu': 'Thursday',
  'weekday.fri': 'Friday',
  'weekday.sat': 'Saturday',
  'weekday.sun': 'Sunday',
  'reception.outsideOpeningHours': 'Outside opening hours: on {weekday} reception is open {hours}; a booking must start and end within them',
  'reception.closedOnDay': 'Reception is closed on {weekday}; no bookings',
  'field.openingHoursFormat': 'Give 7 entries, Monday to Sunday, each like "08:00-18:00" or "closed"',
  'appts.outsideConfirmTitle': 'Booking outside opening hours',
  'appts.outsideConfirm': '{message}. Book it anyway?',
  'appts.outsideConfirmOk': 'Book anyway',
  'appts.outsideHours': 'outside hours',
} as const satisfies Record<keyof typeof zh, string>
