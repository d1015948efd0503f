import { useState } from 'react'
import { Alert, App, Button, Card, Input, Modal, Popconfirm, Space, Table, Tag } from 'antd'
import { useT } from '../../../i18n'
import { dateTime } from '../../../format'
import { localWallUrl } from './wall-url'
import { WallAddress } from './WallAddress'
import { useList } from './use-list'
import { useWorkshopWrite } from '../../../stores/workshop-store'

interface Token {
  id: number
  name: string
  createdAt: string
  revokedAt: string | null
  lastSeenAt: string | null
}

/** 看板大屏: tokens for shop-floor TVs. A token is shown once, with the address to open on the TV. */
export function DisplayTokensPanel() {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const { rows, error } = useList('workshop.displayTokens', {})
  const [name, setName] = useState('')
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null)

  const create = async () => {
    const result = await write('workshop.createDisplayToken', { name: name.trim() })
    if (!result.ok) return void message.error(result.message)
    setName('')
    setCreated({ name: result.data.name, token: result.data.token })
  }

  const revoke = async (token: Token) => {
    const result = await write('workshop.revokeDisplayToken', { id: token.id })
    if (result.ok) void message.success(t('wk.wallTokens.revoked', { name: token.name }))
    else void message.error(result.message)
  }

  return (
    <Card size="small" title={t('wk.wallTokens.title')}>
      {error && <Alert type="error" showIcon title={error} />}
      <WallAddress token={null} />
      <Space.Compact className="ws-token-form">
        <Input
          size="small"
          aria-label={t('wk.wallTokens.name')}
          placeholder={t('wk.wallTokens.namePlaceholder')}
          value={name}
          maxLength={60}
          onChange={(e) => setName(e.target.value)}
          onPressEnter={() => name.trim() && void create()}
        />
        <Button size="small" type="primary" disabled={!name.trim()} onClick={() => void create()}>
          {t('wk.wallTokens.create')}
        </Button>
      </Space.Compact>
      <Table<Token>
        size="small"
        rowKey="id"
        pagination={false}
        loading={!rows}
        dataSource={rows ?? []}
        aria-label={t('wk.wallTokens.title')}
        locale={{ emptyText: t('wk.wallTokens.none') }}
        columns={[
          { title: t('wk.wallTokens.name'), dataIndex: 'name' },
          { title: t('wk.wallTokens.createdAt'), width: 140, render: (_, r) => dateTime(r.createdAt) },
          { title: t('wk.wallTokens.lastSeen'), width: 140, render: (_, r) => dateTime(r.lastSeenAt) },
          {
            width: 110,
            render: (_, r) =>
              r.revokedAt ? (
                <Tag>{t('wk.wallTokens.revokedTag')}</Tag>
              ) : (
                <Popconfirm title={t('wk.wallTokens.revokeConfirm', { name: r.name })} onConfirm={() => void revoke(r)} okText={t('wk.wallTokens.revoke')} cancelText={t('common.cancel')}>
                  <Button size="small" danger>
                    {t('wk.wallTokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {created && (
        <Modal open title={t('wk.wallTokens.createdTitle', { name: created.name })} onCancel={() => setCreated(null)} footer={<Button onClick={() => setCreated(null)}>{t('wk.close')}</Button>}>
          <Alert type="warning" showIcon title={t('wk.wallTokens.onceOnly')} />
          <WallAddress token={created.token} />
          <a href={localWallUrl(created.token)} target="_blank" rel="noreferrer">
            {t('wk.wallTokens.open')}
          </a>
        </Modal>
      )}
    </Card>
  )
}
