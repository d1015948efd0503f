import { useState } from 'react'
import { Alert, App, Form, Input, Modal, Segmented } from 'antd'
import { DECISION_METHODS, type DecisionMethod } from '../../../../shared/domain/workshop-resources'
import { useLocale, useT } from '../../i18n'
import { money } from '../../format'
import { SignaturePad } from '../../components/SignaturePad'
import { CoverageOverride, overrideReady } from '../../components/CoverageOverride'
import { outOfCoverage, type Failure } from '../../api/failure'
import { useWorkshopWrite, type AdditionalWorkT } from '../../stores/workshop-store'

interface Props {
  work: AdditionalWorkT
  decision: 'approved' | 'declined'
  /** The customer's name as a starting point for "who decided" (the advisor changes it if someone else answered). */
  customerName: string
  onClose(): void
}

/** Records the customer's yes or no to additional work: how they said it and who. */
export function DecideDialog({ work, decision, customerName, onClose }: Props) {
  const write = useWorkshopWrite()
  const t = useT()
  const locale = useLocale()
  const { message } = App.useApp()
  const [method, setMethod] = useState<DecisionMethod>('phone')
  const [by, setBy] = useState(customerName)
  const [note, setNote] = useState('')
  const [signature, setSignature] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  // Approved warranty lines outside the vehicle's coverage: the refusal, and a reason to let them through.
  const [refusal, setRefusal] = useState<Failure | null>(null)
  const [overrideReason, setOverrideReason] = useState('')
  const [busy, setBusy] = useState(false)
  const ready = by.trim() !== '' && (method !== 'signature' || signature !== null) && (refusal === null || overrideReady(overrideReason))

  const submit = async () => {
    if (!ready) return
    setBusy(true)
    setError(null)
    const result = await write('workshop.additional.decide', {
      id: work.id,
      version: work.version,
      decision,
      method,
      decidedBy: by.trim(),
      note: note.trim(),
      ...(method === 'signature' && signature ? { signaturePng: signature } : {}),
      ...(refusal ? { warrantyOverride: { reason: overrideReason.trim() } } : {}),
    })
    setBusy(false)
    if (!result.ok) {
      if (outOfCoverage(result)) return setRefusal(result)
      return setError(result.message)
    }
    void message.success(t(decision === 'approved' ? 'wk.additional.approvedDone' : 'wk.additional.declinedDone'))
    onClose()
  }

  const title = t(decision === 'approved' ? 'wk.additional.approveTitle' : 'wk.additional.declineTitle', {
    number: work.roNumber,
    gross: money(work.grossFen, locale),
  })
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t(decision === 'approved' ? 'wk.additional.approve' : 'wk.additional.decline')}
      okButtonProps={{ disabled: !ready, danger: decision === 'declined' }}
      confirmLoading={busy}
    >
      <p className="pre-wrap">{work.finding}</p>
      <Form layout="vertical" aria-label={title} onFinish={() => void submit()}>
        <Form.Item label={t('field.method')}>
          <Segmented<DecisionMethod>
            value={method}
            onChange={setMethod}
            options={DECISION_METHODS.map((m) => ({ value: m, label: t(`decisionMethod.${m}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('field.decidedBy')} required>
          <Input autoFocus value={by} onChange={(e) => setBy(e.target.value)} aria-label={t('field.decidedBy')} />
        </Form.Item>
        {method === 'signature' && <SignaturePad onChange={setSignature} width={420} height={120} />}
        <Form.Item label={t('field.note')}>
          <Input value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('field.note')} placeholder={t(`authz.notePlaceholder.${method}`)} />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
      {refusal && <CoverageOverride failure={refusal} items={outOfCoverage(refusal) ?? []} reason={overrideReason} onReason={setOverrideReason} />}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  )
}
