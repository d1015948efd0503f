import type { careDesk as zh } from '../zh-CN/care-desk'

// The care desk's complaint registration form (at the reception desk or on the phone) and the
// printed and XLSX care lists.
export const careDesk: Record<keyof typeof zh, string> = {
  'shortcut.complaint': 'Register a customer complaint',
  'careDesk.register': 'Register complaint',
  'careDesk.registerTitle': 'Register a customer complaint',
  'careDesk.find': 'Customer / vehicle',
  'careDesk.findPlaceholder': 'Plate, VIN, mobile or name',
  'careDesk.findHelp': 'Type, pick with ↑ ↓, confirm with Enter',
  'careDesk.pickCustomer': 'Pick the customer or vehicle first',
  'careDesk.pickCategory': 'Pick the kind of complaint',
  'careDesk.wordsNeeded': 'Write down the customer’s words (2 characters at least)',
  'careDesk.change': 'Change',
  'careDesk.ro': 'Repair order',
  'careDesk.noRo': 'No repair order',
  'careDesk.noVehicle': '(no vehicle on file)',
  'careDesk.wordsPlaceholder': 'In the customer’s own words',
  'careDesk.keys': 'Enter saves · Shift+Enter new line · Esc cancels',
  'careDesk.saved': 'Complaint {number} registered, due {dueAt}',
  'careDesk.serviceKm': 'Km at service',
  'careDesk.lastRo': 'Last RO',
  'careDesk.back': 'Back to the list',
  'careDesk.print': 'Print',
  'careDesk.xlsx': 'Export XLSX',
  'careDesk.printedAt': 'Printed {at}',
  'careDesk.sheet.followups': 'Follow-up list',
  'careDesk.sheet.reminders': 'Service reminder list',
  'careDesk.sheet.complaints': 'Complaints register',
  'careDesk.sheet.lost': 'Lost customers',
}
