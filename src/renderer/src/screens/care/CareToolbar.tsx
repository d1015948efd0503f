import { useEffect, useRef, type ReactNode } from 'react'
import { Input, Typography, type InputRef } from 'antd'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'

/**
 * The filter line above each care list: the filter box (focused on opening, F2 comes back to it,
 * Enter opens the first row shown), the keys that work here, the count shown and the list's own
 * buttons (register, print, XLSX).
 */
export function CareToolbar({ q, setQ, count, onEnter, children }: { q: string; setQ: (q: string) => void; count: number; onEnter: () => void; children?: ReactNode }) {
  const t = useT()
  const filter = useRef<InputRef>(null)
  useEffect(() => filter.current?.focus(), [])
  useHotkeys({ F2: () => filter.current?.focus() })
  return (
    <div className="care-toolbar">
      <Input
        ref={filter}
        allowClear
        size="small"
        className="care-filter"
        placeholder={t('care.filter')}
        aria-label={t('care.filter')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return
          // Without this the same key's keypress lands on the dialog just opened (its close button,
          // focused first) and closes it again at once.
          e.preventDefault()
          onEnter()
        }}
      />
      <Typography.Text type="secondary">{t('care.keys')}</Typography.Text>
      <span className="care-total">{t('care.count', { n: count })}</span>
      {children && <span className="care-list-actions">{children}</span>}
    </div>
  )
}
