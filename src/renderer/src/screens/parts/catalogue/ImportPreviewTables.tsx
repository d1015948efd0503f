import { Alert, Select, Table, Tag } from 'antd'
import { IMPORT_FIELDS } from '../../../../../shared/contract/parts-shapes'
import type { MessageKey } from '../../../../../shared/i18n'
import { useLocale, useT, type T } from '../../../i18n'
import { money } from '../../../format'
import type { ImportField, ImportPreviewT, ImportRowT } from '../../../stores/parts-types'

type PreviewRow = ImportPreviewT['rows'][number]
type Before = NonNullable<PreviewRow['before']>

const FIELD_LABEL: Record<ImportField, MessageKey> = {
  partNumber: 'field.partNumber',
  name: 'field.name',
  brand: 'field.brand',
  category: 'field.category',
  unit: 'field.unit',
  bin: 'field.bin',
  supplier: 'field.supplier',
  cost: 'field.cost',
  price: 'field.price',
  active: 'pt.activeLabel',
}

export function importFieldLabel(t: T, field: string | null): string {
  const known = IMPORT_FIELDS.find((f) => f === field)
  return known ? t(FIELD_LABEL[known]) : ''
}

/** Which column feeds which field: the headings' guess, changeable when a list is unusual. */
export function MappingBar({ preview, onMap }: { preview: ImportPreviewT; onMap(field: ImportField, column: number | null): void }) {
  const t = useT()
  const options = [
    { value: -1, label: t('pt.import.notImported') },
    ...preview.columns.map((heading, i) => ({ value: i, label: `${i + 1}. ${heading || '—'}` })),
  ]
  return (
    <fieldset className="pt-mapping" aria-label={t('field.mapping')}>
      <legend>{t('field.mapping')}</legend>
      {IMPORT_FIELDS.map((field) => (
        <label key={field} className="pt-mapping-item">
          <span>{t(FIELD_LABEL[field])}</span>
          <Select<number>
            size="small"
            value={preview.mapping[field] ?? -1}
            aria-label={t('pt.import.columnFor', { field: t(FIELD_LABEL[field]) })}
            options={options}
            popupMatchSelectWidth={false}
            onChange={(v) => onMap(field, v < 0 ? null : v)}
            style={{ width: 130 }}
          />
        </label>
      ))}
    </fieldset>
  )
}

/** Every row that cannot be imported, with its line in the file and the reason. */
export function ImportErrors({ preview }: { preview: ImportPreviewT }) {
  const t = useT()
  if (preview.errors.length === 0) return null
  return (
    <section className="pt-gap" aria-label={t('pt.import.errorsTitle')}>
      <Alert type="warning" showIcon title={t('pt.import.errorsHint', { n: preview.errors.length })} className="pt-gap" />
      <Table
        size="small"
        rowKey={(e) => `${e.line}-${e.field ?? ''}-${e.message}`}
        dataSource={preview.errors}
        pagination={preview.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        aria-label={t('pt.import.errorsTitle')}
        rowClassName={() => 'line-error'}
        columns={[
          { title: t('pt.import.line'), dataIndex: 'line', width: 70, render: (v: number) => <span className="num">{v}</span> },
          { title: t('pt.import.field'), dataIndex: 'field', width: 110, render: (v: string | null) => importFieldLabel(t, v) },
          { title: t('pt.import.reason'), dataIndex: 'message' },
        ]}
      />
    </section>
  )
}

const ACTION_COLOUR = { add: 'green', change: 'blue', same: 'default' } as const

/** A changed value as "old → new"; an unchanged one as it is. */
function Changed({ before, name, now }: { before: Before | null; name: string; now: string }) {
  if (!before || !(name in before)) return <>{now}</>
  const old = before[name]
  return (
    <span className="pt-changed">
      <del>{old === null || old === undefined || old === '' ? '—' : String(old)}</del> → <ins>{now}</ins>
    </span>
  )
}

/** The rows as they will be imported: added, changed (with the old values) or unchanged. */
export function ImportRows({ preview }: { preview: ImportPreviewT }) {
  const t = useT()
  const locale = useLocale()
  const fen = (v: unknown) => (typeof v === 'number' ? money(v, locale) : '')
  const moneyBefore = (before: Before | null, name: 'costFen' | 'priceFen'): Before | null =>
    before && name in before ? { [name]: fen(before[name]) } : null
  const rows = preview.rows.filter((r) => r.action !== 'same')
  const text = (r: ImportRowT, k: 'name' | 'brand' | 'unit' | 'bin') => r[k] ?? ''

  return (
    <Table<PreviewRow>
      size="small"
      rowKey={(r) => r.row.line}
      dataSource={rows}
      aria-label={t('pt.import.rowsTitle')}
      title={() => t('pt.import.rowsTitle')}
      locale={{ emptyText: t('pt.import.nothingToDo') }}
      pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      columns={[
        { title: t('pt.import.line'), dataIndex: ['row', 'line'], width: 60, render: (v: number) => <span className="num">{v}</span> },
        {
          title: t('pt.import.action'),
          dataIndex: 'action',
          width: 70,
          render: (v: PreviewRow['action']) => <Tag color={ACTION_COLOUR[v]}>{t(`pt.import.action.${v}`)}</Tag>,
        },
        { title: t('field.partNumber'), dataIndex: ['row', 'partNumber'], width: 150, render: (v: string) => <span className="mono">{v}</span> },
        { title: t('field.name'), key: 'name', render: (_, r) => <Changed before={r.before} name="name" now={text(r.row, 'name')} /> },
        { title: t('field.brand'), key: 'brand', width: 90, render: (_, r) => <Changed before={r.before} name="brand" now={text(r.row, 'brand')} /> },
        { title: t('field.bin'), key: 'bin', width: 90, render: (_, r) => <Changed before={r.before} name="bin" now={text(r.row, 'bin')} /> },
        { title: t('field.unit'), key: 'unit', width: 60, render: (_, r) => <Changed before={r.before} name="unit" now={text(r.row, 'unit')} /> },
        {
          title: t('field.cost'),
          key: 'cost',
          width: 150,
          align: 'right',
          render: (_, r) => <Changed before={moneyBefore(r.before, 'costFen')} name="costFen" now={fen(r.row.costFen)} />,
        },
        {
          title: t('field.price'),
          key: 'price',
          width: 150,
          align: 'right',
          render: (_, r) => <Changed before={moneyBefore(r.before, 'priceFen')} name="priceFen" now={fen(r.row.priceFen)} />,
        },
      ]}
    />
  )
}
