import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Select, Spin } from 'antd'

interface Props<T> {
  search(q: string): Promise<T[]>
  keyOf(item: T): number | string
  labelOf(item: T): ReactNode
  onPick(item: T): void
  placeholder?: string
  ariaLabel: string
  /** Search with an empty query when opened (short catalogues such as labour operations). */
  searchEmpty?: boolean
  /** Keeps the picked item shown; otherwise the box empties for the next pick. */
  keepValue?: boolean
  autoFocus?: boolean
  notFound?: string
  className?: string
  debounceMs?: number
}

/** A select whose options come from a channel as the person types; only the latest answer shows. */
export function RemoteSelect<T>(props: Props<T>) {
  const { search, keyOf, labelOf, onPick, keepValue = false, debounceMs = 150 } = props
  const [items, setItems] = useState<T[]>([])
  const [loading, setLoading] = useState(false)
  const [value, setValue] = useState<number | string | null>(null)
  const seq = useRef(0)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const run = (q: string) => {
    if (timer.current) clearTimeout(timer.current)
    const mine = ++seq.current
    if (!q.trim() && !props.searchEmpty) {
      setItems([])
      setLoading(false)
      return
    }
    setLoading(true)
    timer.current = setTimeout(() => {
      search(q.trim())
        .then((found) => {
          if (mine === seq.current) setItems(found)
        })
        .finally(() => {
          if (mine === seq.current) setLoading(false)
        })
    }, debounceMs)
  }

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  return (
    <Select<number | string>
      className={props.className}
      aria-label={props.ariaLabel}
      placeholder={props.placeholder}
      autoFocus={props.autoFocus}
      value={value}
      showSearch={{ filterOption: false, onSearch: run }}
      onOpenChange={(open) => open && props.searchEmpty && items.length === 0 && run('')}
      notFoundContent={loading ? <Spin size="small" /> : props.notFound}
      options={items.map((item) => ({ value: keyOf(item), label: labelOf(item) }))}
      onChange={(key) => {
        const item = items.find((i) => keyOf(i) === key)
        if (!item) return
        setValue(keepValue ? key : null)
        onPick(item)
      }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 260 }}
    />
  )
}
