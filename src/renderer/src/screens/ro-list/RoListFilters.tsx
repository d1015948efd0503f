import { useEffect, useState } from 'react'
import { Checkbox, DatePicker, Input, Select } from 'antd'
import dayjs from 'dayjs'
import { RO_STATES } from '../../../../shared/domain/ro-state'
import { RO_TYPES } from '../../../../shared/domain/ro-type'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import type { RoListQuery } from '../../stores/ro-store'

export type RoFilters = Pick<RoListQuery, 'q' | 'type' | 'state' | 'advisorId' | 'from' | 'to' | 'late'>

/** Advisors who own orders: the desk roles, inactive ones too (old orders still name them). */
const ADVISOR_ROLES = ['service_advisor', 'front_desk_supervisor', 'service_manager']

/** The RO list's search box and filters: what a clerk narrows the orders by. */
export function RoListFilters({ value, onChange }: { value: RoFilters; onChange(next: RoFilters): void }) {
  const t = useT()
  const advisors =
    useApiQuery('users.list', {}, { staleTime: 5 * 60_000 }).data
      ?.filter((u) => ADVISOR_ROLES.includes(u.role))
      .map((u) => ({ value: u.id, label: u.displayName })) ?? []
  const [q, setQ] = useState(value.q ?? '')

  // Typing settles for a moment before the list reloads, so each key does not cost a query.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((value.q ?? '') !== q.trim()) onChange({ ...value, q: q.trim() || undefined })
    }, 250)
    return () => clearTimeout(timer)
  }, [q, value, onChange])

  const set = (patch: Partial<RoFilters>) => onChange({ ...value, ...patch })

  return (
    <div className="ro-filters" role="search" aria-label={t('roList.filters')}>
      <Input
        allowClear
        autoFocus
        className="ro-filter-q"
        placeholder={t('roList.searchHint')}
        aria-label={t('roList.search')}
        value={q}
        onChange={(e) => setQ(e.target.value)}
      />
      <Select
        allowClear
        className="ro-filter"
        placeholder={t('field.type')}
        aria-label={t('field.type')}
        value={value.type}
        onChange={(type) => set({ type })}
        options={RO_TYPES.map((k) => ({ value: k, label: t(`roType.${k}`) }))}
      />
      <Select
        allowClear
        className="ro-filter"
        placeholder={t('field.state')}
        aria-label={t('field.state')}
        value={value.state}
        onChange={(state) => set({ state })}
        options={RO_STATES.map((k) => ({ value: k, label: t(`roState.${k}`) }))}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        className="ro-filter"
        placeholder={t('field.advisorId')}
        aria-label={t('field.advisorId')}
        value={value.advisorId}
        onChange={(advisorId) => set({ advisorId })}
        options={advisors}
      />
      <DatePicker.RangePicker
        aria-label={t('roList.openedBetween')}
        placeholder={[t('roList.openedFrom'), t('roList.openedTo')]}
        value={value.from || value.to ? [value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null] : null}
        allowEmpty={[true, true]}
        onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
      />
      <Checkbox checked={value.late === true} onChange={(e) => set({ late: e.target.checked || undefined })}>
        {t('roList.lateOnly')}
      </Checkbox>
    </div>
  )
}
