import { App, Button, Space } from 'antd'
import { useState } from 'react'
import { useApi } from '../../api/query-client'
import { useT } from '../../i18n'

/** Saves the claim package (XLSX or JSON) of the given claims, for the maker's portal. */
export function PackageButtons({ ids }: { ids: number[] }) {
  const t = useT()
  const api = useApi()
  const { message } = App.useApp()
  const [busy, setBusy] = useState<'xlsx' | 'json' | null>(null)
  const save = async (format: 'xlsx' | 'json') => {
    setBusy(format)
    try {
      const answer = await api.call('warranty.package.export', { ids, format })
      if (!answer.ok) {
        void message.error(answer.message)
        return
      }
      const link = document.createElement('a')
      link.href = `data:${answer.data.mimeType};base64,${answer.data.base64}`
      link.download = answer.data.fileName
      link.click()
    } finally {
      setBusy(null)
    }
  }
  return (
    <Space size={8}>
      <Button onClick={() => void save('xlsx')} loading={busy === 'xlsx'} disabled={ids.length === 0}>
        {t('wty.package.xlsx')}
      </Button>
      <Button onClick={() => void save('json')} loading={busy === 'json'} disabled={ids.length === 0}>
        {t('wty.package.json')}
      </Button>
    </Space>
  )
}
