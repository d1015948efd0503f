import { useEffect, useState } from 'react'
import { Button, DatePicker, Input, Segmented, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { KPI_UNIT } from '../../../../shared/domain/etiquette'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { dateTime } from '../../format'
import { useLocale, useT } from '../../i18n'
import { useCan } from '../../permissions'
import type { DepartmentUi } from '../../stores/department-store'
import { kpiInputText, kpiText, parseKpi } from './kpi-value'

type Row = OutputOf<Contract['department.kpi.targets']>['rows'][number]

/** 岗位 KPI 目标: the month's target of each role's KPIs, with the formula of its actual; the parts counter's two as department figures. */
export function KpiTargets({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const month = ui((s) => s.month)
  const locale = useLocale()
  const canSet = useCan('department.targets')
  const [span, setSpan] = useState<'month' | 'quarter'>('month')
  const view = useApiQuery('department.kpi.targets', { month })
  return (
    <div className="dept-h">
      <Space className="stl-toolbar" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('kpi.title')}
        </Typography.Title>
        <DatePicker picker="month" size="small" allowClear={false} aria-label={t('dept.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && ui.getState().setMonth(d.format('YYYY-MM'))} />
        {canSet && (
          <Segmented<'month' | 'quarter'>
            size="small"
            aria-label={t('kpi.span')}
            value={span}
            onChange={setSpan}
            options={[
              { value: 'month', label: t('kpi.span.month') },
              { value: 'quarter', label: t('kpi.span.quarter') },
            ]}
          />
        )}
      </Space>
      <Table<Row>
        size="small"
        rowKey="kpi"
        loading={!view.data}
        pagination={false}
        dataSource={view.data?.rows ?? []}
        aria-label={t('kpi.title')}
        columns={[
          { key: 'kind', title: t('kpi.kind'), width: 150, render: (_, r) => t(`kpi.kind.${r.kind}` as MessageKey) },
          { key: 'kpi', title: t('kpi.kpi'), width: 130, render: (_, r) => t(`kpi.${r.kpi}` as MessageKey) },
          { key: 'formula', title: t('kpi.formulaCol'), render: (_, r) => <Typography.Text type="secondary">{t(`kpi.formula.${r.kpi}` as MessageKey)}</Typography.Text> },
          { key: 'target', title: t('kpi.target'), width: 260, render: (_, r) => <TargetCell row={r} month={month} span={span} canSet={canSet} /> },
          { key: 'actual', title: t('kpi.departmentActual'), width: 110, align: 'right', render: (_, r) => (r.kind === 'parts' || r.kpi === 'csi' ? kpiText(r.kpi, r.departmentActual, locale) : '') },
        ]}
      />
    </div>
  )
}

function TargetCell({ row, month, span, canSet }: { row: Row; month: string; span: 'month' | 'quarter'; canSet: boolean }) {
  const t = useT()
  const [text, setText] = useState(kpiInputText(row.kpi, row.target))
  useEffect(() => setText(kpiInputText(row.kpi, row.target)), [row.kpi, row.target])
  const locale = useLocale()
  const save = useApiMutation('department.kpi.save')
  const label = t('kpi.targetOf', { kpi: t(`kpi.${row.kpi}` as MessageKey) })
  if (!canSet) return <span>{kpiText(row.kpi, row.target, locale)}</span>
  const value = text.trim() === '' ? null : parseKpi(row.kpi, text)
  const valid = text.trim() === '' || value !== null
  return (
    <Space size={4} title={row.setBy && row.setAt ? t('kpi.setBy', { name: row.setBy, at: dateTime(row.setAt) }) : undefined}>
      <Input size="small" style={{ width: 110 }} aria-label={label} status={valid ? undefined : 'error'} value={text} onChange={(e) => setText(e.target.value)} suffix={t(`kpi.unit.${KPI_UNIT[row.kpi]}` as MessageKey)} />
      <Button size="small" disabled={!valid} loading={save.isPending} aria-label={`${t('kpi.save')} ${label}`} onClick={() => save.mutate({ month, span, kpi: row.kpi, target: value })}>
        {t('kpi.save')}
      </Button>
    </Space>
  )
}
