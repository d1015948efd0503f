import { App, Form, Modal } from 'antd'
import { useApiMutation, useInvalidate } from '../../api/query-client'
import { useT } from '../../i18n'
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
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const invalidate = useInvalidate()
  const update = useApiMutation('vehicles.update', {
    form,
    onError: (failure) => {
      if (failure.failure.code === 'CONFLICT') void invalidate('vehicles.get')
    },
    onSuccess: () => {
      void message.success(t('desk.saved'))
      onClose()
    },
  })

  const submit = (values: Values) => update.mutate({ id: vehicle.id, version: vehicle.version, ...clean({ ...values }) })

  return (
    <Modal open title={t('desk.editVehicle')} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={update.isPending}>
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
