import { useState } from 'react'
import { Alert, App, Button, Checkbox, Form, Input, Modal, Select } from 'antd'
import { useT } from '../../i18n'
import type { Failure } from '../../api/failure'
import { useWorkshopWrite, type BoardCardT, type BoardT } from '../../stores/workshop-store'
import { currentBayOf, isDispatchable } from './board-model'
import { dispatchLines, isOverridable } from './dispatch'

export interface DispatchRequest {
  card: BoardCardT
  lineIds: number[]
  technicianId?: number
  bayId?: number
  /** A refusal met by a drag and drop, shown straight away with the override choice. */
  failure?: Failure
}

interface Props {
  board: BoardT
  request: DispatchRequest
  onClose(): void
}

/** 派工: jobs of one order to a technician and a bay; an occupied bay may be overruled with a reason. */
export function DispatchDialog({ board, request, onClose }: Props) {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const { card } = request
  const jobs = card.jobs.filter(isDispatchable)
  const [lineIds, setLineIds] = useState<number[]>(request.lineIds)
  const [technicianId, setTechnicianId] = useState<number | undefined>(request.technicianId)
  const [bayId, setBayId] = useState<number | undefined>(request.bayId ?? currentBayOf(card) ?? undefined)
  const [failure, setFailure] = useState<Failure | null>(request.failure ?? null)
  const [override, setOverride] = useState('')
  const [busy, setBusy] = useState(false)
  const canOverride = failure !== null && isOverridable(failure)

  const submit = async (withOverride: boolean) => {
    if (technicianId === undefined || lineIds.length === 0) return
    setBusy(true)
    const result = await dispatchLines(write, lineIds, {
      technicianId,
      ...(bayId === undefined ? {} : { bayId }),
      ...(withOverride ? { override: override.trim() } : {}),
    })
    setBusy(false)
    if (result) return setFailure(result)
    const name = board.technicians.find((x) => x.id === technicianId)?.name ?? ''
    void message.success(t('wk.dispatch.done', { number: card.number, name }))
    onClose()
  }

  return (
    <Modal
      open
      title={t('wk.dispatch.title', { number: card.number, plate: card.plate ?? t('wk.noPlate') })}
      onCancel={onClose}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          loading={busy && !canOverride}
          disabled={technicianId === undefined || lineIds.length === 0}
          onClick={() => void submit(false)}
        >
          {t('wk.dispatch.submit')}
        </Button>,
      ]}
    >
      <Form layout="vertical" aria-label={t('wk.dispatch.form')} onFinish={() => void submit(false)}>
        <Form.Item label={t('wk.dispatch.jobs')}>
          <Checkbox.Group
            className="ws-check-list"
            value={lineIds}
            onChange={(v) => setLineIds(v as number[])}
            options={jobs.map((j) => ({
              value: j.lineId as number,
              label: `${j.description}${j.technicianName ? ` · ${j.technicianName}` : ''}`,
            }))}
          />
        </Form.Item>
        <div className="form-row">
          <Form.Item label={t('field.technicianId')} htmlFor="ws-dispatch-tech" required>
            <Select
              id="ws-dispatch-tech"
              autoFocus
              showSearch={{ optionFilterProp: 'label' }}
              value={technicianId}
              onChange={(v: number) => {
                setTechnicianId(v)
                setFailure(null)
              }}
              options={board.technicians.map((x) => ({
                value: x.id,
                label: `${x.name} · ${t('wk.dispatch.load', { n: x.openJobs })}${x.skills.length ? ` · ${x.skills.map((s) => t(`skill.${s}`)).join('/')}` : ''}`,
              }))}
            />
          </Form.Item>
          <Form.Item label={t('field.bayId')} htmlFor="ws-dispatch-bay">
            <Select
              id="ws-dispatch-bay"
              allowClear
              value={bayId}
              onChange={(v: number | undefined) => {
                setBayId(v)
                setFailure(null)
              }}
              options={board.bays.map((b) => ({
                value: b.id,
                label:
                  b.occupiedBy && b.occupiedBy.roId !== card.roId
                    ? `${b.code} ${b.name} · ${t('wk.dispatch.occupied', { plate: b.occupiedBy.plate ?? b.occupiedBy.number })}`
                    : `${b.code} ${b.name}`,
              }))}
            />
          </Form.Item>
        </div>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
      {failure && (
        <Alert
          type={canOverride ? 'warning' : 'error'}
          showIcon
          title={failure.message}
          description={
            canOverride && (
              <div className="ws-override">
                <Input
                  aria-label={t('field.override')}
                  placeholder={t('wk.dispatch.overrideReason')}
                  value={override}
                  onChange={(e) => setOverride(e.target.value)}
                  onPressEnter={() => override.trim().length >= 2 && void submit(true)}
                />
                <Button danger loading={busy} disabled={override.trim().length < 2} onClick={() => void submit(true)}>
                  {t('wk.dispatch.override')}
                </Button>
              </div>
            )
          }
        />
      )}
    </Modal>
  )
}
