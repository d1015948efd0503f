import { useMemo } from 'react'
import { Alert, Button } from 'antd'
import { isMobile, normalisePhone } from '../../../../shared/domain/phone'
import { useApiQuery } from '../../api/query-client'
import type { T } from '../../i18n'

export interface MobileOwner {
  customerId: number
  customerName: string
  mobile: string
  /** "粤A12345 朗逸" of each vehicle they own, to recognise them by. */
  vehicles: string[]
}

/**
 * The customer who already has this mobile, looked up as soon as the number is complete, so the
 * desk sees the duplicate before registering it. The host still refuses it (DUPLICATE).
 */
export function useMobileOwner(mobile: string | undefined): MobileOwner | null {
  const digits = mobile && isMobile(mobile) ? normalisePhone(mobile) : null
  const { data } = useApiQuery('reception.search', { q: digits ?? '', limit: 20 }, { enabled: digits !== null })
  return useMemo(() => {
    if (!digits || !data) return null
    const hits = data.filter((h) => h.mobile === digits)
    const first = hits[0]
    if (!first) return null
    const mine = hits.filter((h) => h.customerId === first.customerId && h.vehicleId !== null)
    return {
      customerId: first.customerId,
      customerName: first.customerName,
      mobile: digits,
      vehicles: mine.map((h) => [h.plate, h.model].filter(Boolean).join(' ')),
    }
  }, [digits, data])
}

interface Props {
  t: T
  owner: MobileOwner
  onUse(): void
  onShared(): void
}

/** "This mobile is already 周一's (粤A12345 朗逸)": use that customer, or go on as a shared number. */
export function ExistingCustomerNotice({ t, owner, onUse, onShared }: Props) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginBottom: 12 }}
      title={t('reception.mobileTaken', { name: owner.customerName })}
      description={
        <div className="mobile-owner">
          {owner.vehicles.length > 0 && <div>{t('desk.mobileOwnerVehicles', { vehicles: owner.vehicles.join('、') })}</div>}
          <div className="muted">{t('desk.mobileSharedHint')}</div>
          <div className="mobile-owner-actions">
            <Button size="small" type="primary" onClick={onUse}>
              {t('desk.useThisCustomer')}
            </Button>
            <Button size="small" onClick={onShared}>
              {t('desk.registerAsShared')}
            </Button>
          </div>
        </div>
      }
    />
  )
}
