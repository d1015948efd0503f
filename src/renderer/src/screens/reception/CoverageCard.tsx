import { Card, Empty, Tag } from 'antd'
import { daysBetween } from '../../../../shared/domain/calendar'
import { useApiQuery } from '../../api/query-client'
import { dateOnly, km } from '../../format'
import { useLocale, useT } from '../../i18n'

// What the car is still covered for, at the desk while the customer waits: one line per coverage
// (basic, powertrain, battery, motor, wear parts) with its end by date and by km, whichever comes
// first, and what is left of it as of today at the car's last known reading.

export function CoverageCard({ vehicleId }: { vehicleId: number }) {
  const t = useT()
  const locale = useLocale()
  const { data } = useApiQuery('warranty.coverage', { vehicleId })
  const start = data?.startsOn ? t('coverage.since', { date: dateOnly(data.startsOn), source: t(`coverage.source.${data.startSource ?? 'delivery'}`) }) : null
  return (
    <Card size="small" title={t('coverage.title')} extra={start} className="info-card coverage-card" aria-label={t('coverage.title')}>
      {data && data.lines.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('coverage.noStart')} />}
      <ul className="coverage-lines">
        {data?.lines.map((line) => {
          const daysLeft = daysBetween(data.asOf, line.untilDate)
          const kmLeft = line.untilKm - data.odometerKm
          return (
            <li key={line.coverage} className={line.covered ? 'covered' : 'ended'}>
              <span className="coverage-name">{t(`warranty.coverage.${line.coverage}`)}</span>
              <span className="coverage-until">{t('coverage.until', { date: dateOnly(line.untilDate), km: km(line.untilKm, locale) })}</span>
              {line.covered ? (
                <Tag color="green">{t('coverage.left', { days: daysLeft, km: km(kmLeft, locale) })}</Tag>
              ) : (
                <Tag color="red">{t(`lineCheck.endedBy.${line.endedBy ?? 'date'}`)}</Tag>
              )}
            </li>
          )
        })}
      </ul>
    </Card>
  )
}
