import { useRef, useState, type KeyboardEvent } from 'react'
import { Card, Input, Radio, Typography, type InputRef } from 'antd'
import { useT } from '../../../i18n'
import { useStocktakeUi, useStocktakeWrites, type ScanEntry } from '../../../stores/parts-stocktake-store'
import { parseCount, qty } from '../parts-format'

/** "06L115562*3" (or ×) in the part-number box: a scanner suffix or a quick typist's whole entry. */
export function splitScan(text: string): { partNumber: string; quantity: string } | null {
  const m = /^(.+?)\s*[*×]\s*([\d.]+)\s*$/.exec(text.normalize('NFKC').replace(/\uFF0A/g, '*'))
  return m?.[1] && m[2] ? { partNumber: m[1].trim(), quantity: m[2] } : null
}

function EntryRow({ entry }: { entry: ScanEntry }) {
  if (entry.error || !entry.line) {
    return (
      <li className="pt-scan pt-scan-bad" role="listitem">
        <span className="mono">{entry.partNumber}</span>
        <span>{entry.error}</span>
      </li>
    )
  }
  return (
    <li className="pt-scan" role="listitem">
      <span className="mono pt-scan-bin">{entry.line.bin ?? '—'}</span>
      <span className="mono">{entry.line.partNumber}</span>
      <span className="pt-scan-name">{entry.line.name}</span>
      <span className="num">
        {entry.mode === 'add' ? `+${qty(entry.quantityMilli)} → ` : ''}
        <b>{entry.line.countedMilli === null ? '—' : qty(entry.line.countedMilli)}</b> {entry.line.unit}
      </span>
    </li>
  )
}

const NO_ENTRIES: ScanEntry[] = []

/**
 * The count station: scan or type a part number, Enter, the quantity, Enter. The focus comes back
 * to the part number every time, so a handheld scanner and the number keys are all it takes.
 */
export function ScanStation({ id }: { id: number }) {
  const t = useT()
  const entries = useStocktakeUi((s) => (s.id === id ? s.entries : NO_ENTRIES))
  const { count } = useStocktakeWrites()
  const [partNumber, setPartNumber] = useState('')
  const [quantity, setQuantity] = useState('')
  const [mode, setMode] = useState<'set' | 'add'>('set')
  const [problem, setProblem] = useState<string | null>(null)
  const pnRef = useRef<InputRef>(null)
  const qtyRef = useRef<InputRef>(null)
  // Scans are sent one after another, so the list shows them in the order they were made.
  const chain = useRef<Promise<unknown>>(Promise.resolve())

  const submit = (pn: string, amount: string) => {
    const quantityMilli = parseCount(amount)
    if (!pn.trim() || quantityMilli === null) {
      setProblem(t('pt.qty.invalid'))
      qtyRef.current?.focus()
      return
    }
    setProblem(null)
    setPartNumber('')
    setQuantity('')
    pnRef.current?.focus()
    chain.current = chain.current.then(() => count({ id, partNumber: pn.trim(), quantityMilli, mode }))
  }

  const onPartKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    const whole = splitScan(partNumber)
    if (whole) submit(whole.partNumber, whole.quantity)
    else if (partNumber.trim() && quantity.trim()) submit(partNumber, quantity)
    else if (partNumber.trim()) qtyRef.current?.focus()
  }

  return (
    <Card size="small" title={t('pt.st.scanTitle')} className="pt-scan-station">
      <div className="pt-scan-inputs" role="group" aria-label={t('pt.st.scanTitle')}>
        <Input
          ref={pnRef}
          autoFocus
          className="mono"
          size="large"
          value={partNumber}
          placeholder={t('pt.st.scanPart')}
          aria-label={t('field.partNumber')}
          onChange={(e) => setPartNumber(e.target.value)}
          onKeyDown={onPartKey}
        />
        <Input
          ref={qtyRef}
          size="large"
          inputMode="decimal"
          value={quantity}
          placeholder={t('pt.st.scanQty')}
          aria-label={t('pt.st.countedQty')}
          onChange={(e) => setQuantity(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return
            e.preventDefault()
            submit(partNumber, quantity)
          }}
          style={{ width: 120 }}
        />
        <Radio.Group
          size="small"
          optionType="button"
          value={mode}
          onChange={(e) => {
            setMode(e.target.value as 'set' | 'add')
            pnRef.current?.focus()
          }}
          options={[
            { value: 'set', label: t('pt.st.mode.set') },
            { value: 'add', label: t('pt.st.mode.add') },
          ]}
        />
      </div>
      <Typography.Text type={problem ? 'danger' : 'secondary'} className="pt-scan-hint">
        {problem ?? t('pt.st.scanHint')}
      </Typography.Text>
      <ul className="pt-scan-list" aria-label={t('pt.st.lastEntries')} aria-live="polite">
        {entries.map((e) => (
          <EntryRow key={e.seq} entry={e} />
        ))}
      </ul>
    </Card>
  )
}
