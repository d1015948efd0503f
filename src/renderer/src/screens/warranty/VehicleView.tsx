import { useState } from 'react'
import { Card, Empty, Input, List, Skeleton, Tag } from 'antd'
import type { Coverage } from '../../../../shared/domain/warranty'
import { useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { km } from '../../format'
import { SanbaoCounters } from './SanbaoCounters'

/** Coverage and 三包 per vehicle: find the car (Enter takes the first hit), then one line per coverage and the counters. */
export function VehicleView() {
  const t = useT()
  const [q, setQ] = useState('')
  const [vehicleId, setVehicleId] = useState<number | null>(null)
  const hits = useApiQuery('reception.search', { q: q.trim(), limit: 8 }, { enabled: q.trim().length > 0, keepPrevious: true })
  const vehicles = (hits.data ?? []).filter((h) => h.vehicleId !== null)
  return (
    <div className="wty-vehicle">
      <div className="wty-vehicle-find">
        <Input
          autoFocus
          allowClear
          aria-label={t('sanbao.search')}
          placeholder={t('sanbao.search')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => {
            const firstHit = vehicles[0]?.vehicleId
            if (firstHit) setVehicleId(firstHit)
          }}
        />
        {q.trim() !== '' && (
          <List
            size="small"
            className="wty-vehicle-hits"
            dataSource={vehicles}
            locale={{ emptyText: t('wty.today.empty') }}
            renderItem={(h) => (
              <List.Item className={h.vehicleId === vehicleId ? 'is-active' : ''}>
                <button type="button" className="wty-vehicle-hit" onClick={() => setVehicleId(h.vehicleId)}>
                  <span className="mono">{h.plate ?? '—'}</span> {h.make} {h.model} · {h.customerName}
                </button>
              </List.Item>
            )}
          />
        )}
      </div>
      {vehicleId === null ? <Empty description={t('sanbao.pick')} /> : <VehicleDetail vehicleId={vehicleId} />}
    </div>
  )
}

function VehicleDetail({ vehicleId }: { vehicleId: number }) {
  const t = useT()
  const locale = useLocale()
  const coverage = useApiQuery('warranty.coverage', { vehicleId })
  const sanbao = useApiQuery('warranty.sanbao.vehicle', { vehicleId })
  if (!coverage.data || !sanbao.data) return <Skeleton active />
  const c = coverage.data
  return (
    <div className="wty-vehicle-detail">
      <Card size="small" title={`${t('sanbao.coverage')} · ${sanbao.data.plate ?? sanbao.data.vin} · ${c.make} ${c.model}`}>
        {c.lines.length === 0 ? (
          <div>{t('sanbao.noStart')}</div>
        ) : (
          <ul className="wty-coverage-lines" aria-label={t('sanbao.coverage')}>
            {c.lines.map((l) => (
              <li key={l.coverage}>
                <span className="wty-coverage-name">{t(`warranty.coverage.${l.coverage as Coverage}`)}</span>
                <span>{t('sanbao.coverageUntil', { untilDate: l.untilDate, untilKm: km(l.untilKm, locale) })}</span>
                <Tag color={l.covered ? 'green' : 'default'}>{l.covered ? t('sanbao.covered') : t('sanbao.notCovered')}</Tag>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <SanbaoCounters data={sanbao.data} />
    </div>
  )
}
