import { useState } from 'react'
import { Modal } from 'antd'
import { outOfCoverage, type Failure } from '../../api/failure'
import { CoverageOverride, overrideReady } from '../../components/CoverageOverride'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'

interface Props {
  failure: Failure
  saving: boolean
  onOverride(reason: string): void
  onClose(): void
}

/** Saving the estimate was refused for a warranty line outside coverage: change the payer, or let it through. */
export function CoverageRefusal({ failure, saving, onOverride, onClose }: Props) {
  const t = useT()
  const may = useCan('warranty.override')
  const [reason, setReason] = useState('')
  const items = outOfCoverage(failure) ?? []
  return (
    <Modal
      open
      title={t('lineCheck.title')}
      onCancel={onClose}
      onOk={() => onOverride(reason)}
      okText={t('lineCheck.override')}
      okButtonProps={{ disabled: !may || !overrideReady(reason), hidden: !may }}
      confirmLoading={saving}
    >
      <CoverageOverride failure={failure} items={items} reason={reason} onReason={setReason} />
    </Modal>
  )
}
