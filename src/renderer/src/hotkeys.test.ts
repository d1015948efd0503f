import { describe, expect, it } from 'vitest'
import { comboOf, isTypingTarget, shortcutFor, type KeyLike } from './hotkeys'
import { insidePickerOrSelect } from './form-keys'

// Element stand-ins with just what the rules read (the renderer has no DOM under vitest; the
// same rules run in Chromium in e2e/desk-ux.spec.ts).
const input = (type = 'text') => ({ tagName: 'INPUT', type }) as unknown as EventTarget
const textarea = { tagName: 'TEXTAREA' } as unknown as EventTarget
const editable = { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget
const row = { tagName: 'TR', isContentEditable: false } as unknown as EventTarget

const key = (k: string, target: EventTarget | null, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  code: /^\d$/.test(k) ? `Digit${k}` : `Key${k.toUpperCase()}`,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  target,
  ...mods,
})

describe('shortcuts and typing', () => {
  const map = { S: 'snooze', F2: 'search', 'Alt+1': 'desk', 'Ctrl+Enter': 'save', Escape: 'back' }

  it('never fires a letter shortcut inside a text field, a textarea or an editable area', () => {
    for (const target of [input(), input('search'), input('number'), textarea, editable]) {
      expect(shortcutFor(map, key('s', target))).toBeUndefined()
      expect(shortcutFor(map, key('S', target, { shiftKey: true }))).toBeUndefined()
    }
  })

  it('fires the letter shortcut on a row, a button or a checkbox', () => {
    expect(shortcutFor(map, key('s', row))).toBe('snooze')
    expect(shortcutFor(map, key('s', input('checkbox')))).toBe('snooze')
    expect(shortcutFor(map, key('s', null))).toBe('snooze')
  })

  it('keeps keys that type nothing working from the focused search field', () => {
    expect(shortcutFor(map, key('F2', input()))).toBe('search')
    expect(shortcutFor(map, key('1', input(), { altKey: true }))).toBe('desk')
    expect(shortcutFor(map, key('Enter', textarea, { ctrlKey: true }))).toBe('save')
    expect(shortcutFor(map, key('Escape', input()))).toBe('back')
  })

  it('names combos with modifiers in a fixed order and keeps Alt+digit on any layout', () => {
    expect(comboOf(key('¡', null, { altKey: true, code: 'Digit1' }))).toBe('Alt+1')
    expect(comboOf(key('∑', null, { altKey: true, code: 'KeyW' }))).toBe('Alt+W')
    expect(comboOf(key('w', null, { altKey: true, code: 'KeyW' }))).toBe('Alt+W')
    expect(comboOf(key('µ', null, { altKey: true, code: 'KeyM' }))).toBe('Alt+M')
    expect(comboOf(key('m', null, { altKey: true, code: 'KeyM' }))).toBe('Alt+M')
    expect(comboOf(key('n', null, { ctrlKey: true, shiftKey: true }))).toBe('Ctrl+Shift+N')
    expect(isTypingTarget(input('radio'))).toBe(false)
  })
})

describe('Enter in pickers and selects', () => {
  const inside = (selector: string | null) => ({ closest: (s: string) => (selector && s.includes(selector) ? {} : null) }) as unknown as EventTarget

  it('recognises the inputs of date pickers, selects and comboboxes, not plain fields', () => {
    expect(insidePickerOrSelect(inside('.ant-picker'))).toBe(true)
    expect(insidePickerOrSelect(inside('.ant-select'))).toBe(true)
    expect(insidePickerOrSelect(inside('[role="combobox"]'))).toBe(true)
    expect(insidePickerOrSelect(inside(null))).toBe(false)
    expect(insidePickerOrSelect(null)).toBe(false)
  })
})
