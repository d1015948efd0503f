import { Button, Space } from 'antd'
import { useApi } from '../../../api/query-client'
import { useFileSave } from '../../../files/save-file'
import { useT } from '../../../i18n'
import { navigate } from '../../../router'

/** Saves the collection list as XLSX (built by the host) and opens its print view. */
export function CollectionButtons({ asOf }: { asOf?: string }) {
  const t = useT()
  const api = useApi()
  const { busy, save } = useFileSave()
  return (
    <Space size={8}>
      <Button onClick={() => void save('xlsx', () => api.call('insurance.collection.xlsx', asOf ? { asOf } : {}))} loading={busy !== null}>
        {t('insr.xlsx')}
      </Button>
      <Button onClick={() => navigate(asOf ? { name: 'insurerCollectionPrint', asOf } : { name: 'insurerCollectionPrint' })} title="Ctrl+P">
        {t('insr.print')}
      </Button>
    </Space>
  )
}
