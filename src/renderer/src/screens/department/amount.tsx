import { DecimalInput } from '../../components/DecimalInput'
import { fenToYuanText, money, yuanTextToFen } from '../../format'
import { useLocale } from '../../i18n'
import { measureUnit, type TargetMeasure } from '../../../../shared/domain/department'

// A measure's amounts: ROs as whole numbers, the others as money (fen stored, yuan typed).

const countText = (v: number) => String(v)
const parseCount = (text: string) => (/^\s*\d{1,9}\s*$/.test(text) ? Number(text) : null)
const parseMoney = (text: string) => {
  const fen = yuanTextToFen(text)
  return fen !== null && fen >= 0 ? fen : null
}

export function useAmountText() {
  const locale = useLocale()
  return (measure: TargetMeasure, value: number | null | undefined) =>
    value === null || value === undefined ? '—' : measureUnit(measure) === 'count' ? String(value) : money(value, locale)
}

export function AmountInput({ measure, value, onChange, label }: { measure: TargetMeasure; value: number; onChange(v: number): void; label: string }) {
  const count = measureUnit(measure) === 'count'
  return (
    <DecimalInput
      className="dept-amount"
      value={value}
      toText={count ? countText : fenToYuanText}
      parse={count ? parseCount : parseMoney}
      onCommit={onChange}
      ariaLabel={label}
    />
  )
}
