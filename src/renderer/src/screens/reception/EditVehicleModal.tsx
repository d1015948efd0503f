import { useState } from 'react'
import { App, Form, Modal } from 'antd'
import { useStores } from '../../stores/context'
import { useT } from '../../i18n'
import { applyFailure } from '../../components/form-errors'
import { clean } from '../../components/clean'
import type { VehicleT } from '../../stores/types'
import { PlateField, VehicleDescriptionFields } from './vehicle-fields'

interface Values {
  plate?: string
  make?: string
  model?: string
  modelYear?: number
  colour?: string
  engineNo?: string
}

export function EditVehicleModal({ vehicle, onClose }: { vehicle: VehicleT; onClose(): void }) {
  const t = useT()
  const { api, reception } = useStores()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [busy, setBusy] = useState(false)

  const submit = async (values: Values) => {
    setBusy(true)
    const result = await api.call('vehicles.update', { id: vehicle.id, version: vehicle.version, ...clean({ ...values }) })
    setBusy(false)
    if (!result.ok) {
      applyFailure(form, result)
      void message.error(result.message)
      if (result.code === 'CONFLICT') void reception.getState().loadVehicle(vehicle.id)
      return
    }
    void message.success(t('desk.saved'))
    void reception.getState().loadVehicle(vehicle.id)
    onClose()
  }

  return (
    <Modal open title={t('desk.editVehicle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={busy}>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        aria-label={t('desk.editVehicle')}
        initialValues={{
          plate: vehicle.plate ?? undefined,
          make: vehicle.make,
          model: vehicle.model,
          modelYear: vehicle.modelYear ?? undefined,
          colour: vehicle.colour ?? undefined,
          engineNo: vehicle.engineNo ?? undefined,
        }}
      >
        <PlateField t={t} />
        <VehicleDescriptionFields t={t} />
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
    </Modal>
  )
}
