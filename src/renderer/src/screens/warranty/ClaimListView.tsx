import { Input, Select, Space } from 'antd'
import { useMemo, useState } from 'react'
import { CLAIM_STATES, type ClaimState } from '../../../../shared/domain/warranty'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { ClaimTable } from './ClaimTable'
import { PackageButtons } from './PackageButtons'

/**
 * Every claim, newest change first, filtered by state and by claim, RO, plate, VIN or customer.
 * Ticked claims go out as one claim package; a claim the filter hides is no longer in it.
 */
export function ClaimListView() {
  const t = useT()
  const [state, setState] = useState<ClaimState | undefined>(undefined)
  const [q, setQ] = useState('')
  const list = useApiQuery('warranty.claim.list', { ...(state ? { state } : {}), q }, { keepPrevious: true })
  const [ticked, setTicked] = useState<number[]>([])
  const shown = list.data
  const selected = useMemo(() => ticked.filter((id) => shown?.some((r) => r.id === id) ?? false), [ticked, shown])
  return (
    <div className="wty-list">
      <Space className="wty-filters">
        <Input.Search allowClear autoFocus aria-label={t('wty.filter.search')} placeholder={t('wty.filter.search')} style={{ width: 300 }} onSearch={(v) => setQ(v.trim())} />
        <Select<ClaimState | 'all'>
          aria-label={t('wty.filter.state')}
          style={{ width: 160 }}
          value={state ?? 'all'}
          onChange={(v) => setState(v === 'all' ? undefined : v)}
          options={[{ value: 'all', label: t('wty.filter.all') }, ...CLAIM_STATES.map((s) => ({ value: s, label: t(`warranty.state.${s}`) }))]}
        />
        <span className="wty-muted" aria-live="polite">
          {t('wty.export.selected', { count: selected.length })}
        </span>
        <PackageButtons ids={selected} />
      </Space>
      <ClaimTable rows={list.data ?? []} loading={list.isLoading} label={t('wty.tab.claims')} selected={selected} onSelect={setTicked} />
    </div>
  )
}
