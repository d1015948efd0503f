import type { KeyboardEvent } from 'react'
import { useT } from '../../i18n'

interface Props {
  value?: number
  onChange?(value: number): void
}

const STEPS = [0, 1, 2, 3, 4, 5, 6, 7, 8]

/** Fuel (or charge) level in eighths, as the dashboard gauge shows it: E … F. */
export function FuelGauge({ value = 4, onChange }: Props) {
  const t = useT()
  const onKey = (event: KeyboardEvent) => {
    const delta = event.key === 'ArrowRight' || event.key === 'ArrowUp' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowDown' ? -1 : 0
    if (!delta) return
    event.preventDefault()
    onChange?.(Math.max(0, Math.min(8, value + delta)))
  }
  return (
    <div className="fuel-gauge" role="radiogroup" aria-label={t('field.fuelEighths')} onKeyDown={onKey}>
      <span className="fuel-end">{t('checkIn.fuelE')}</span>
      {STEPS.map((step) => (
        <button
          key={step}
          type="button"
          role="radio"
          aria-checked={step === value}
          aria-label={t('checkIn.fuelStep', { n: step })}
          tabIndex={step === value ? 0 : -1}
          className={`fuel-step${step <= value ? ' fuel-on' : ''}${step === 0 ? ' fuel-zero' : ''}${value <= 2 && step <= value ? ' fuel-low' : ''}`}
          onClick={() => onChange?.(step)}
        />
      ))}
      <span className="fuel-end">{t('checkIn.fuelF')}</span>
      <span className="fuel-text">{t('checkIn.fuelValue', { n: value })}</span>
    </div>
  )
}
