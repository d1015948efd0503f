import { useState } from 'react'
import { Alert, App, Button, Input, Modal, Table, Tag } from 'antd'
import { useStore } from 'zustand'
import { defaultPayerOf, type RoType } from '../../../../shared/domain/ro-type'
import { useLocale, useSessionStore, useT } from '../../i18n'
import { decimalToMilli, fenToYuanText, milliToDecimal, money, yuanTextToFen } from '../../format'
import { DecimalInput } from '../../components/DecimalInput'
import { amountOf, blankLine, draftTotals, labourLine, partLine, toInput, type DraftLine } from '../../stores/ro-draft'
import { LabourPicker, PartPicker } from '../ro/CatalogPickers'
import { useWorkshopWrite } from '../../stores/workshop-store'

const positiveMilli = (text: string) => {
  const milli = decimalToMilli(text)
  return milli && milli > 0 ? milli : null
}

interface Props {
  roId: number
  roType: RoType
  title: string
  onClose(): void
}

/** 增项: what the technician found, with its labour and parts estimate, for the customer to decide. */
export function RaiseAdditionalDialog({ roId, roType, title, onClose }: Props) {
  const write = useWorkshopWrite()
  const t = useT()
  const locale = useLocale()
  const settings = useStore(useSessionStore(), (s) => s.settings)
  const { message } = App.useApp()
  const [finding, setFinding] = useState('')
  const [lines, setLines] = useState<DraftLine[]>([])
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const rateFen = settings?.labourRateFen ?? 0
  const vatBp = settings?.vatRateBp ?? 1300
  const payer = defaultPayerOf(roType)

  const add = (line: DraftLine) => setLines((ls) => [...ls, line])
  const edit = (key: string, patch: Partial<DraftLine>) => setLines((ls) => ls.map((l) => (l.key === key ? { ...l, ...patch } : l)))
  const ready = finding.trim().length >= 2 && lines.length > 0 && lines.every((l) => l.description.trim())

  const submit = async () => {
    setBusy(true)
    setError(null)
    const result = await write('workshop.additional.raise', { roId, finding: finding.trim(), lines: toInput(lines) })
    setBusy(false)
    if (!result.ok) return setError(result.message)
    void message.success(t('wk.additional.raised'))
    onClose()
  }

  return (
    <Modal
      open
      width={860}
      title={t('wk.additional.raiseTitle', { ro: title })}
      onCancel={onClose}
      okText={t('wk.additional.send')}
      onOk={() => void submit()}
      okButtonProps={{ disabled: !ready }}
      confirmLoading={busy}
    >
      <Input.TextArea
        autoFocus
        rows={2}
        maxLength={1000}
        aria-label={t('field.finding')}
        placeholder={t('wk.additional.findingHint')}
        value={finding}
        onChange={(e) => setFinding(e.target.value)}
      />
      <div className="estimate-tools ws-raise-tools">
        <LabourPicker onPick={(op) => add(labourLine(op, rateFen, payer, vatBp))} />
        <PartPicker onPick={(part) => add(partLine(part, payer, vatBp))} />
        <Button onClick={() => add(blankLine('labour', rateFen, payer, vatBp))}>{t('estimate.addFreeLabour')}</Button>
      </div>
      <Table<DraftLine>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={lines}
        aria-label={t('wk.additional.lines')}
        locale={{ emptyText: t('wk.additional.noLines') }}
        columns={[
          {
            title: t('field.kind'),
            dataIndex: 'kind',
            width: 60,
            render: (kind: DraftLine['kind']) => <Tag color={kind === 'labour' ? 'geekblue' : 'green'}>{t(`estimate.kind.${kind}`)}</Tag>,
          },
          {
            title: t('field.description'),
            render: (_, l) => (
              <Input size="small" value={l.description} aria-label={t('field.description')} onChange={(e) => edit(l.key, { description: e.target.value })} />
            ),
          },
          {
            title: t('estimate.quantity'),
            width: 90,
            render: (_, l) => (
              <DecimalInput
                value={l.quantityMilli}
                toText={milliToDecimal}
                parse={positiveMilli}
                onCommit={(quantityMilli) => edit(l.key, { quantityMilli })}
                ariaLabel={l.kind === 'labour' ? t('estimate.hours') : t('estimate.quantity')}
                suffix={l.kind === 'labour' ? t('estimate.hourUnit') : undefined}
              />
            ),
          },
          {
            title: t('estimate.unitPrice'),
            width: 100,
            render: (_, l) => (
              <DecimalInput
                value={l.unitPriceFen}
                toText={fenToYuanText}
                parse={yuanTextToFen}
                onCommit={(unitPriceFen) => edit(l.key, { unitPriceFen })}
                ariaLabel={t('estimate.unitPrice')}
              />
            ),
          },
          { title: t('estimate.amount'), width: 100, align: 'right', render: (_, l) => <span className="num">{money(amountOf(l), locale)}</span> },
          {
            width: 34,
            render: (_, l) => (
              <Button
                size="small"
                type="text"
                danger
                aria-label={t('estimate.removeLine', { description: l.description })}
                onClick={() => setLines((ls) => ls.filter((x) => x.key !== l.key))}
              >
                ✕
              </Button>
            ),
          },
        ]}
        summary={() => {
          if (lines.length === 0) return null
          // Line amounts are net: the figures under them say so, as the estimate's totals do.
          const totals = draftTotals(lines)
          const rows: [string, number][] = [
            [t('field.net'), totals.netFen],
            [t('estimate.vat', { rate: (vatBp / 100).toString() }), totals.vatFen],
            [t('wk.additional.gross'), totals.grossFen],
          ]
          return rows.map(([label, fen], i) => (
            <Table.Summary.Row key={i}>
              <Table.Summary.Cell index={0} colSpan={4} align="right">
                {label}
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <span className="num">{money(fen, locale)}</span>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} />
            </Table.Summary.Row>
          ))
        }}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />}
    </Modal>
  )
}
