import { useEffect, type ReactNode } from 'react'
import { Alert, App } from 'antd'
import { useT } from '../../../i18n'
import { PrintFrame, type PageSize } from '../../../components/PrintFrame'
import { navigate } from '../../../router'
import { type SettlementViewT, useSettlementView } from '../../../stores/settlement-store'
import '../settlement.css'

interface Props {
  id: number
  title: string
  /** The sheet's own number when it is not the RO's (the gate pass). */
  numberOf?: (view: SettlementViewT) => string
  /** Paper: A4 (the statement) or a half sheet, A5 landscape (the gate pass the guard keeps). */
  sheet?: PageSize
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

  return (
    <PrintFrame
      title={title}
      page={sheet}
      dealer={view?.dealer.name}
      number={view ? (numberOf ? numberOf(view) : view.ro.number) : undefined}
      sub={view ? (numberOf ? view.ro.number : view.dealer.code) : undefined}
      backLabel={t('stl.back')}
      onBack={back}
      ready={!!view}
      notice={error && <Alert type="error" showIcon title={error} />}
    >
      {view && children(view)}
    </PrintFrame>
  )
}
