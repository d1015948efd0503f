import { useState } from 'react'
import { Alert, Button, Input, Modal, Radio, Space } from 'antd'
import type { CallOutcome } from '../../../../shared/domain/care'
import { toLocalIso } from '../../../../shared/domain/time'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { wallClockToIso } from '../../format'
import { useCan } from '../../permissions'
import { useTimeZone } from '../settlement/use-settlement'
import { CallHistory } from '../care/CallHistory'
import { DialHeader, OutcomePicker, useCallTimer } from '../care/CallParts'

type Result = 'none' | 'booked' | 'declined'

/** 活动邀约电话: the care desk's dial header, timer and outcome; a reached call may close the invitation. */
export function InviteCallDialog({ id, code, onClose }: { id: number; code: string; onClose(): void }) {
  const t = useT()
  const tz = useTimeZone()
  const canCall = useCan('care.call')
  const view = useApiQuery('campaigns.invite.get', { id })
  const timer = useCallTimer()
  const [outcome, setOutcome] = useState<CallOutcome>('reached')
  const [callbackAt, setCallbackAt] = useState('')
  const [remark, setRemark] = useState('')
  const [result, setResult] = useState<Result>('booked')
  const save = useApiMutation('campaigns.invite.logCall', { showError: 'inline', onSuccess: (data) => (data.state === 'open' ? setRemark('') : onClose()) })
  const m = view.data
  const ready = timer.startedAt !== null && timer.endedAt !== null
  const open = m?.state === 'open' && canCall
  const submit = () => {
    if (!m || !timer.startedAt || !timer.endedAt) return
    save.mutate({
      id: m.id,
      version: m.version,
      startedAt: toLocalIso(timer.startedAt, tz),
      endedAt: toLocalIso(timer.endedAt, tz),
      outcome,
      ...(outcome === 'call_back' && callbackAt ? { callbackAt: wallClockToIso(callbackAt, tz) } : {}),
      remark,
      ...(outcome === 'reached' && result !== 'none' ? { result } : {}),
    })
  }
  return (
    <Modal
      open
      width={720}
      title={t('campaign.callTitle', { code })}
      onCancel={onClose}
      footer={
        open ? (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!ready} loading={save.isPending} onClick={submit}>
              {t('care.call.save')}
            </Button>
          </Space>
        ) : null
      }
    >
      {view.error && <Alert type="error" showIcon title={view.error.message} />}
      {m && (
        <div>
          <DialHeader who={`${m.customerName} · ${m.plate ?? ''} ${m.model}`} mobile={m.mobile} timer={timer} canLog={open} />
          {save.problem && <Alert type="error" showIcon title={save.problem} className="care-section" />}
          {open && (
            <>
              {!ready && <Alert type="info" showIcon title={t('care.call.notStarted')} className="care-section" />}
              <OutcomePicker outcome={outcome} onOutcome={setOutcome} callbackAt={callbackAt} onCallbackAt={setCallbackAt} />
              {outcome === 'reached' && (
                <div className="care-section">
                  <Radio.Group value={result} onChange={(e) => setResult(e.target.value as Result)} aria-label={t('campaign.result')}>
                    <Radio value="booked">{t('inviteState.booked')}</Radio>
                    <Radio value="declined">{t('inviteState.declined')}</Radio>
                    <Radio value="none">{t('campaign.resultNone')}</Radio>
                  </Radio.Group>
                </div>
              )}
              <div className="care-section">
                <Input.TextArea rows={2} maxLength={500} placeholder={t('care.call.remark')} aria-label={t('care.call.remark')} value={remark} onChange={(e) => setRemark(e.target.value)} />
              </div>
            </>
          )}
          {m.state !== 'open' && <Alert type="success" showIcon className="care-section" title={t(`inviteState.${m.state}`)} />}
          <CallHistory calls={m.calls} />
        </div>
      )}
    </Modal>
  )
}
