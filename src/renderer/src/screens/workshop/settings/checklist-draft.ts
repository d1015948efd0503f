// The checklist being edited: a plain list the supervisor reorders before one save replaces the
// type's checklist on the host (kept items by id, new ones by label; left-out ones are retired).

export interface DraftItem {
  /** Stable React key: the item's id once saved, a local counter before. */
  key: string
  id?: number
  label: string
}

export function draftOf(items: readonly { id: number; label: string }[]): DraftItem[] {
  return items.map((i) => ({ key: `id-${i.id}`, id: i.id, label: i.label }))
}

/** Moves an item one place up (-1) or down (+1); at either end the list is returned unchanged. */
export function moved(items: readonly DraftItem[], index: number, by: -1 | 1): DraftItem[] {
  const to = index + by
  const item = items[index]
  const other = items[to]
  if (!item || !other) return [...items]
  const next = [...items]
  next[index] = other
  next[to] = item
  return next
}

/** The save input: saved items keep their id so past inspections still point at them. */
export function toSave(items: readonly DraftItem[]): { id?: number; label: string }[] {
  return items.map((i) => (i.id === undefined ? { label: i.label } : { id: i.id, label: i.label }))
}

export function sameItems(a: readonly DraftItem[], b: readonly DraftItem[]): boolean {
  return a.length === b.length && a.every((item, i) => item.id === b[i]?.id && item.label === b[i]?.label)
}
