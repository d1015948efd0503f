import { Alert, Card, Table, Tag } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useLocale, useT } from '../../i18n'
import { km } from '../../format'
import { SanbaoClaimMarks } from './SanbaoClaimMarks'

type Sanbao = OutputOf<Contract['warranty.sanbao.vehicle']>
type Repair = Sanbao['repairs'][number]

export const LEVEL_COLOUR = { ok: 'green', approaching: 'orange', reached: 'red' } as const

/** A vehicle's 三包: the validity, the five counters against their thresholds, the repairs counted. */
export function SanbaoCounters({ data }: { data: Sanbao }) {
  const t = useT()
  const locale = useLocale()
  const untilKm = km(data.untilKm, locale)
  const validity =
    data.startsOn === null
      ? t('sanbao.noStart')
      : data.endedBy === 'date'
        ? t('sanbao.ended.date', { untilDate: data.untilDate ?? '' })
        : data.endedBy === 'km'
          ? t('sanbao.ended.km', { untilKm })
          : t('sanbao.validity', { startsOn: data.startsOn, untilDate: data.untilDate ?? '', untilKm })
  return (
    <Card size="small" title={t('sanbao.title')} className="wty-sanbao" aria-label={t('sanbao.title')}>
      <Alert type={data.inValidity ? 'info' : 'warning'} showIcon title={validity} className="wty-sanbao-validity" />
      <div className="wty-sanbao-counters" role="list">
        {data.counters.map((c) => (
          <div key={c.counter} role="listitem" className={`wty-sanbao-counter is-${c.level}`} aria-label={t(`sanbao.counter.${c.counter}`)}>
            <div className="wty-sanbao-name">{t(`sanbao.counter.${c.counter}`)}</div>
            <div className="wty-sanbao-figure">{t('sanbao.figure', { value: c.value, limit: c.limit })}</div>
            <Tag color={LEVEL_COLOUR[c.level]}>{t(`sanbao.level.${c.level}`)}</Tag>
            {c.subject !== '' && <div className="wty-sanbao-subject mono">{c.counter === 'replacements' ? t(`sanbao.assembly.${c.subject as 'engine'}`) : c.subject}</div>}
          </div>
        ))}
      </div>
      <h4 className="wty-sanbao-sub">{t('sanbao.repairs')}</h4>
      <Table<Repair>
        size="small"
        rowKey="roId"
        aria-label={t('sanbao.repairs')}
        dataSource={data.repairs}
        pagination={false}
        columns={[
          { title: t('sanbao.col.ro'), dataIndex: 'roNumber', className: 'mono', width: 130 },
          { title: t('sanbao.col.opened'), dataIndex: 'openedOn', width: 110 },
          { title: t('sanbao.col.end'), key: 'end', width: 110, render: (_, r) => (r.open ? t('sanbao.running') : r.endOn) },
          { title: t('sanbao.col.days'), dataIndex: 'days', align: 'right', width: 70 },
          { title: t('sanbao.col.km'), dataIndex: 'odometerKm', align: 'right', width: 110, render: (v: number) => km(v, locale) },
          { title: t('sanbao.col.problems'), key: 'problems', render: (_, r) => r.problems.join('、') || '—' },
          {
            title: t('sanbao.col.flags'),
            key: 'flags',
            render: (_, r) => [r.safetyFault ? t('sanbao.mark.safety') : null, ...r.replaced.map((a) => t(`sanbao.assembly.${a}`))].filter(Boolean).join('、') || '—',
          },
          { title: t('sanbao.col.counted'), key: 'counted', width: 110, render: (_, r) => (r.counted ? <Tag color="blue">{t('sanbao.counted')}</Tag> : <Tag>{t('sanbao.outside')}</Tag>) },
        ]}
      />
      <SanbaoClaimMarks data={data} />
    </Card>
  )
}
