import type { KeyboardEvent, RefObject } from 'react'
import { Button, Input, Typography, type InputRef } from 'antd'
import { useStore } from 'zustand'
import { useStores } from '../../stores/context'
import { MORE_LIMIT } from '../../stores/reception-store'
import { useT } from '../../i18n'
import { navigate } from '../../router'
import type { SearchHitT } from '../../stores/types'
import { SearchResults } from './SearchResults'

export function openHit(hit: SearchHitT): void {
  if (hit.vehicleId) navigate({ name: 'reception', vehicleId: hit.vehicleId })
  else navigate({ name: 'reception', register: true, ownerId: hit.customerId })
}

/** The search box keeps the focus: arrows move through the results, Enter opens, Esc clears. */
export function SearchPanel({ inputRef }: { inputRef: RefObject<InputRef | null> }) {
  const t = useT()
  const store = useStores().reception
  const query = useStore(store, (s) => s.query)
  const hits = useStore(store, (s) => s.hits)
  const active = useStore(store, (s) => s.active)
  const searching = useStore(store, (s) => s.searching)
  const error = useStore(store, (s) => s.searchError)
  const total = useStore(store, (s) => s.total)
  const capped = useStore(store, (s) => s.capped)

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const state = store.getState()
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      state.moveActive(event.key === 'ArrowDown' ? 1 : -1)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const hit = state.hits[state.active]
      if (hit) openHit(hit)
    } else if (event.key === 'Escape') {
      event.preventDefault()
      state.clear()
    }
  }

  return (
    <div className="search-panel">
      <Input
        ref={inputRef}
        autoFocus
        allowClear
        size="large"
        value={query}
        placeholder={t('desk.searchPlaceholder')}
        aria-label={t('desk.searchLabel')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="desk-results"
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? `desk-hit-${active}` : undefined}
        onChange={(e) => store.getState().setQuery(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="search-status" aria-live="polite">
        {error ? (
          <Typography.Text type="danger">{error}</Typography.Text>
        ) : searching ? (
          <Typography.Text type="secondary">{t('desk.searching')}</Typography.Text>
        ) : query.trim() && hits.length === 0 ? (
          <Typography.Text type="secondary">{t('desk.noHits')}</Typography.Text>
        ) : hits.length > 0 && (total > hits.length || capped) ? (
          <span className="search-more">
            <Typography.Text type="secondary">{t(capped ? 'desk.hitCountOfMore' : 'desk.hitCountOf', { shown: hits.length, total })}</Typography.Text>
            {hits.length < MORE_LIMIT && (
              <Button size="small" type="link" onClick={() => store.getState().showMore()}>
                {t('desk.showMore', { n: Math.min(MORE_LIMIT, total) })}
              </Button>
            )}
          </span>
        ) : hits.length > 0 ? (
          <Typography.Text type="secondary">{t('desk.hitCount', { count: hits.length })}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('desk.searchHelp')}</Typography.Text>
        )}
      </div>
      <SearchResults hits={hits} active={active} onPick={openHit} onHover={(i) => store.getState().setActive(i)} />
    </div>
  )
}
