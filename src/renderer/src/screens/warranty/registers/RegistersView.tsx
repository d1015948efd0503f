import { useState } from 'react'
import { Button, Input, Select, Space, Table } from 'antd'
import type { OutputOf } from '../../../../../shared/contract/types'
import type { Contract } from '../../../../../shared/contract'
import { REGISTER_KINDS, REGISTER_STATES, type RegisterKind, type RegisterState } from '../../../../../shared/domain/warranty-register'
import { useApi, useApiQuery } from '../../../api/query-client'
import { useFileSave } from '../../../files/save-file'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import { useCan } from '../../../permissions'
import { RegisterDrawer } from './RegisterDrawer'

export type RegisterRow = OutputOf<Contract['warranty.register.list']>[number]

/** 超权限申报 / 质量信息反馈: the registers kept with the maker, filtered by kind and state. */
export function RegistersView() {
  const t = useT()
  const locale = useLocale()
  const api = useApi()
  const canWrite = useCan('warranty.write')
  const [kind, setKind] = useState<RegisterKind | undefined>(undefined)
  const [state, setState] = useState<RegisterState | undefined>(undefined)
  const [q, setQ] = useState('')
  const [open, setOpen] = useState<{ id: number } | { kind: RegisterKind } | null>(null)
  const filter = { ...(kind ? { kind } : {}), ...(state ? { state } : {}), q }
  const list = useApiQuery('warranty.register.list', filter)
  const { busy, save } = useFileSave<'xlsx'>()
  return (
    <div className="wty-shelf">
      <Space className="wty-filters" wrap>
        <Select<RegisterKind | ''>
          aria-label={t('wtyReg.col.kind')}
          style={{ width: 160 }}
          value={kind ?? ''}
          onChange={(v) => setKind(v || undefined)}
          options={[{ value: '', label: t('wtyReg.ui.allKinds') }, ...REGISTER_KINDS.map((k) => ({ value: k, label: t(`wtyReg.kind.${k}`) }))]}
        />
        <Select<RegisterState | ''>
          aria-label={t('wtyReg.col.state')}
          style={{ width: 130 }}
          value={state ?? ''}
          onChange={(v) => setState(v || undefined)}
          options={[{ value: '', label: t('wtyReg.ui.allStates') }, ...REGISTER_STATES.map((s) => ({ value: s, label: t(`wtyReg.state.${s}`) }))]}
        />
        <Input.Search aria-label={t('wtyReg.ui.search')} placeholder={t('wtyReg.ui.search')} allowClear style={{ width: 240 }} onSearch={(v) => setQ(v.trim())} />
        {canWrite && (
          <>
            <Button type="primary" onClick={() => setOpen({ kind: 'over_authority' })}>
              {t('wtyReg.ui.newOverAuthority')}
            </Button>
            <Button onClick={() => setOpen({ kind: 'quality_feedback' })}>{t('wtyReg.ui.newQuality')}</Button>
          </>
        )}
        <Button loading={busy === 'xlsx'} onClick={() => void save('xlsx', () => api.call('warranty.register.export', filter))}>
          {t('wtyReg.ui.export')}
        </Button>
      </Space>
      <Table<RegisterRow>
        size="small"
        rowKey="id"
        aria-label={t('wtyReg.title')}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('wtyReg.ui.empty') }}
        onRow={(r) => ({ onClick: () => setOpen({ id: r.id }), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('wtyReg.col.number'),
            dataIndex: 'number',
            className: 'mono',
            width: 140,
            render: (n: string, r) => (
              <a
                href={`#reg-${r.id}`}
                onClick={(e) => {
                  e.preventDefault()
                  e.stopPropagation()
                  setOpen({ id: r.id })
                }}
              >
                {n}
              </a>
            ),
          },
          { title: t('wtyReg.col.kind'), dataIndex: 'kind', width: 110, render: (k: RegisterKind) => t(`wtyReg.kind.${k}`) },
          { title: t('wtyReg.col.state'), dataIndex: 'state', width: 90, render: (s: RegisterState) => t(`wtyReg.state.${s}`) },
          { title: t('wtyReg.col.ro'), dataIndex: 'roNumber', className: 'mono', width: 130, render: (v: string | null) => v ?? '—' },
          { title: t('wtyReg.col.vehicle'), key: 'vehicle', width: 220, render: (_, r) => <span className="mono">{r.plate ? `${r.plate} · ${r.vin}` : r.vin}</span> },
          {
            title: t('wtyReg.col.subject'),
            key: 'subject',
            render: (_, r) =>
              r.kind === 'over_authority'
                ? `${r.claimNumber ? `${r.claimNumber} · ` : ''}${money(r.requestedFen ?? 0, locale)}${r.approvedFen !== null ? ` → ${money(r.approvedFen, locale)}` : ''}`
                : `${r.severity ? `${t(`wtyReg.severity.${r.severity}`)} · ` : ''}${r.partText ? `${r.partText} · ` : ''}${r.failure}`,
          },
          { title: t('wtyReg.col.updatedAt'), dataIndex: 'updatedAt', width: 150, render: (at: string) => dateTime(at) },
        ]}
      />
      {open && <RegisterDrawer target={open} onClose={() => setOpen(null)} onCreated={(id) => setOpen({ id })} />}
    </div>
  )
}
