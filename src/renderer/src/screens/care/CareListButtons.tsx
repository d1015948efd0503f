import { useState } from 'react'
import { App, Button } from 'antd'
import type { InputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useApi } from '../../api/query-client'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'

type Ask = InputOf<Contract['care.lists.xlsx']>

/** Print (the list as shown, on paper) and XLSX (the list's rows as its channel answers them). */
export function CareListButtons({ ask, onPrint, disabled = false }: { ask: Ask; onPrint(): void; disabled?: boolean }) {
  const t = useT()
  const api = useApi()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  useHotkeys({ 'Ctrl+P': () => !disabled && onPrint() })
  const save = async () => {
    setBusy(true)
    try {
      const answer = await api.call('care.lists.xlsx', ask)
      if (!answer.ok) {
        void message.error(answer.message)
        return
      }
      const link = document.createElement('a')
      link.href = `data:${answer.data.mimeType};base64,${answer.data.base64}`
      link.download = answer.data.fileName
      link.click()
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <Button size="small" onClick={onPrint} disabled={disabled} title="Ctrl+P">
        {t('careDesk.print')}
      </Button>
      <Button size="small" onClick={() => void save()} loading={busy}>
        {t('careDesk.xlsx')}
      </Button>
    </>
  )
}
