import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { BOARD_COLUMNS } from '../../../../shared/domain/workshop-board'
import { useLocale, useSessionStore, useT } from '../../i18n'
import { apiQueryOptions } from '../../api/query-client'
import { connectLive } from '../../api/live-events'
import type { LiveStatus } from '../../api/meta'
import { COLUMN_COLOUR } from '../workshop/colours'
import { hostNow, shopClock } from '../workshop/countdown'
import { useNow } from '../workshop/use-workshop'
import { createWallClient } from './wall-client'
import { WallCard } from './WallCard'
import { fitFont, wallFontPx, wallRows } from './wall-layout'
import '../workshop/board.css'
import './wall.css'

/** Reads the whole board again now and then, so countdowns and flags never drift even if no event comes. */
const REFRESH_MS = 60_000

/**
 * 车间大屏: the board for a TV on the shop floor — read-only, large, no login. The display token
 * in the address opens the board and its push channel, nothing else.
 */
export function WallScreen({ token }: { token: string }) {
  const t = useT()
  const locale = useLocale()
  const session = useSessionStore()
  const queryClient = useQueryClient()
  // The TV's own client (no session, the display token), feeding the same cache and event table.
  const client = useMemo(() => createWallClient(token, () => session.getState().locale), [token, session])
  const wall = useQuery({ ...apiQueryOptions(client, 'workshop.wall', { displayToken: token }), refetchInterval: REFRESH_MS })
  const board = wall.data ?? null
  const error = wall.error?.message ?? null
  const receivedAt = wall.dataUpdatedAt
  const [live, setLive] = useState<LiveStatus>('connecting')
  const pcNow = useNow(15_000)
  const root = useRef<HTMLDivElement>(null)
  const rows = board ? wallRows(board.cards.map((c) => c.column)) : 0

  // Auto-fit: a first size from the fullest column, then smaller until no column runs off the
  // screen and no card's plate line is wider than the card (the promise wraps below the plate).
  useLayoutEffect(() => {
    const el = root.current
    if (!el || !board) return
    const fit = () =>
      fitFont(
        wallFontPx(rows, window.innerWidth, window.innerHeight),
        (px) => (el.style.fontSize = `${px}px`),
        () =>
          [...el.querySelectorAll<HTMLElement>('.wall-col')].some((col) => col.scrollHeight > col.clientHeight + 1) ||
          [...el.querySelectorAll<HTMLElement>('.wall-card-top')].some((top) => top.scrollWidth > top.clientWidth + 1),
      )
    fit()
    window.addEventListener('resize', fit)
    return () => window.removeEventListener('resize', fit)
  }, [board, rows])

  useEffect(() => connectLive({ api: client, queryClient, onStatus: setLive }), [client, queryClient])

  useEffect(() => {
    document.title = t('wk.wall.title')
  }, [t, locale])

  if (!board) {
    return (
      <div className="wall wall-message" role="main">
        {error ?? t('wk.wall.loading')}
      </div>
    )
  }
  const nowMs = hostNow(board.at, receivedAt, pcNow)

  return (
    <div className="wall" role="main" aria-label={t('wk.wall.title')} ref={root}>
      <header className="wall-head">
        <span className="wall-title">{t('wk.wall.title')}</span>
        <span className="wall-count">{t('wk.wall.count', { n: board.cards.length })}</span>
        {live === 'stale' ? (
          <span className="wall-stale" role="alert">
            {t('wk.live.stale')}
          </span>
        ) : (
          <span className="wall-live">{t('wk.wall.live')}</span>
        )}
        <span className="wall-clock">{shopClock(board.at, nowMs)}</span>
      </header>
      <div className="wall-grid">
        {BOARD_COLUMNS.map((column) => {
          const cards = board.cards.filter((c) => c.column === column)
          return (
            <section key={column} className="wall-col" aria-label={t(`boardColumn.${column}`)}>
              <h2 className="wall-col-head" style={{ borderBottomColor: COLUMN_COLOUR[column] }}>
                {t(`boardColumn.${column}`)} <span className="wall-col-count">{cards.length}</span>
              </h2>
              {cards.map((card) => (
                <WallCard key={card.roId} card={card} nowMs={nowMs} />
              ))}
            </section>
          )
        })}
      </div>
    </div>
  )
}
