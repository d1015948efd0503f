// One keyboard rule for every form and dialog: Enter in a date/time picker or a select confirms
// that control (picks the date, the option) and never submits the form around it — a booking
// once went off half-filled from the date picker. Enter in a plain text field still submits.
// Installed once for the window, so no dialog can forget it.

const PICKER_OR_SELECT = '.ant-picker, .ant-select, [role="combobox"]'

interface ElementLike {
  closest?(selector: string): unknown
}

export function insidePickerOrSelect(target: EventTarget | null): boolean {
  const el = target as ElementLike | null
  return typeof el?.closest === 'function' && el.closest(PICKER_OR_SELECT) !== null
}

/**
 * Listens after the controls (bubble phase, on the window): the picker or select has already
 * handled the key; cancelling the default only stops the browser's implicit form submission.
 */
export function installFormKeyRule(target: Pick<Window, 'addEventListener' | 'removeEventListener'>): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && insidePickerOrSelect(event.target)) event.preventDefault()
  }
  target.addEventListener('keydown', onKey)
  return () => target.removeEventListener('keydown', onKey)
}
