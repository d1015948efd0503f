import { useState } from 'react'
import { Button, Card, Empty, Space, Table, Tag, Typography, message } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { percentFromBp } from '../../../../shared/format/numbers'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { money } from '../../format'
import { useCan } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'
import { CampaignModal } from './CampaignModal'
import { InviteCallDialog } from './InviteCallDialog'
import { CampaignAnalysis } from './CampaignAnalysis'
import { CampaignReport } from './CampaignReport'
import './campaigns.css'

type Campaign = OutputOf<Contract['campaigns.list']>[number]
type Invite = OutputOf<Contract['campaigns.invites']>[number]

/** 市场服务活动: the campaigns, one's offer and target group, and its invitation list to call. */
export function CampaignsTab({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const month = ui((s) => s.month)
  const canManage = useCan('campaigns.manage')
  const list = useApiQuery('campaigns.list', {})
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [editing, setEditing] = useState<Campaign | 'new' | null>(null)
  const [printing, setPrinting] = useState(false)
  const canAnalyse = useCan('department.read')
  const campaigns = list.data ?? []
  const selected = campaigns.find((c) => c.id === selectedId) ?? campaigns[0] ?? null
  const analysis = useApiQuery('campaigns.analysis', { id: selected?.id ?? 0 }, { enabled: selected !== null && canAnalyse })
  if (printing && analysis.data) return <CampaignReport analysis={analysis.data} onBack={() => setPrinting(false)} />
  return (
    <div>
      <Space className="stl-toolbar">
        {canManage && (
          <Button type="primary" size="small" onClick={() => setEditing('new')}>
            {t('campaign.new')}
          </Button>
        )}
      </Space>
      <Table<Campaign>
        size="small"
        rowKey="id"
        loading={!list.data}
        pagination={false}
        dataSource={campaigns}
        aria-label={t('dept.tab.campaigns')}
        locale={{ emptyText: t('campaign.empty') }}
        rowClassName={(c) => (c.id === selected?.id ? 'ant-table-row-selected' : '')}
        onRow={(c) => ({ onClick: () => setSelectedId(c.id) })}
        columns={[
          { title: t('campaign.code'), dataIndex: 'code', width: 130 },
          { title: t('campaign.name'), dataIndex: 'name' },
          { title: t('campaign.dates'), render: (_, c) => `${c.startsOn} ~ ${c.endsOn}`, width: 200 },
          { title: t('campaign.offer'), render: (_, c) => <OfferText campaign={c} /> },
          { title: t('campaign.target'), render: (_, c) => t(`campaignTarget.${c.target.source}`), width: 110 },
          { title: t('campaign.invites'), render: (_, c) => t('campaign.invitedN', { n: c.invited }), width: 100 },
          ...(canManage
            ? [
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, c: Campaign) => (
                    <Button size="small" type="link" onClick={() => setEditing(c)}>
                      {t('campaign.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {analysis.data && analysis.data.campaign.id === selected?.id && <CampaignAnalysis key={`${selected.id}-${selected.version}`} analysis={analysis.data} canManage={canManage} onPrint={() => setPrinting(true)} />}
      {selected ? <InviteList campaign={selected} canManage={canManage} /> : campaigns.length > 0 && <Empty description={t('campaign.pickOne')} />}
      {editing && <CampaignModal campaign={editing === 'new' ? null : editing} month={month} onClose={() => setEditing(null)} />}
    </div>
  )
}

function OfferText({ campaign: c }: { campaign: Campaign }) {
  const t = useT()
  const locale = useLocale()
  const parts = [
    c.labourDiscountBp > 0 ? t('campaign.labourOff', { pct: percentFromBp(c.labourDiscountBp) }) : null,
    c.packageName ? t('campaign.packageAt', { name: c.packageName, price: c.packagePriceFen === null ? '' : money(c.packagePriceFen, locale) }) : null,
    c.freeCheck || null,
  ].filter((p): p is string => p !== null)
  return <span>{parts.join(' · ') || '—'}</span>
}

function InviteList({ campaign, canManage }: { campaign: Campaign; canManage: boolean }) {
  const t = useT()
  const invites = useApiQuery('campaigns.invites', { id: campaign.id })
  const [calling, setCalling] = useState<number | null>(null)
  const build = useApiMutation('campaigns.invite', { onSuccess: (r) => void message.success(t('campaign.listBuilt', r)) })
  return (
    <Card
      size="small"
      className="campaign-offer"
      title={`${campaign.code} · ${campaign.name} · ${t('campaign.invites')}`}
      extra={
        canManage && (
          <Button size="small" loading={build.isPending} onClick={() => build.mutate({ id: campaign.id })}>
            {t('campaign.buildList')}
          </Button>
        )
      }
    >
      <Table<Invite>
        size="small"
        rowKey="id"
        loading={!invites.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={invites.data ?? []}
        aria-label={t('campaign.invites')}
        columns={[
          { title: t('field.plate'), render: (_, i) => i.plate ?? '—', width: 110 },
          { title: t('campaign.targetModel'), dataIndex: 'model' },
          { title: t('field.customer'), dataIndex: 'customerName' },
          { title: t('field.mobile'), render: (_, i) => i.mobile ?? '—', width: 130 },
          { title: t('campaign.result'), render: (_, i) => <Tag color={i.state === 'booked' ? 'green' : i.state === 'declined' ? 'default' : 'blue'}>{t(`inviteState.${i.state}`)}</Tag>, width: 90 },
          { title: t('campaign.attempts'), dataIndex: 'attempts', align: 'right', width: 80 },
          { title: t('campaign.lastOutcome'), render: (_, i) => (i.lastOutcome ? t(`callOutcome.${i.lastOutcome}`) : '—'), width: 100 },
          {
            title: '',
            width: 80,
            render: (_, i) => (
              <Button size="small" onClick={() => setCalling(i.id)} aria-label={`${t('campaign.call')} ${i.plate ?? ''}`}>
                {t('campaign.call')}
              </Button>
            ),
          },
        ]}
      />
      {calling !== null && <InviteCallDialog id={calling} code={campaign.code} onClose={() => setCalling(null)} />}
      <Typography.Text type="secondary">{t('campaign.invitedN', { n: campaign.invited })}</Typography.Text>
    </Card>
  )
}
