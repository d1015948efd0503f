import { useState, type KeyboardEvent, type Ref } from 'react'
import { Button, Input, Typography, type InputRef } from 'antd'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import type { SearchHitT } from '../../stores/types'
import { SearchResults } from '../reception/SearchResults'

/** Who the complaint is about: a desk search hit (the customer, and the vehicle when there is one). */
export interface Picked {
  customerId: number
  customerName: string
  mobile: string | null
  vehicleId: number | null
  plate: string | null
  model: string | null
  openRoId: number | null
}

export function pickedOf(hit: SearchHitT): Picked {
  return {
    customerId: hit.customerId,
    customerName: hit.customerName,
    mobile: hit.mobile,
    vehicleId: hit.vehicleId,
    plate: hit.plate,
    model: [hit.make, hit.model].filter(Boolean).join(' ') || null,
    openRoId: hit.openRoId,
  }
}

interface Props {
  picked: Picked | null
  onPick(picked: Picked | null): void
  inputRef?: Ref<InputRef>
}

/**
 * The desk's search inside the complaint form: the same hits and keys as the reception desk
 * (arrows move, Enter picks, Esc clears); once picked, the customer and car stand in its place.
 */
export function ComplaintCustomerPick({ picked, onPick, inputRef }: Props) {
  const t = useT()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const q = text.trim()
  const search = useApiQuery('reception.search', { q, limit: 20 }, { enabled: q !== '', keepPrevious: true })
  const hits = q !== '' ? (search.data ?? []) : []

  if (picked) {
    return (
      <div className="care-picked" aria-label={t('careDesk.find')}>
        <span className="plate">{picked.plate ?? t('desk.noPlate')}</span>
        <span>{picked.model ?? t('careDesk.noVehicle')}</span>
        <strong>{picked.customerName}</strong>
        <span className="mono">{picked.mobile ?? ''}</span>
        <Button size="small" type="link" onClick={() => onPick(null)}>
          {t('careDesk.change')}
        </Button>
      </div>
    )
  }

  const choose = (hit: SearchHitT) => {
    setText('')
    setActive(0)
    onPick(pickedOf(hit))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && hits.length > 0) {
      event.preventDefault()
      setActive((active + (event.key === 'ArrowDown' ? 1 : -1) + hits.length) % hits.length)
    } else if (event.key === 'Enter') {
      // Enter here picks the hit; it never saves the form with nobody picked.
      event.preventDefault()
      event.stopPropagation()
      const hit = hits[active]
      if (hit) choose(hit)
    } else if (event.key === 'Escape' && text) {
      event.stopPropagation()
      setText('')
    }
  }

  return (
    <div className="care-pick">
      <Input
        ref={inputRef}
        autoFocus
        value={text}
        placeholder={t('careDesk.findPlaceholder')}
        aria-label={t('careDesk.find')}
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="complaint-pick-results"
        aria-autocomplete="list"
        aria-activedescendant={hits.length > 0 ? `complaint-pick-hit-${active}` : undefined}
        onChange={(e) => {
          setText(e.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
      />
      {q !== '' && !search.isFetching && hits.length === 0 ? (
        <Typography.Text type="secondary">{t('desk.noHits')}</Typography.Text>
      ) : hits.length === 0 ? (
        <Typography.Text type="secondary">{t('careDesk.findHelp')}</Typography.Text>
      ) : null}
      <div className="care-pick-hits">
        <SearchResults idPrefix="complaint-pick" hits={hits} active={active} onPick={choose} onHover={setActive} />
      </div>
    </div>
  )
}
