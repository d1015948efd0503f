import type { ReactNode } from 'react'
import { Button, Skeleton, Space } from 'antd'
import { useStore } from 'zustand'
import { useSessionStore, useT } from '../i18n'
import { useHotkeys } from '../hotkeys'

/** Paper: A4 portrait (every document) or a half sheet, A5 landscape (the gate pass the guard keeps). */
export type PageSize = 'a4' | 'a5'

interface Props {
  /** The document's name: the heading on paper and the sheet's accessible name. */
  title: string
  /** Page size of the sheet; A4 unless said. */
  page?: PageSize
  /** The document's number at the top right, and a smaller line under it. */
  number?: ReactNode
  sub?: ReactNode
  /** The dealer named at the top left; the one in the settings unless the document carries its own. */
  dealer?: string
  /** Edge to edge without the header (label sheets). */
  bare?: boolean
  /** Extra class of the sheet (a label grid). */
  className?: string
  backLabel: string
  onBack(): void
  /** Shown in the toolbar, never printed (an unsaved draft, a failed read). */
  notice?: ReactNode
  /** False while the document loads: a placeholder stands where the sheet will be. */
  ready?: boolean
  children?: ReactNode
}

const PAGE_CLASS: Record<PageSize, string> = { a4: 'print-page', a5: 'print-page print-page-a5' }

/**
 * One printed document: a sheet of the given paper size on screen with the toolbar above it, and
 * alone on paper. Escape goes back, Ctrl+P prints.
 */
export function PrintFrame({ title, page = 'a4', number, sub, dealer, bare = false, className, backLabel, onBack, notice, ready = true, children }: Props) {
  const t = useT()
  const settingsDealer = useStore(useSessionStore(), (s) => s.settings?.dealerName ?? '')
  const print = () => window.print()
  useHotkeys({ Escape: onBack, 'Ctrl+P': () => ready && print() })

  return (
    <div className="print-page-wrap">
      <div className="print-toolbar no-print">
        <Space>
          <Button onClick={onBack}>{backLabel}</Button>
          <Button type="primary" onClick={print} disabled={!ready}>
            {t('print.print')}
          </Button>
        </Space>
        {notice}
      </div>
      {ready ? (
        <article className={className ? `${PAGE_CLASS[page]} ${className}` : PAGE_CLASS[page]} aria-label={title}>
          {!bare && (
            <header className="print-head">
              <div>
                <div className="print-dealer">{dealer ?? settingsDealer}</div>
                <h1>{title}</h1>
              </div>
              <div className="print-number">
                {number !== undefined && number !== null && number !== '' && <div>{number}</div>}
                {sub !== undefined && sub !== null && sub !== '' && <div className="print-small">{sub}</div>}
              </div>
            </header>
          )}
          {children}
        </article>
      ) : (
        !notice && <Skeleton active className={PAGE_CLASS[page]} />
      )}
    </div>
  )
}

/** Blank lines at the foot of a sheet for the people who sign it. */
export function SignLines({ names, className = 'pt-print-signs' }: { names: string[]; className?: string }) {
  return (
    <div className={className}>
      {names.map((n) => (
        <div key={n} className="print-sign-line">
          {n}
        </div>
      ))}
    </div>
  )
}
