import { useEffect, useRef } from 'react'

export type HotkeyMap = Record<string, (event: KeyboardEvent) => void>

/** `Alt+1`, `Ctrl+S`, `F2`: modifiers in the order Ctrl, Alt, Shift, then the key. */
export function comboOf(event: KeyboardEvent): string {
  const mods = [event.ctrlKey || event.metaKey ? 'Ctrl' : '', event.altKey ? 'Alt' : '', event.shiftKey ? 'Shift' : '']
  const key = event.key.length === 1 ? event.key.toUpperCase() : event.key
  // Alt+digit gives other characters on some layouts; event.code keeps the digit.
  const digit = /^Digit(\d)$/.exec(event.code)?.[1]
  return [...mods.filter(Boolean), event.altKey && digit ? digit : key].join('+')
}

/** Window-wide shortcuts for the screen that is showing; handled keys do not reach the page. */
export function useHotkeys(map: HotkeyMap): void {
  const ref = useRef(map)
  useEffect(() => {
    ref.current = map
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const handler = ref.current[comboOf(event)]
      if (!handler) return
      event.preventDefault()
      handler(event)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
