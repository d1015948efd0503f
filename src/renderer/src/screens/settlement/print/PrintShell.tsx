import { useEffect, type ReactNode } from 'react'
import { Alert, App, Button, Skeleton, Space } from 'antd'
import { useT } from '../../../i18n'
import { useHotkeys } from '../../../hotkeys'
import { navigate } from '../../../router'
import { type SettlementViewT, useSettlementView } from '../../../stores/settlement-store'
import '../settlement.css'

interface Props {
  id: number
  title: string
  /** The sheet's own number when it is not the RO's (the gate pass). */
  numberOf?: (view: SettlementViewT) => string
  /** Paper: A4 (the statement) or a half sheet, A5 landscape (the gate pass the guard keeps). */
  sheet?: 'a4' | 'a5'
  children(view: SettlementViewT): ReactNode
}

/** A sheet of the settlement (statement, gate pass): only what is recorded is printed. */
export function PrintShell({ id, title, numberOf, sheet = 'a4', children }: Props) {
  const t = useT()
  const { view, error } = useSettlementView(id)
  const { message } = App.useApp()

  useEffect(() => {
    // The toast of the action that led here (settled, delivered) has no place on the sheet.
    message.destroy()
  }, [id, message])
  const back = () => navigate({ name: 'settleRo', id })
  useHotkeys({ Escape: back, 'Ctrl+P': () => window.print() })

  return (
    <div className="print-page-wrap">
      <div className="print-toolbar no-print">
        <Space>
          <Button onClick={back}>{t('stl.back')}</Button>
          <Button type="primary" onClick={() => window.print()} disabled={!view}>
            {t('print.print')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon title={error} />}
      </div>
      {view ? (
        <article className={sheet === 'a5' ? 'print-page print-page-a5' : 'print-page'} aria-label={title}>
          <header className="print-head">
            <div>
              <div className="print-dealer">{view.dealer.name}</div>
              <h1>{title}</h1>
            </div>
            <div className="print-number">
              <div>{numberOf ? numberOf(view) : view.ro.number}</div>
              <div className="print-small">{numberOf ? view.ro.number : view.dealer.code}</div>
            </div>
          </header>
          {children(view)}
        </article>
      ) : (
        !error && <Skeleton active className="print-page" />
      )}
    </div>
  )
}
