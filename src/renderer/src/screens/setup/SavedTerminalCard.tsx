import { useState } from 'react'
import { Alert, Button, Popconfirm } from 'antd'
import { useApiQuery, useInvalidate, useApi } from '../../api/query-client'
import { useT } from '../../i18n'

/**
 * The workstation configuration this PC has saved, if any — or why it could not be used (damaged,
 * edited, sealed on another PC) — with the one way out: forget it and pair again.
 */
export function SavedTerminalCard() {
  const t = useT()
  const api = useApi()
  const invalidate = useInvalidate()
  const status = useApiQuery('setup.terminalStatus', {})
  const [note, setNote] = useState<{ type: 'success' | 'error'; text: string } | null>(null)

  const forget = async () => {
    const result = await api.call('setup.forgetTerminal', {})
    setNote(result.ok ? { type: 'success', text: t('setup.forgotten') } : { type: 'error', text: result.message })
    await invalidate('setup.terminalStatus')
  }

  const data = status.data
  const action = (
    <Popconfirm title={t('setup.forgetConfirm')} onConfirm={() => void forget()} okText={t('setup.forgetTerminal')}>
      <Button size="small" danger>
        {t('setup.forgetTerminal')}
      </Button>
    </Popconfirm>
  )
  return (
    <>
      {note && <Alert type={note.type} showIcon title={note.text} />}
      {data?.problem && <Alert type="warning" showIcon title={t(`terminalSetup.problem.${data.problem}`)} action={action} />}
      {data?.saved && (
        <Alert
          type="info"
          showIcon
          title={t('setup.savedTerminal')}
          description={t('setup.savedTerminalDesc', {
            url: data.saved.hostUrl,
            dealer: data.saved.dealerName,
            device: data.saved.deviceName,
            at: data.saved.savedAt.slice(0, 16).replace('T', ' '),
          })}
          action={action}
        />
      )}
    </>
  )
}
