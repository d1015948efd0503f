import { useEffect, useRef } from 'react'
import { Tag } from 'antd'
import { useT } from '../../i18n'
import type { SearchHitT } from '../../stores/types'

interface Props {
  hits: SearchHitT[]
  active: number
  onPick(hit: SearchHitT): void
  onHover(index: number): void
  /** The ids of the list and its options (another search on screen, e.g. a dialog over the desk, takes its own). */
  idPrefix?: string
}

export function SearchResults({ hits, active, onPick, onHover, idPrefix = 'desk' }: Props) {
  const t = useT()
  const listRef = useRef<HTMLUListElement>(null)

  useEffect(() => {
    listRef.current?.querySelector(`#${idPrefix}-hit-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, idPrefix])

  return (
    <ul id={`${idPrefix}-results`} role="listbox" aria-label={t('desk.results')} className="hit-list" ref={listRef}>
      {hits.map((hit, index) => (
        <li
          key={`${hit.customerId}-${hit.vehicleId ?? 'none'}`}
          id={`${idPrefix}-hit-${index}`}
          role="option"
          aria-selected={index === active}
          className={index === active ? 'hit hit-active' : 'hit'}
          onMouseEnter={() => onHover(index)}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(hit)}
        >
          <div className="hit-line">
            <span className="hit-plate">{hit.plate ?? t('desk.noPlate')}</span>
            <span className="hit-model">{[hit.make, hit.model].filter(Boolean).join(' ')}</span>
            {hit.openRoNumber && <Tag color="blue">{t('desk.openRoTag', { number: hit.openRoNumber })}</Tag>}
          </div>
          <div className="hit-line hit-sub">
            <span>{hit.customerName}</span>
            <span>{hit.mobile ?? ''}</span>
            <span className="hit-vin">{hit.vin ?? t('desk.noVehicle')}</span>
            <Tag variant="filled">{t(`desk.matchedBy.${hit.matchedBy}`)}</Tag>
          </div>
        </li>
      ))}
    </ul>
  )
}
