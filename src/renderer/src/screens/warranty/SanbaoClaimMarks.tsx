import { Checkbox, Select, Table } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { SANBAO_ASSEMBLIES, type SanbaoAssembly } from '../../../../shared/domain/sanbao'
import { useApiMutation } from '../../api/query-client'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'

type Sanbao = OutputOf<Contract['warranty.sanbao.vehicle']>
type Claim = Sanbao['claims'][number]

/** The vehicle's claims with their 三包 marks: a serious safety fault, the assembly replaced. */
export function SanbaoClaimMarks({ data }: { data: Sanbao }) {
  const t = useT()
  const canWrite = useCan('warranty.write')
  const mark = useApiMutation('warranty.sanbao.mark')
  if (data.claims.length === 0) return null
  const assemblies = SANBAO_ASSEMBLIES.filter((a) => data.energy === 'new_energy' || (a !== 'nev_battery' && a !== 'nev_motor'))
  const save = (c: Claim, safetyFault: boolean, replaced: SanbaoAssembly | null) => mark.mutate({ claimId: c.id, safetyFault, replaced })
  return (
    <>
      <h4 className="wty-sanbao-sub">{t('sanbao.claims')}</h4>
      <Table<Claim>
        size="small"
        rowKey="id"
        aria-label={t('sanbao.claims')}
        dataSource={data.claims}
        pagination={false}
        columns={[
          { title: t('sanbao.col.claim'), dataIndex: 'number', className: 'mono', width: 150 },
          { title: t('sanbao.col.problems'), key: 'problem', render: (_, c) => c.failureCode || c.causalPart || '—' },
          {
            title: t('sanbao.mark.safety'),
            key: 'safety',
            width: 170,
            render: (_, c) => (
              <Checkbox checked={c.safetyFault} disabled={!canWrite || mark.isPending} aria-label={`${c.number} ${t('sanbao.mark.safety')}`} onChange={(e) => save(c, e.target.checked, c.replaced)}>
                {t('sanbao.mark.safety')}
              </Checkbox>
            ),
          },
          {
            title: t('sanbao.mark.replaced'),
            key: 'replaced',
            width: 170,
            render: (_, c) => (
              <Select<SanbaoAssembly | 'none'>
                size="small"
                className="wty-sanbao-select"
                value={c.replaced ?? 'none'}
                disabled={!canWrite || mark.isPending}
                aria-label={`${c.number} ${t('sanbao.mark.replaced')}`}
                options={[{ value: 'none' as const, label: t('sanbao.assembly.none') }, ...assemblies.map((a) => ({ value: a, label: t(`sanbao.assembly.${a}`) }))]}
                onChange={(value) => save(c, c.safetyFault, value === 'none' ? null : value)}
              />
            ),
          },
        ]}
      />
    </>
  )
}
