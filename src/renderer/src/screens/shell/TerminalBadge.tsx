import { useState } from 'react'
import { Alert, Button, Flex, Popconfirm, Popover, Typography } from 'antd'
import { useApi, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'

/**
 * On a workstation (terminal mode) the header names the host it works for, and offers to forget
 * the saved configuration (the host must agree unless it no longer vouches for this PC).
 */
export function TerminalBadge() {
  const t = useT()
  const api = useApi()
  const status = useApiQuery('setup.terminalStatus', {}, { staleTime: Infinity })
  const [error, setError] = useState<string | null>(null)
  const saved = status.data?.mode === 'terminal' ? status.data.saved : null
  if (!saved) return null

  const forget = async () => {
    const result = await api.call('setup.forgetTerminal', {})
    setError(result.ok ? null : result.message)
  }
  const content = (
    <Flex vertical gap={8} style={{ maxWidth: 360 }}>
      <Typography.Text>{t('shell.terminalDetail', { url: saved.hostUrl, device: saved.deviceName })}</Typography.Text>
      {error && <Alert type="error" showIcon title={error} />}
      <Popconfirm title={t('setup.forgetConfirm')} onConfirm={() => void forget()} okText={t('setup.forgetTerminal')}>
        <Button size="small" danger>
          {t('setup.forgetTerminal')}
        </Button>
      </Popconfirm>
    </Flex>
  )
  return (
    <Popover content={content} trigger="click">
      <Button size="small" type="text" className="app-header-muted">
        {t('shell.terminal', { dealer: saved.dealerName })}
      </Button>
    </Popover>
  )
}
