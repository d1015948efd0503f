import { Modal, Skeleton, Table, Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import type { MessageKey } from '../../../../shared/i18n'
import { FIGURE_RULE, FIGURE_UNITS, type Figure, type FigureUnit } from '../../../../shared/domain/figures'
import { decimalFromMilli, percentFromBp } from '../../../../shared/format/numbers'
import { useApiQuery } from '../../api/query-client'
import { dateTime, money } from '../../format'
import { useLocale, useT } from '../../i18n'
import type { Locale } from '../../../../shared/i18n'
import type { DepartmentUi } from '../../stores/department-store'

type Row = OutputOf<Contract['department.figure.drill']>['rows'][number]

function unitText(unit: FigureUnit, value: number, locale: Locale, yesNo: (v: boolean) => string): string {
  switch (unit) {
    case 'fen':
      return money(value, locale)
    case 'bp':
      return percentFromBp(value)
    case 'milli_hours':
      return decimalFromMilli(value)
    // Clocked time: milliseconds shown as hours to the thousandth (3 600 ms a milli-hour).
    case 'ms':
      return decimalFromMilli(Math.round(value / 3_600))
    case 'tenths':
      return (value / 10).toFixed(1)
    case 'flag':
      return yesNo(value > 0)
    default:
      return String(value)
  }
}

/** The figure itself, written in its own unit. */
export function figureText(figure: Figure, value: number | null, locale: Locale): string {
  if (value === null) return '—'
  const rule = FIGURE_RULE[figure]
  if (rule === 'ratio_bp' || rule === 'efficiency') return percentFromBp(value)
  const unit = FIGURE_UNITS[figure].num
  return unitText(unit === 'flag' ? 'count' : unit, value, locale, String)
}

/** The rows behind one scorecard figure: each row's part of it, the figure from all of them. */
export function FigureDrillModal({ ui }: { ui: DepartmentUi }) {
  const t = useT()
  const locale = useLocale()
  const month = ui((s) => s.month)
  const figureOf = ui((s) => s.figureOf)
  const query = useApiQuery(
    'department.figure.drill',
    { month, figure: figureOf?.figure ?? 'csi', ...(figureOf?.userId ? { userId: figureOf.userId } : {}), limit: 500 },
    { enabled: figureOf !== null },
  )
  const d = figureOf ? query.data : undefined
  const yesNo = (v: boolean) => t(v ? 'figure.yes' : 'figure.no')
  const units = figureOf ? FIGURE_UNITS[figureOf.figure] : null
  return (
    <Modal
      open={figureOf !== null}
      width={900}
      footer={null}
      onCancel={() => ui.getState().openFigure(null)}
      title={figureOf ? t('figure.title', { figure: t(`figure.${figureOf.figure}` as MessageKey), month }) : ''}
    >
      {!d && <Skeleton active />}
      {d && units && (
        <>
          <Typography.Paragraph>
            {t('figure.total', { value: figureText(d.figure, d.value, locale), n: d.count })}
            {d.truncated ? ` ${t('figure.truncated', { shown: d.rows.length, n: d.count })}` : ''}
          </Typography.Paragraph>
          <Table<Row>
            size="small"
            rowKey={(r) => `${r.ref}|${r.at}|${r.item}|${r.num}|${r.den}`}
            pagination={{ pageSize: 10, showSizeChanger: false }}
            dataSource={d.rows}
            aria-label={t('figure.title', { figure: t(`figure.${d.figure}` as MessageKey), month })}
            columns={[
              { key: 'ref', title: t('figure.ref'), dataIndex: 'ref' },
              { key: 'at', title: t('figure.at'), render: (_, r) => (r.at.length > 10 ? dateTime(r.at) : r.at) },
              { key: 'item', title: t('figure.item'), render: (_, r) => (r.itemKey ? t(r.itemKey as MessageKey) : r.item) },
              { key: 'num', title: t(`figure.num.${d.figure}` as MessageKey), align: 'right', render: (_, r) => unitText(units.num, r.num, locale, yesNo) },
              ...(units.den
                ? [{ key: 'den', title: t(`figure.den.${d.figure}` as MessageKey), align: 'right' as const, render: (_: unknown, r: Row) => unitText(units.den!, r.den, locale, yesNo) }]
                : []),
            ]}
          />
        </>
      )}
    </Modal>
  )
}
