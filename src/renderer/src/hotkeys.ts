import { useEffect, useRef } from 'react'
import type { KeyboardEvent as ReactKeyboardEvent } from 'react'

// The one place shortcuts are decided, window-wide (`useHotkeys`) or on a focused row
// (`rowHotkeys`). A key that would type a character never fires a shortcut while the person is
// typing in a field, and a handled key never also reaches the page (no stray "s" in a dialog
// that the shortcut opened).

export type HotkeyMap = Record<string, (event: KeyboardEvent) => void>

/** What `comboOf` and the typing rule read from a key event (a real one in the app). */
export interface KeyLike {
  key: string
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
  target: EventTarget | null
}

/** `Alt+1`, `Ctrl+S`, `F2`: modifiers in the order Ctrl, Alt, Shift, then the key. */
export function comboOf(event: KeyLike): string {
  const mods = [event.ctrlKey || event.metaKey ? 'Ctrl' : '', event.altKey ? 'Alt' : '', event.shiftKey ? 'Shift' : '']
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key
  // Alt+digit gives other characters on some layouts; event.code keeps the digit.
  const digit = /^Digit(\d)$/.exec(event.code)?.[1]
  // Alt+letter too (Alt+M is "µ" on a Mac keyboard): the code keeps the letter.
  const letter = /^Key([A-Z])$/.exec(event.code)?.[1]
  return [...mods.filter(Boolean), event.altKey && digit ? digit : event.altKey && letter ? letter : key].join('+')
}

// Input types that take no typed text, so a letter key there is not typing.
const NON_TEXT_INPUTS = new Set(['button', 'checkbox', 'radio', 'submit', 'reset', 'file', 'image', 'color', 'range'])

/** A field the person types into: text inputs, textareas, native selects, contenteditable. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown } | null
  if (!el || typeof el.tagName !== 'string') return false
  const tag = el.tagName.toUpperCase()
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has(String(el.type ?? 'text').toLowerCase())
  return el.isContentEditable === true
}

/** A printable key without Ctrl/Alt/Meta: in a field it types, so it is never a shortcut there. */
export function typesCharacter(event: KeyLike): boolean {
  return event.key.length === 1 && !event.ctrlKey && !event.altKey && !event.metaKey
}

/** The handler a key event fires, if any, by the rule above. */
export function shortcutFor<H>(map: Record<string, H>, event: KeyLike): H | undefined {
  if (typesCharacter(event) && isTypingTarget(event.target)) return undefined
  return map[comboOf(event)]
}

/** Window-wide shortcuts for the screen that is showing; handled keys do not reach the page. */
export function useHotkeys(map: HotkeyMap): void {
  const ref = useRef(map)
  useEffect(() => {
    ref.current = map
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const handler = shortcutFor(ref.current, event)
      if (!handler) return
      event.preventDefault()
      handler(event)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}

/**
 * Keys on a focused table row or card (`Enter` opens, `S` snoozes …): only when the row itself
 * has the focus, by the same typing rule, and the key is consumed so it types nothing anywhere.
 */
export function rowHotkeys(map: Record<string, () => void>) {
  return (event: ReactKeyboardEvent) => {
    if (event.target !== event.currentTarget) return
    const handler = shortcutFor(map, event.nativeEvent)
    if (!handler) return
    event.preventDefault()
    event.stopPropagation()
    handler()
  }
}
