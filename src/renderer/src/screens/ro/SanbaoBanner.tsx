import { Alert } from 'antd'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'

/** On the RO: a warning when the vehicle's 三包 counters are at or one below a threshold (rule `sanbao_threshold`). */
export function SanbaoBanner({ roId }: { roId: number }) {
  const t = useT()
  const can = useCan('reception.read')
  const q = useApiQuery('warranty.sanbao.forRo', { roId }, { enabled: can })
  const data = q.data
  if (!data || !data.ruleEnabled || data.level === 'ok') return null
  const lines = data.counters.filter((c) => c.level !== 'ok')
  return (
    <Alert
      className="ro-sanbao"
      role="alert"
      type={data.level === 'reached' ? 'error' : 'warning'}
      showIcon
      title={t(data.level === 'reached' ? 'sanbao.banner.reached' : 'sanbao.banner.approaching')}
      description={lines.map((c) => t('sanbao.banner.line', { counter: t(`sanbao.counter.${c.counter}`), value: c.value, limit: c.limit })).join('；')}
    />
  )
}
