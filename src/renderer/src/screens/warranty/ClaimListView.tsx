import { Input, Select, Space } from 'antd'
import { useState } from 'react'
import { CLAIM_STATES, type ClaimState } from '../../../../shared/domain/warranty'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { ClaimTable } from './ClaimTable'

/** Every claim, newest change first, filtered by state and by claim, RO, plate, VIN or customer. */
export function ClaimListView() {
  const t = useT()
  const [state, setState] = useState<ClaimState | undefined>(undefined)
  const [q, setQ] = useState('')
  const list = useApiQuery('warranty.claim.list', { ...(state ? { state } : {}), q }, { keepPrevious: true })
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
      </Space>
      <ClaimTable rows={list.data ?? []} loading={list.isLoading} label={t('wty.tab.claims')} />
    </div>
  )
}
