import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Flex, Form, Input, List, Radio, Typography } from 'antd'
import { useApi } from '../../api/query-client'
import { useT } from '../../i18n'

interface FoundHost {
  url: string
  dealerName: string
}

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

/**
 * 连接店里的主机: a new workstation lists the hosts that answered on the LAN (no address to type),
 * or takes a typed address, and goes there to be paired.
 */
export function JoinHostForm() {
  const t = useT()
  const api = useApi()
  const [hosts, setHosts] = useState<FoundHost[] | null>(null)
  const [address, setAddress] = useState('')
  const [error, setError] = useState<string | null>(null)

  const search = useCallback(async () => {
    setHosts(null)
    const result = await api.call('setup.discoverHosts', {})
    if (!result.ok) {
      setError(result.message)
      setHosts([])
      return
    }
    setError(null)
    setHosts(result.data)
    setAddress((current) => current || (result.data[0]?.url ?? ''))
  }, [api])

  useEffect(() => {
    void search()
  }, [search])

  const valid = isHttpUrl(address.trim())
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary">{t('setup.terminalIntro')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      <section aria-label={t('setup.foundHosts')}>
      <List
        size="small"
        bordered
        header={
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{t('setup.foundHosts')}</Typography.Text>
            <Button size="small" loading={hosts === null} onClick={() => void search()}>
              {t('setup.findHosts')}
            </Button>
          </Flex>
        }
        locale={{ emptyText: hosts === null ? t('setup.searching') : t('setup.noHostFound') }}
        dataSource={hosts ?? []}
        renderItem={(host) => (
          <List.Item>
            <Radio checked={address === host.url} onChange={() => setAddress(host.url)}>
              <Typography.Text strong>{host.dealerName}</Typography.Text>{' '}
              <Typography.Text type="secondary" className="mono">
                {host.url}
              </Typography.Text>
            </Radio>
          </List.Item>
        )}
      />
      </section>
      <Form layout="vertical">
        <Form.Item
          label={t('setup.hostAddress')}
          htmlFor="join-host-address"
          extra={t('setup.hostAddressHint')}
          validateStatus={address && !valid ? 'error' : undefined}
          help={address && !valid ? t('setup.hostAddressBad') : undefined}
        >
          <Input id="join-host-address" value={address} onChange={(e) => setAddress(e.target.value)} className="mono" />
        </Form.Item>
      </Form>
      {valid && <Typography.Paragraph type="secondary">{t('setup.terminalHint', { url: address.trim() })}</Typography.Paragraph>}
      <Button type="primary" disabled={!valid} href={valid ? address.trim() : undefined}>
        {t('setup.openHost')}
      </Button>
    </Flex>
  )
}
