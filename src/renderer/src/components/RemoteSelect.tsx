import { useEffect, useRef, useState, type ReactNode } from 'react'
import { Select, Spin } from 'antd'
import type { Channel } from '../../../shared/contract'
import { useApiQuery, type In, type Out } from '../api/query-client'

interface Props<K extends Channel, T> {
  /** The read channel that finds the options, and its input for the typed text. */
  channel: K
  input(q: string): In<K>
  /** The options in the channel's answer. */
  items(data: Out<K>): T[]
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

const NOTHING: never[] = []

/**
 * A select whose options come from a channel as the person types. Each text is its own query
 * key, so only the answer for the latest text shows.
 */
export function RemoteSelect<K extends Channel, T>(props: Props<K, T>) {
  const { channel, keyOf, labelOf, onPick, keepValue = false, debounceMs = 150 } = props
  // The text asked for once typing paused; null until the person types (or opens, with searchEmpty).
  const [asked, setAsked] = useState<string | null>(null)
  const [typing, setTyping] = useState(false)
  const [value, setValue] = useState<number | string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const enabled = asked !== null && (asked !== '' || !!props.searchEmpty)
  const query = useApiQuery(channel, props.input(asked ?? ''), { enabled, keepPrevious: true })
  const items = enabled && query.data !== undefined ? props.items(query.data) : NOTHING

  const run = (q: string) => {
    if (timer.current) clearTimeout(timer.current)
    if (!q.trim() && !props.searchEmpty) {
      setTyping(false)
      setAsked(null)
      return
    }
    setTyping(true)
    timer.current = setTimeout(() => {
      setTyping(false)
      setAsked(q.trim())
    }, debounceMs)
  }

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  const loading = typing || (enabled && query.isFetching)
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
