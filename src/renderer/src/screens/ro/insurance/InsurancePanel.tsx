import { Alert, Card, Spin } from 'antd'
import { failureOf, useApiQuery } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { useCan } from '../../../permissions'
import { ClaimForm } from './ClaimForm'
import { SplitSummary } from './SplitSummary'
import { Supplements } from './Supplements'
import { Attachments } from '../../../components/Attachments'
import './insurance.css'

/** The insurance view on an insurance RO (保险定损): the claim, its assessment, supplements and the split. */
export function InsurancePanel({ roId }: { roId: number }) {
  const t = useT()
  const canWrite = useCan('insurance.write')
  const canSeeFiles = useCan('attachments.read')
  const q = useApiQuery('insurance.get', { roId })
  if (q.isLoading) return <Spin />
  const view = q.data
  if (!view) return <Alert type="error" showIcon title={failureOf(q.error)?.message ?? ''} />
  return (
    <section className="ins-panel" aria-label={t('insv.title')}>
      <Card size="small" title={t('insv.title')}>
        {!view.claim && <Alert type="info" showIcon title={t('insv.none')} className="ins-none" />}
        {view.claim && !view.editable && <Alert type="info" showIcon title={t('insv.readOnly')} className="ins-none" />}
        {/* A new version (a save here or elsewhere) starts the form from what is stored. */}
        <ClaimForm key={`${view.claim?.version ?? 0}`} view={view} canWrite={canWrite} />
      </Card>
      <div className="ins-panel-row">
        {view.claim && <Supplements view={view} canWrite={canWrite} />}
        {view.claim && <SplitSummary view={view} />}
      </div>
      {view.claim && canSeeFiles && <Attachments ownerKind="insurance_claim" ownerId={view.claim.id} editable={canWrite} />}
    </section>
  )
}
