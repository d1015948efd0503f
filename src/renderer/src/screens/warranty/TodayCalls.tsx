import { useState } from 'react'
import { Button, Card } from 'antd'
import { useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { navigate } from '../../router'
import { CoverageCallDialog } from './CoverageCallDialog'
import { CoverageCallTable } from './CoverageCallTable'

const SHOWN = 8

/** Today's coverage-expiry calls on the desk's today view: the first few, the whole list one click away. */
export function TodayCalls() {
  const t = useT()
  const query = useApiQuery('warranty.calls.list', { limit: SHOWN })
  const [openId, setOpenId] = useState<number | null>(null)
  return (
    <Card
      size="small"
      title={t('wty.today.calls')}
      extra={
        <Button size="small" type="link" onClick={() => navigate({ name: 'warranty', tab: 'calls' })}>
          {t('wty.tab.calls')}
        </Button>
      }
    >
      <CoverageCallTable rows={query.data ?? []} loading={query.isPending} label={t('wty.today.calls')} onOpen={setOpenId} />
      {openId !== null && <CoverageCallDialog id={openId} onClose={() => setOpenId(null)} />}
    </Card>
  )
}
