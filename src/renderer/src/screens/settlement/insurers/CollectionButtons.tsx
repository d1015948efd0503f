import { App, Button, Space } from 'antd'
import { useState } from 'react'
import { useApi } from '../../../api/query-client'
import { useT } from '../../../i18n'
import { navigate } from '../../../router'

/** Saves the collection list as XLSX (built by the host) and opens its print view. */
export function CollectionButtons({ asOf }: { asOf?: string }) {
  const t = useT()
  const api = useApi()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const save = async () => {
    setBusy(true)
    try {
      const answer = await api.call('insurance.collection.xlsx', asOf ? { asOf } : {})
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
    <Space size={8}>
      <Button onClick={() => void save()} loading={busy}>
        {t('insr.xlsx')}
      </Button>
      <Button onClick={() => navigate(asOf ? { name: 'insurerCollectionPrint', asOf } : { name: 'insurerCollectionPrint' })} title="Ctrl+P">
        {t('insr.print')}
      </Button>
    </Space>
  )
}
