import { Button, Select, Tag } from 'antd'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'

/** 活动代码 on the RO header: the campaigns running on the RO's day, the invited one suggested. */
export function RoCampaignField({ roId }: { roId: number }) {
  const t = useT()
  const canWrite = useCan('ro.write')
  const view = useApiQuery('campaigns.ro.get', { roId })
  const set = useApiMutation('campaigns.ro.set')
  const v = view.data
  if (!v) return <span>—</span>
  if (!v.editable || !canWrite || v.offers.length === 0) return <span aria-label={t('campaign.onRo')}>{v.current ? `${v.current.code} ${v.current.name}` : t('campaign.noCode')}</span>
  const suggested = v.offers.find((o) => o.campaignId === v.suggestedId)
  return (
    <span className="ro-campaign">
      <Select<number | null>
        size="small"
        style={{ minWidth: 200 }}
        aria-label={t('campaign.onRo')}
        value={v.current?.campaignId ?? null}
        loading={set.isPending}
        onChange={(campaignId) => set.mutate({ roId, campaignId })}
        options={[
          { value: null, label: t('campaign.noCode') },
          ...v.offers.map((o) => ({ value: o.campaignId, label: `${o.code} ${o.name}${o.invited ? ` · ${t('campaign.invitedTag')}` : ''}` })),
        ]}
      />
      {suggested && (
        <>
          <Tag color="gold">{t('campaign.suggested', { code: suggested.code })}</Tag>
          <Button size="small" type="link" onClick={() => set.mutate({ roId, campaignId: suggested.campaignId })}>
            {t('campaign.useSuggested')}
          </Button>
        </>
      )}
    </span>
  )
}
