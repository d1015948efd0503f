import { useLocale, useT } from '../../i18n'
import { milliToDecimal, money } from '../../format'
import { RemoteSelect } from '../../components/RemoteSelect'
import type { LabourOpT, PartHitT } from '../../stores/types'
import { useCan } from '../../permissions'

/** Operation codes with their flat-rate hours (工时); picking one adds a labour line. */
export function LabourPicker({ onPick }: { onPick(op: LabourOpT): void }) {
  const t = useT()
  const canRead = useCan('catalog.read')
  if (!canRead) return null
  return (
    <RemoteSelect
      ariaLabel={t('estimate.addLabour')}
      placeholder={t('estimate.addLabour')}
      searchEmpty
      channel="catalog.labour.search"
      input={(q) => ({ q, limit: 30 })}
      items={(ops): LabourOpT[] => ops}
      keyOf={(op) => op.code}
      labelOf={(op) => (
        <span className="pick-option">
          <span className="mono">{op.code}</span> {op.description}{' '}
          <span className="muted">{t('estimate.flatHours', { hours: milliToDecimal(op.flatHoursMilli) })}</span>
        </span>
      )}
      onPick={onPick}
      notFound={t('desk.noHits')}
    />
  )
}

/** Parts by number or name with their sale price; picking one adds a part line. */
export function PartPicker({ onPick }: { onPick(part: PartHitT): void }) {
  const t = useT()
  const locale = useLocale()
  const canRead = useCan('catalog.read')
  if (!canRead) return null
  return (
    <RemoteSelect
      ariaLabel={t('estimate.addPart')}
      placeholder={t('estimate.addPart')}
      channel="catalog.parts.search"
      input={(q) => ({ q, limit: 30 })}
      items={(parts): PartHitT[] => parts}
      keyOf={(p) => p.id}
      labelOf={(p) => (
        <span className="pick-option">
          <span className="mono">{p.partNumber}</span> {p.name} <span className="muted">{money(p.priceFen, locale)}</span>
        </span>
      )}
      onPick={onPick}
      notFound={t('desk.noHits')}
    />
  )
}
