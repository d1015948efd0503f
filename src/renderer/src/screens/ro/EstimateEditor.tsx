import { Button, Card, Input, Select, Space, Table, Tag, Tooltip } from 'antd'
import { useStore } from 'zustand'
import { PAYERS, type Payer } from '../../../../shared/domain/payer'
import { canEditLines } from '../../../../shared/domain/ro-state'
import { defaultPayerOf } from '../../../../shared/domain/ro-type'
import { useRo, useRoDraft } from '../../stores/ro-store'
import { useLocale, useSessionStore, useT } from '../../i18n'
import { decimalToMilli, fenToYuanText, milliToDecimal, money, yuanTextToFen } from '../../format'
import { DecimalInput } from '../../components/DecimalInput'
import { amountOf, blankLine, labourLine, partLine, type DraftLine } from '../../stores/ro-draft'
import type { RoDetailT } from '../../stores/types'
import { LabourPicker, PartPicker } from './CatalogPickers'
import { useCan } from '../../permissions'

const positiveMilli = (text: string) => {
  const milli = decimalToMilli(text)
  return milli && milli > 0 ? milli : null
}

export function EstimateEditor({ ro, onSave, saving }: { ro: RoDetailT; onSave(): Promise<void>; saving: boolean }) {
  const t = useT()
  const locale = useLocale()
  const draft = useRoDraft((s) => s.draft)
  const dirty = useRoDraft((s) => s.dirty)
  const lineErrors = useRoDraft((s) => s.lineErrors)
  const { reload } = useRo(ro.id)
  const settings = useStore(useSessionStore(), (s) => s.settings)
  const canWrite = useCan('ro.write')
  const editable = canWrite && canEditLines(ro.state)
  const rateFen = settings?.labourRateFen ?? 0
  const vatBp = settings?.vatRateBp ?? 1300
  const payer = defaultPayerOf(ro.type)

  const edit = (key: string, patch: Partial<DraftLine>) =>
    useRoDraft.getState().setDraft((lines) => lines.map((l) => (l.key === key ? { ...l, ...patch } : l)))
  const add = (line: DraftLine) => useRoDraft.getState().setDraft((lines) => [...lines, line])
  const remove = (key: string) => useRoDraft.getState().setDraft((lines) => lines.filter((l) => l.key !== key))

  return (
    <Card
      size="small"
      title={t('estimate.title')}
      className="estimate"
      extra={
        editable && (
          <Space>
            <Button onClick={() => void reload()} disabled={!dirty}>
              {t('estimate.discard')}
            </Button>
            <Button type="primary" onClick={() => void onSave()} disabled={!dirty} loading={saving} title="Ctrl+S">
              {t('common.save')}
            </Button>
          </Space>
        )
      }
    >
      {editable && (
        <div className="estimate-tools">
          <LabourPicker onPick={(op) => add(labourLine(op, rateFen, payer, vatBp))} />
          <PartPicker onPick={(part) => add(partLine(part, payer, vatBp))} />
          <Button onClick={() => add(blankLine('labour', rateFen, payer, vatBp))}>{t('estimate.addFreeLabour')}</Button>
          <span className="muted">{t('estimate.labourRate', { rate: money(rateFen, locale) })}</span>
        </div>
      )}
      <Table<DraftLine>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={draft}
        aria-label={t('estimate.lines')}
        locale={{ emptyText: t('estimate.empty') }}
        rowClassName={(_line, index) => (lineErrors[index] ? 'line-error' : '')}
        columns={[
          {
            title: t('field.kind'),
            dataIndex: 'kind',
            width: 60,
            render: (kind: DraftLine['kind']) => <Tag color={kind === 'labour' ? 'geekblue' : 'green'}>{t(`estimate.kind.${kind}`)}</Tag>,
          },
          {
            title: t('estimate.code'),
            key: 'code',
            width: 110,
            render: (_: unknown, l) => <span className="mono">{l.opCode ?? l.partNumber ?? ''}</span>,
          },
          {
            title: t('field.description'),
            dataIndex: 'description',
            render: (text: string, l, index) => {
              const input = (
                <Input
                  size="small"
                  value={text}
                  disabled={!editable}
                  aria-label={t('field.description')}
                  status={text.trim() ? undefined : 'error'}
                  onChange={(e) => edit(l.key, { description: e.target.value })}
                />
              )
              const errors = lineErrors[index]
              return errors ? <Tooltip title={errors.join(t('app.separator'))} open>{input}</Tooltip> : input
            },
          },
          {
            title: t('estimate.quantity'),
            key: 'qty',
            width: 86,
            render: (_: unknown, l) => (
              <DecimalInput
                value={l.quantityMilli}
                toText={milliToDecimal}
                parse={positiveMilli}
                onCommit={(quantityMilli) => edit(l.key, { quantityMilli })}
                ariaLabel={l.kind === 'labour' ? t('estimate.hours') : t('estimate.quantity')}
                suffix={l.kind === 'labour' ? t('estimate.hourUnit') : undefined}
                disabled={!editable}
              />
            ),
          },
          {
            title: t('estimate.unitPrice'),
            key: 'price',
            width: 100,
            render: (_: unknown, l) => (
              <DecimalInput
                value={l.unitPriceFen}
                toText={fenToYuanText}
                parse={yuanTextToFen}
                onCommit={(unitPriceFen) => edit(l.key, { unitPriceFen })}
                ariaLabel={t('estimate.unitPrice')}
                disabled={!editable}
              />
            ),
          },
          {
            title: t('field.payer'),
            dataIndex: 'payer',
            width: 92,
            render: (value: Payer, l) => (
              <Select<Payer>
                size="small"
                value={value}
                disabled={!editable}
                aria-label={t('field.payer')}
                onChange={(p) => edit(l.key, { payer: p })}
                options={PAYERS.map((p) => ({ value: p, label: t(`payer.${p}`) }))}
                popupMatchSelectWidth={false}
                style={{ width: '100%' }}
              />
            ),
          },
          {
            title: t('estimate.amount'),
            key: 'amount',
            width: 100,
            align: 'right',
            render: (_: unknown, l) => <span className="num">{money(amountOf(l), locale)}</span>,
          },
          ...(editable
            ? [
                {
                  key: 'remove',
                  width: 34,
                  render: (_: unknown, l: DraftLine) => (
                    <Button size="small" type="text" danger aria-label={t('estimate.removeLine', { description: l.description })} onClick={() => remove(l.key)}>
                      ✕
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  )
}
