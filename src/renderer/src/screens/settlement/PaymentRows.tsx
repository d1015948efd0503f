import { Button, Input, Select, Table } from 'antd'
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import type { Payer } from '../../../../shared/domain/payer'
import { PAYMENT_METHODS, type PaymentMethod } from '../../../../shared/domain/settlement'
import { useT } from '../../i18n'
import { fenToYuanText, yuanTextToFen } from '../../format'
import { DecimalInput } from '../../components/DecimalInput'
import type { PaymentDraft, PayerLine } from './settle-model'

interface Props {
  payments: PaymentDraft[]
  payers: PayerLine[]
  onChange(payments: PaymentDraft[]): void
}

const positiveFen = (text: string) => {
  const fen = yuanTextToFen(text)
  return fen !== null && fen >= 0 ? fen : null
}

/** The payments taken at the till, any number of methods and payers; what is left stays open. */
export function PaymentRows({ payments, payers, onChange }: Props) {
  const t = useT()
  const update = (key: number, change: Partial<PaymentDraft>) => onChange(payments.map((p) => (p.key === key ? { ...p, ...change } : p)))

  const add = () => {
    // The next payment is most likely the rest of a payer's bill.
    const open = payers.find((l) => l.openFen > 0) ?? payers[0]
    if (!open) return
    const key = Math.max(0, ...payments.map((p) => p.key)) + 1
    onChange([...payments, { key, payer: open.payer, method: 'cash', amountFen: open.openFen, reference: '' }])
  }

  return (
    <div className="stl-payments">
      <Table<PaymentDraft>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={payments}
        aria-label={t('stl.pay.title')}
        locale={{ emptyText: t('stl.pay.none') }}
        columns={[
          {
            title: t('field.payer'),
            dataIndex: 'payer',
            width: 90,
            render: (v: Payer, row, i) => (
              <Select<Payer>
                size="small"
                value={v}
                aria-label={t('stl.pay.payerOf', { n: i + 1 })}
                className="full-width"
                onChange={(payer) => update(row.key, { payer, follow: false })}
                options={payers.map((l) => ({ value: l.payer, label: t(`payer.${l.payer}`) }))}
              />
            ),
          },
          {
            title: t('stl.pay.method'),
            dataIndex: 'method',
            width: 110,
            render: (v: PaymentMethod, row, i) => (
              <Select<PaymentMethod>
                size="small"
                value={v}
                aria-label={t('stl.pay.methodOf', { n: i + 1 })}
                className="full-width"
                onChange={(method) => update(row.key, { method })}
                options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))}
              />
            ),
          },
          {
            title: t('field.amountFen'),
            dataIndex: 'amountFen',
            width: 110,
            render: (v: number, row, i) => (
              <DecimalInput
                value={v}
                toText={fenToYuanText}
                parse={positiveFen}
                onCommit={(amountFen) => update(row.key, { amountFen, follow: false })}
                ariaLabel={t('stl.pay.amountOf', { n: i + 1 })}
                className="num"
              />
            ),
          },
          {
            title: t('field.reference'),
            dataIndex: 'reference',
            render: (v: string, row, i) => (
              <Input
                size="small"
                value={v}
                maxLength={60}
                aria-label={t('stl.pay.referenceOf', { n: i + 1 })}
                placeholder={t(`stl.pay.referenceHint.${row.method}`)}
                onChange={(e) => update(row.key, { reference: e.target.value })}
              />
            ),
          },
          {
            key: 'remove',
            width: 36,
            render: (_: unknown, row, i) => (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('stl.pay.removeOf', { n: i + 1 })}
                onClick={() => onChange(payments.filter((p) => p.key !== row.key))}
              />
            ),
          },
        ]}
      />
      <Button size="small" icon={<PlusOutlined />} onClick={add} className="stl-add" disabled={payers.length === 0}>
        {t('stl.pay.add')}
      </Button>
    </div>
  )
}
