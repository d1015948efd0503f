import type { KeyboardEvent, RefObject } from 'react'
import { Button, Input, Typography, type InputRef } from 'antd'
import { MORE_LIMIT, useReception, useReceptionSearch } from '../../stores/reception-store'
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
  const query = useReception((s) => s.query)
  const active = useReception((s) => s.active)
  const { hits, searching, error, total, capped } = useReceptionSearch()

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const state = useReception.getState()
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      state.moveActive(event.key === 'ArrowDown' ? 1 : -1, hits.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const hit = hits[state.active]
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
        onChange={(e) => useReception.getState().setQuery(e.target.value)}
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
              <Button size="small" type="link" onClick={() => useReception.getState().showMore()}>
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
      <SearchResults hits={hits} active={active} onPick={openHit} onHover={(i) => useReception.getState().setActive(i)} />
    </div>
  )
}
