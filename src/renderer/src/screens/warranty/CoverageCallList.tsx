import { useMemo, useState } from 'react'
import { Alert } from 'antd'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { CareToolbar } from '../care/CareToolbar'
import { CoverageCallDialog } from './CoverageCallDialog'
import { CoverageCallTable } from './CoverageCallTable'
import '../care/care.css'

/** 保修到期提醒: today's coverage-expiry calls; F2 filters, Enter opens the first one shown. */
export function CoverageCallList() {
  const t = useT()
  const query = useApiQuery('warranty.calls.list', { limit: 500 })
  const [q, setQ] = useState('')
  const [openId, setOpenId] = useState<number | null>(null)
  const shown = useMemo(() => {
    const needle = q.trim().toUpperCase()
    const rows = query.data ?? []
    return needle ? rows.filter((r) => [r.plate ?? '', r.vin, r.customerName, r.mobile ?? ''].some((v) => v.toUpperCase().includes(needle))) : rows
  }, [query.data, q])
  return (
    <div>
      <CareToolbar q={q} setQ={setQ} count={shown.length} onEnter={() => shown[0] && setOpenId(shown[0].id)} />
      {query.error && <Alert type="error" showIcon title={query.error.message} />}
      <CoverageCallTable rows={shown} loading={query.isPending} label={t('wty.tab.calls')} onOpen={setOpenId} />
      {openId !== null && <CoverageCallDialog id={openId} onClose={() => setOpenId(null)} />}
    </div>
  )
}
