import { useEffect, useRef, useState } from 'react'
import { Input } from 'antd'

interface Props {
  value: number
  toText(value: number): string
  /** The value for a typed text, or null when the text is not acceptable. */
  parse(text: string): number | null
  onCommit(value: number): void
  ariaLabel: string
  disabled?: boolean
  suffix?: string
  className?: string
}

/**
 * A number typed as text (money, hours): the text stays as typed while the field has focus, and
 * every acceptable text is committed at once so totals follow the typing.
 */
export function DecimalInput({ value, toText, parse, onCommit, ariaLabel, disabled, suffix, className }: Props) {
  const [text, setText] = useState(() => toText(value))
  const focused = useRef(false)

  useEffect(() => {
    if (!focused.current) setText(toText(value))
  }, [value, toText])

  const invalid = parse(text) === null
  return (
    <Input
      size="small"
      className={className}
      value={text}
      disabled={disabled}
      aria-label={ariaLabel}
      aria-invalid={invalid}
      status={invalid ? 'error' : undefined}
      suffix={suffix}
      inputMode="decimal"
      onFocus={(e) => {
        focused.current = true
        e.target.select()
      }}
      onBlur={() => {
        focused.current = false
        setText(toText(value))
      }}
      onChange={(e) => {
        setText(e.target.value)
        const parsed = parse(e.target.value)
        if (parsed !== null) onCommit(parsed)
      }}
    />
  )
}
