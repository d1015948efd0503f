import type { ReactNode } from 'react'
import { Button, Space } from 'antd'
import { useStore } from 'zustand'
import { useSessionStore, useT } from '../../../i18n'
import { useHotkeys } from '../../../hotkeys'
import { goParts, type PartsView } from '../parts-route'

interface Props {
  title: string
  number?: string
  sub?: ReactNode
  back: PartsView
  /** Labels print edge to edge in a grid; sheets get the A4 frame with a header. */
  bare?: boolean
  children: ReactNode
}

/** An A4 sheet on screen and alone on paper, like the printed repair order. */
export function PrintFrame({ title, number, sub, back, bare = false, children }: Props) {
  const t = useT()
  const dealer = useStore(useSessionStore(), (s) => s.settings?.dealerName ?? '')
  useHotkeys({ Escape: () => goParts(back), 'Ctrl+P': () => window.print() })

  return (
    <div className="print-page-wrap">
      <div className="print-toolbar no-print">
        <Space>
          <Button onClick={() => goParts(back)}>{t('pt.back')}</Button>
          <Button type="primary" onClick={() => window.print()}>
            {t('print.print')}
          </Button>
        </Space>
      </div>
      <article className={bare ? 'print-page pt-label-page' : 'print-page'} aria-label={title}>
        {!bare && (
          <header className="print-head">
            <div>
              <div className="print-dealer">{dealer}</div>
              <h1>{title}</h1>
            </div>
            <div className="print-number">
              {number && <div>{number}</div>}
              {sub && <div className="print-small">{sub}</div>}
            </div>
          </header>
        )}
        {children}
      </article>
    </div>
  )
}

/** Blank lines at the foot of a sheet for the people who sign it. */
export function SignLines({ names }: { names: string[] }) {
  return (
    <div className="pt-print-signs">
      {names.map((n) => (
        <div key={n} className="print-sign-line">
          {n}
        </div>
      ))}
    </div>
  )
}
