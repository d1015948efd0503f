import type { LineHooks } from './repair-order/line-check'
import { checkWarrantyLines } from './warranty/ro-line-check'
import { refuseRemovingAssessedLines } from './insurance/line-removal'

// What judges lines before they are written onto an RO, from whichever room writes them (the
// estimate at reception, approved additional work in the workshop). Put together here, above the
// rooms, and handed to them by the handler registry and by the demo's shop day.

export const lineHooks: LineHooks = { checkLines: checkWarrantyLines, checkRemoval: refuseRemovingAssessedLines }
