import { isMessageKey } from '../../../../shared/i18n'
import type { T } from '../../i18n'

/**
 * A checklist item's text: the seeded items are catalog keys (`qcItem.fluids`), so they read in the
 * person's language; items a supervisor typed are shown as typed.
 */
export function checklistLabel(t: T, label: string): string {
  return isMessageKey(label) ? t(label) : label
}
