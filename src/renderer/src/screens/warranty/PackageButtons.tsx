import { Button, Space } from 'antd'
import { useApi } from '../../api/query-client'
import { useFileSave } from '../../files/save-file'
import { useT } from '../../i18n'

/** Saves the claim package (XLSX or JSON) of the given claims, for the maker's portal. */
export function PackageButtons({ ids }: { ids: number[] }) {
  const t = useT()
  const api = useApi()
  const { busy, save } = useFileSave<'xlsx' | 'json'>()
  const saveAs = (format: 'xlsx' | 'json') => void save(format, () => api.call('warranty.package.export', { ids, format }))
  return (
    <Space size={8}>
      <Button onClick={() => saveAs('xlsx')} loading={busy === 'xlsx'} disabled={ids.length === 0}>
        {t('wty.package.xlsx')}
      </Button>
      <Button onClick={() => saveAs('json')} loading={busy === 'json'} disabled={ids.length === 0}>
        {t('wty.package.json')}
      </Button>
    </Space>
  )
}
