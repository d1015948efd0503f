import { useCallback, useEffect, useState } from 'react'
import { Alert, Button, Flex, Form, Input, List, Radio, Result, Typography } from 'antd'
import { useApi } from '../../api/query-client'
import { useT } from '../../i18n'
import { SavedTerminalCard } from './SavedTerminalCard'

interface FoundHost {
  url: string
  dealerName: string
}

interface Joined {
  hostUrl: string
  dealerName: string
  deviceName: string
  relaunching: boolean
  code: string
}

const isHttpUrl = (text: string) => {
  try {
    const url = new URL(text)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

const CODE = /^[A-Za-z0-9_-]{20,64}$/

/**
 * 连接店里的主机: a new workstation lists the hosts that answered on the LAN (no address to type)
 * or takes a typed address, and pairs with the code from the host's 数据管理 → 工作站. The main
 * process checks the host and the code, then saves them (the code sealed) as this PC's
 * workstation configuration; the desktop app restarts as a terminal of that host.
 */
export function JoinHostForm() {
  const t = useT()
  const api = useApi()
  const [hosts, setHosts] = useState<FoundHost[] | null>(null)
  const [address, setAddress] = useState('')
  const [code, setCode] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [joined, setJoined] = useState<Joined | null>(null)

  const search = useCallback(async () => {
    setHosts(null)
    const result = await api.call('setup.discoverHosts', {})
    if (!result.ok) {
      setError(result.message)
      setHosts([])
      return
    }
    setHosts(result.data)
    setAddress((current) => current || (result.data[0]?.url ?? ''))
  }, [api])

  useEffect(() => {
    void search()
  }, [search])

  const join = async () => {
    setBusy(true)
    setError(null)
    const typed = code.trim()
    const result = await api.call('setup.joinHost', { hostUrl: address.trim(), pairingCode: typed })
    setBusy(false)
    if (result.ok) setJoined({ ...result.data, code: typed })
    else setError(result.message)
  }

  if (joined) {
    return (
      <Result
        status="success"
        title={t('setup.joined', { dealer: joined.dealerName })}
        subTitle={t(joined.relaunching ? 'setup.joinedRelaunching' : 'setup.joinedManual', { device: joined.deviceName })}
        extra={
          joined.relaunching ? null : (
            // A browser still needs the host's cookie: /pair sets it with the same code.
            <Button type="primary" href={`${joined.hostUrl}pair?code=${encodeURIComponent(joined.code)}`}>
              {t('setup.openPairedHost')}
            </Button>
          )
        }
      />
    )
  }

  const validUrl = isHttpUrl(address.trim())
  const validCode = CODE.test(code.trim())
  return (
    <Flex vertical gap={12}>
      <SavedTerminalCard />
      <Typography.Paragraph type="secondary">{t('setup.terminalIntro')}</Typography.Paragraph>
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
      <Form layout="vertical" aria-label={t('setup.tabTerminal')} onFinish={() => void join()}>
        <Form.Item
          label={t('setup.hostAddress')}
          htmlFor="join-host-address"
          extra={t('setup.hostAddressHint')}
          validateStatus={address && !validUrl ? 'error' : undefined}
          help={address && !validUrl ? t('setup.hostAddressBad') : undefined}
        >
          <Input id="join-host-address" value={address} onChange={(e) => setAddress(e.target.value)} className="mono" />
        </Form.Item>
        <Form.Item
          label={t('setup.pairingCode')}
          htmlFor="join-host-code"
          extra={t('setup.pairingCodeHint')}
          validateStatus={code && !validCode ? 'error' : undefined}
          help={code && !validCode ? t('terminalSetup.codeFormat') : undefined}
        >
          <Input id="join-host-code" value={code} onChange={(e) => setCode(e.target.value)} className="mono" autoComplete="off" spellCheck={false} />
        </Form.Item>
        {validUrl && <Typography.Paragraph type="secondary">{t('setup.terminalHint', { url: address.trim() })}</Typography.Paragraph>}
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} disabled={!validUrl || !validCode}>
          {t('setup.join')}
        </Button>
      </Form>
    </Flex>
  )
}
