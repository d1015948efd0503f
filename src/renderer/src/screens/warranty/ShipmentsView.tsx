import { useState } from 'react'
import { Button, Form, Input, Modal, Space, Table } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import type { ShipmentState } from '../../../../shared/domain/warranty-parts'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { navigate } from '../../router'
import { useCan } from '../../permissions'

type ShipmentRow = OutputOf<Contract['warranty.shipments.list']>[number]

/** 回运单: return shipments — print the packing list, ship with the waybill, record the maker's receipt. */
export function ShipmentsView() {
  const t = useT()
  const canWrite = useCan('warranty.write')
  const list = useApiQuery('warranty.shipments.list', {})
  const [shipping, setShipping] = useState<ShipmentRow | null>(null)
  const [receiving, setReceiving] = useState<ShipmentRow | null>(null)
  return (
    <div className="wty-shelf">
      <Table<ShipmentRow>
        size="small"
        rowKey="id"
        aria-label={t('wty.tab.shipments')}
        loading={list.isLoading}
        dataSource={list.data ?? []}
        pagination={false}
        locale={{ emptyText: t('wty.ship.empty') }}
        columns={[
          { title: t('wty.ship.number'), dataIndex: 'number', className: 'mono', width: 140 },
          { title: t('wty.ship.state'), dataIndex: 'state', width: 110, render: (s: ShipmentState) => t(`warranty.shipmentState.${s}`) },
          { title: t('wty.ship.parts'), dataIndex: 'parts', width: 70, align: 'right' },
          { title: t('wty.ship.created'), dataIndex: 'createdAt', width: 150, render: (at: string) => dateTime(at) },
          { title: t('wty.ship.carrier'), key: 'carrier', render: (_, s) => (s.carrier ? `${s.carrier} ${s.waybill}` : '—') },
          { title: t('wty.ship.receiptRef'), dataIndex: 'receiptRef', className: 'mono', width: 140, render: (v: string) => v || '—' },
          {
            key: 'actions',
            width: 220,
            render: (_, s) => (
              <Space size={4}>
                <Button size="small" onClick={() => navigate({ name: 'warrantyPackingPrint', id: s.id })}>
                  {t('wty.ship.print')}
                </Button>
                {canWrite && s.state === 'open' && (
                  <Button size="small" type="primary" onClick={() => setShipping(s)}>
                    {t('wty.ship.ship')}
                  </Button>
                )}
                {canWrite && s.state === 'shipped' && (
                  <Button size="small" type="primary" onClick={() => setReceiving(s)}>
                    {t('wty.ship.receive')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {shipping && <ShipModal shipment={shipping} onClose={() => setShipping(null)} />}
      {receiving && <ReceiveModal shipment={receiving} onClose={() => setReceiving(null)} />}
    </div>
  )
}

function ShipModal({ shipment, onClose }: { shipment: ShipmentRow; onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<{ carrier: string; waybill: string }>()
  const ship = useApiMutation('warranty.shipments.ship', { form, onSuccess: onClose })
  return (
    <Modal open title={`${t('wty.ship.ship')} ${shipment.number}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={ship.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => ship.mutate({ id: shipment.id, version: shipment.version, carrier: v.carrier, waybill: v.waybill })}>
        <Form.Item name="carrier" label={t('wty.ship.carrier')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
        <Form.Item name="waybill" label={t('wty.ship.waybill')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  )
}

function ReceiveModal({ shipment, onClose }: { shipment: ShipmentRow; onClose(): void }) {
  const t = useT()
  const [form] = Form.useForm<{ receiptRef: string }>()
  const receive = useApiMutation('warranty.shipments.receive', { form, onSuccess: onClose })
  return (
    <Modal open title={`${t('wty.ship.receive')} ${shipment.number}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={receive.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => receive.mutate({ id: shipment.id, version: shipment.version, receiptRef: v.receiptRef })}>
        <Form.Item name="receiptRef" label={t('wty.ship.receiptRef')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input maxLength={60} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  )
}
