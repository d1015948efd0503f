import { useEffect, useState } from 'react'
import { Alert, DatePicker, Input, InputNumber, Modal, Select, Space, Tag, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { TARGET_SOURCES, type TargetSource } from '../../../../shared/domain/campaign'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { fenToYuanText, yuanTextToFen } from '../../format'

type Campaign = OutputOf<Contract['campaigns.get']>

/** The live count waits this long after the last keystroke, so typing a model does not query per letter. */
const COUNT_DEBOUNCE_MS = 300

function useDebounced<T>(value: T): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), COUNT_DEBOUNCE_MS)
    return () => window.clearTimeout(timer)
  }, [value])
  return settled
}

/** 新建/修改市场活动: dates, offer, and the target group with its live count. */
export function CampaignModal({ campaign, month, onClose }: { campaign: Campaign | null; month: string; onClose(): void }) {
  const t = useT()
  const start = campaign ? dayjs(campaign.startsOn) : dayjs(`${month}-01`)
  const [name, setName] = useState(campaign?.name ?? '')
  const [range, setRange] = useState<[dayjs.Dayjs, dayjs.Dayjs]>([start, campaign ? dayjs(campaign.endsOn) : start.endOf('month')])
  const [discount, setDiscount] = useState<number>((campaign?.labourDiscountBp ?? 0) / 100)
  const [packageName, setPackageName] = useState(campaign?.packageName ?? '')
  const [packagePrice, setPackagePrice] = useState(campaign?.packagePriceFen === null || campaign === null ? '' : fenToYuanText(campaign.packagePriceFen))
  const [freeCheck, setFreeCheck] = useState(campaign?.freeCheck ?? '')
  const [source, setSource] = useState<TargetSource>(campaign?.target.source ?? 'service_due')
  const [model, setModel] = useState(campaign?.target.model ?? '')
  const [ageMin, setAgeMin] = useState<number | null>(campaign?.target.ageMin ?? null)
  const [ageMax, setAgeMax] = useState<number | null>(campaign?.target.ageMax ?? null)
  const startsOn = range[0].format('YYYY-MM-DD')
  const endsOn = range[1].format('YYYY-MM-DD')
  const target = { source, model: model.trim() === '' ? null : model.trim(), ageMin, ageMax }
  const countInput = useDebounced({ target, startsOn, endsOn })
  const count = useApiQuery('campaigns.targetCount', countInput, { keepPrevious: true, enabled: countInput.endsOn >= countInput.startsOn })
  const save = useApiMutation('campaigns.save', { showError: 'inline', onSuccess: () => onClose() })
  const priceFen = packagePrice.trim() === '' ? null : yuanTextToFen(packagePrice)
  const ready = name.trim().length >= 2 && (packagePrice.trim() === '' || priceFen !== null)
  const submit = () =>
    save.mutate({
      ...(campaign ? { id: campaign.id, version: campaign.version } : {}),
      draft: { name, startsOn, endsOn, labourDiscountBp: Math.round(discount * 100), packageName, packagePriceFen: priceFen, freeCheck, target },
    })
  return (
    <Modal open width={640} title={campaign ? `${t('campaign.edit')} · ${campaign.code}` : t('campaign.new')} okText={t('common.save')} okButtonProps={{ disabled: !ready, loading: save.isPending }} onOk={submit} onCancel={onClose}>
      {save.problem && <Alert type="error" showIcon title={save.problem} className="care-section" />}
      <div className="dept-form">
        <label>{t('campaign.name')}</label>
        <Input aria-label={t('campaign.name')} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
        <label>{t('campaign.dates')}</label>
        <DatePicker.RangePicker aria-label={t('campaign.dates')} allowClear={false} value={range} onChange={(v) => v && v[0] && v[1] && setRange([v[0], v[1]])} />
        <label>{t('campaign.labourDiscount')}</label>
        <InputNumber<number> aria-label={t('campaign.labourDiscount')} min={0} max={100} step={5} value={discount} onChange={(v) => setDiscount(v ?? 0)} />
        <label>{t('campaign.package')}</label>
        <Space.Compact>
          <Input aria-label={t('campaign.package')} maxLength={100} value={packageName} onChange={(e) => setPackageName(e.target.value)} style={{ width: 260 }} />
          <Input aria-label={t('campaign.packagePrice')} placeholder={t('campaign.packagePrice')} value={packagePrice} onChange={(e) => setPackagePrice(e.target.value)} style={{ width: 140 }} status={packagePrice.trim() !== '' && priceFen === null ? 'error' : ''} />
        </Space.Compact>
        <label>{t('campaign.freeCheck')}</label>
        <Input aria-label={t('campaign.freeCheck')} maxLength={100} value={freeCheck} onChange={(e) => setFreeCheck(e.target.value)} />
        <label>{t('campaign.target')}</label>
        <Select<TargetSource> aria-label={t('campaign.target')} value={source} onChange={setSource} options={TARGET_SOURCES.map((s) => ({ value: s, label: t(`campaignTarget.${s}`) }))} />
        <label>{t('campaign.targetModel')}</label>
        <Input aria-label={t('campaign.targetModel')} maxLength={64} value={model} onChange={(e) => setModel(e.target.value)} />
        <label>{t('campaign.ageMin')}</label>
        <Space>
          <InputNumber<number> aria-label={t('campaign.ageMin')} min={0} max={50} value={ageMin} onChange={(v) => setAgeMin(v ?? null)} />
          <Typography.Text type="secondary">{t('campaign.ageMax')}</Typography.Text>
          <InputNumber<number> aria-label={t('campaign.ageMax')} min={0} max={50} value={ageMax} onChange={(v) => setAgeMax(v ?? null)} />
        </Space>
      </div>
      <div className="care-section">
        <Tag color="blue" aria-label={t('campaign.target')} aria-live="polite">
          {t('campaign.liveCount', { n: count.data?.count ?? '…' })}
        </Tag>
      </div>
    </Modal>
  )
}
