import { useState } from 'react'
import { Alert, Radio, Typography } from 'antd'
import type { Contract } from '../../../../../shared/contract'
import type { OutputOf } from '../../../../../shared/contract/types'
import { useT } from '../../../i18n'
import { useApiQuery } from '../../../api/query-client'
import { QrCode } from '../../../components/QrCode'
import { lanWallUrl } from './wall-url'

type Addresses = OutputOf<Contract['workshop.displayAddresses']>

/** This host's LAN addresses, read from the host PC's network interfaces each time it is shown. */
function useAddresses(): { found: Addresses | null; error: string | null } {
  // Not kept once the panel closes: the interfaces may have changed by the next time.
  const query = useApiQuery('workshop.displayAddresses', {}, { gcTime: 0, retry: false })
  return { found: query.data ?? null, error: query.error?.message ?? null }
}

/** Why a TV cannot open the wall yet, and what to do about it; null when it can. */
function Reachability({ found }: { found: Addresses }) {
  const t = useT()
  if (found.lanReachable) return null
  const title =
    found.bindHost === null ? t('wk.wallAddr.noHost') : found.addresses.length === 0 ? t('wk.wallAddr.noLan') : t('wk.wallAddr.loopback', { host: found.bindHost })
  const hint = found.addresses.length === 0 ? undefined : t('wk.wallAddr.startForLan')
  return <Alert type="warning" showIcon title={title} description={hint} className="ws-wall-reach" role="alert" />
}

/**
 * Where a workshop TV opens the wall display: the host's LAN address(es) and, with a token, the
 * full address as text and as a QR code to scan from the TV's browser. Without a token (the
 * settings list) it says only whether and where a TV can reach this host.
 */
export function WallAddress({ token }: { token: string | null }) {
  const t = useT()
  const { found, error } = useAddresses()
  const [chosen, setChosen] = useState(0)
  if (error) return <Alert type="error" showIcon title={error} />
  if (!found) return null
  const usable = found.addresses.filter((a) => a.baseUrl !== null)
  const pick = usable[Math.min(chosen, usable.length - 1)]

  if (token === null) {
    return (
      <div className="ws-wall-addr" aria-label={t('wk.wallAddr.title')}>
        <Reachability found={found} />
        {found.lanReachable && (
          <span className="muted">
            {t('wk.wallAddr.listHint', { urls: usable.map((a) => `${a.baseUrl}wall`).join(' · ') })}
          </span>
        )}
      </div>
    )
  }

  const url = pick?.baseUrl ? lanWallUrl(pick.baseUrl, token) : null
  return (
    <div className="ws-wall-addr" aria-label={t('wk.wallAddr.title')}>
      <Reachability found={found} />
      {usable.length > 1 && (
        <Radio.Group
          size="small"
          value={Math.min(chosen, usable.length - 1)}
          onChange={(e) => setChosen(e.target.value as number)}
          aria-label={t('wk.wallAddr.choose')}
          options={usable.map((a, i) => ({ value: i, label: a.name ? t('wk.wallAddr.option', { address: a.address, name: a.name }) : a.address }))}
        />
      )}
      {url && (
        <div className="ws-wall-qr">
          <QrCode text={url} label={t('wk.wallAddr.qr')} size={180} />
          <div>
            <div className="muted">{t('wk.wallAddr.scan')}</div>
            <Typography.Paragraph copyable={{ text: url }} className="ws-token-url" aria-label={t('wk.wallTokens.url')}>
              {url}
            </Typography.Paragraph>
          </div>
        </div>
      )}
    </div>
  )
}
