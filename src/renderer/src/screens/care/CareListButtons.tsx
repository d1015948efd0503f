import { Button } from 'antd'
import type { InputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useApi } from '../../api/query-client'
import { useT } from '../../i18n'
import { useHotkeys } from '../../hotkeys'
import { useFileSave } from '../../files/save-file'
import { useCan } from '../../permissions'

type Ask = InputOf<Contract['care.lists.xlsx']>

/**
 * Print (the list as shown, on paper) and XLSX (the list's rows as its channel answers them) for
 * those who may take customers' names and phones out of the app (`care.export`).
 */
export function CareListButtons({ ask, onPrint, disabled = false }: { ask: Ask; onPrint(): void; disabled?: boolean }) {
  const t = useT()
  const api = useApi()
  const { busy, save } = useFileSave()
  const canExport = useCan('care.export')
  useHotkeys({ 'Ctrl+P': () => !disabled && onPrint() })
  return (
    <>
      <Button size="small" onClick={onPrint} disabled={disabled} title="Ctrl+P">
        {t('careDesk.print')}
      </Button>
      {canExport && (
        <Button size="small" onClick={() => void save('xlsx', () => api.call('care.lists.xlsx', ask))} loading={busy !== null}>
          {t('careDesk.xlsx')}
        </Button>
      )}
    </>
  )
}
