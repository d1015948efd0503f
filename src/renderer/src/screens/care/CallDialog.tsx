import { useState } from 'react'
import { Alert, Button, Checkbox, Input, Modal, Radio, Select, Space, Typography } from 'antd'
import { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, type CallOutcome, type ComplaintCategory, type ComplaintSeverity } from '../../../../shared/domain/care'
import { toLocalIso } from '../../../../shared/domain/time'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateTime, wallClockToIso } from '../../format'
import { useCan } from '../../permissions'
import { useTimeZone } from '../settlement/use-settlement'
import { CallHistory } from './CallHistory'
import { questionText } from './question-text'
import { DialHeader, OutcomePicker, useCallTimer } from './CallParts'


/** 回访电话: the number large, the call timed from started to ended, the outcome, the survey and, from it, a complaint. */
export function CallDialog({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT()
  const tz = useTimeZone()
  const canCall = useCan('care.call')
  const canComplain = useCan('care.complaints')
  const view = useApiQuery('care.followups.get', { id })
  const timer = useCallTimer()
  const [outcome, setOutcome] = useState<CallOutcome>('reached')
  const [callbackAt, setCallbackAt] = useState('')
  const [scores, setScores] = useState<Partial<Record<string, number>>>({})
  const [remark, setRemark] = useState('')
  const [done, setDone] = useState(true)
  const [complain, setComplain] = useState<boolean | null>(null)
  const [category, setCategory] = useState<ComplaintCategory>('quality')
  const [severity, setSeverity] = useState<ComplaintSeverity>('medium')
  const [words, setWords] = useState('')
  const [giveUpNote, setGiveUpNote] = useState('')
  const save = useApiMutation('care.followups.logCall', { showError: 'inline', onSuccess: (data) => (data.state === 'open' ? reset() : onClose()) })
  const giveUp = useApiMutation('care.followups.giveUp', { showError: 'inline', onSuccess: onClose })

  function reset() {
    setScores({})
    setRemark('')
    setComplain(null)
    setWords('')
  }

  const f = view.data
  const survey = f?.survey
  const low = survey ? Object.values(scores).filter((s) => s !== undefined && s <= survey.lowScore).length : 0
  const openComplaint = outcome === 'reached' && canComplain && (complain ?? low > 0)
  const ready = timer.startedAt !== null && timer.endedAt !== null

  const submit = () => {
    if (!f || !timer.startedAt || !timer.endedAt) return
    const answers = outcome === 'reached' ? Object.entries(scores).map(([question, score]) => ({ question, score: score! })) : []
    save.mutate({
      id: f.id,
      version: f.version,
      startedAt: toLocalIso(timer.startedAt, tz),
      endedAt: toLocalIso(timer.endedAt, tz),
      outcome,
      ...(outcome === 'call_back' && callbackAt ? { callbackAt: wallClockToIso(callbackAt, tz) } : {}),
      answers,
      remark,
      done: outcome === 'reached' && done,
      ...(openComplaint ? { complaint: { category, severity, words } } : {}),
    })
  }

  return (
    <Modal
      open
      width={760}
      title={f ? t('care.call.title', { number: f.roNumber }) : ''}
      onCancel={onClose}
      footer={
        f?.state === 'open' && canCall ? (
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
      {f && survey && (
        <div>
          <DialHeader who={`${f.customerName} · ${f.plate ?? ''} ${f.model}`} mobile={f.mobile} timer={timer} canLog={f.state === 'open' && canCall} />
          {save.problem && <Alert type="error" showIcon title={save.problem} className="care-section" />}
          {giveUp.problem && <Alert type="error" showIcon title={giveUp.problem} className="care-section" />}
          {f.state === 'open' && canCall && (
            <>
              {!ready && <Alert type="info" showIcon title={t('care.call.notStarted')} />}
              <OutcomePicker outcome={outcome} onOutcome={setOutcome} callbackAt={callbackAt} onCallbackAt={setCallbackAt} />
              {outcome === 'reached' && (
                <div className="care-section">
                  <Typography.Text strong>{t('care.call.survey', { min: survey.min, max: survey.max })}</Typography.Text>
                  <div className="care-survey">
                    {survey.questions.map((q) => (
                      <Survey key={q.code} question={q.code} label={questionText(t, q.code, q.text)} min={survey.min} max={survey.max} value={scores[q.code]} onChange={(v) => setScores((s) => ({ ...s, [q.code]: v }))} />
                    ))}
                  </div>
                  <Checkbox checked={done} onChange={(e) => setDone(e.target.checked)}>
                    {t('care.call.done')}
                  </Checkbox>
                </div>
              )}
              <div className="care-section">
                <Input.TextArea rows={2} maxLength={500} placeholder={t('care.call.remark')} aria-label={t('care.call.remark')} value={remark} onChange={(e) => setRemark(e.target.value)} />
              </div>
              {outcome === 'reached' && canComplain && (
                <div className="care-section">
                  {low > 0 && <Alert type="warning" showIcon title={t('care.call.lowScoreHint', { n: low, low: survey.lowScore })} />}
                  <Checkbox checked={openComplaint} onChange={(e) => setComplain(e.target.checked)}>
                    {t('care.call.openComplaint')}
                  </Checkbox>
                  {openComplaint && (
                    <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
                      <Space>
                        <Select<ComplaintCategory>
                          size="small"
                          style={{ width: 140 }}
                          aria-label={t('care.complaint.category')}
                          value={category}
                          onChange={setCategory}
                          options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: t(`complaintCategory.${c}`) }))}
                        />
                        <Select<ComplaintSeverity>
                          size="small"
                          style={{ width: 120 }}
                          aria-label={t('care.complaint.severity')}
                          value={severity}
                          onChange={setSeverity}
                          options={COMPLAINT_SEVERITIES.map((s) => ({ value: s, label: t(`complaintSeverity.${s}`) }))}
                        />
                      </Space>
                      <Input.TextArea rows={2} maxLength={500} placeholder={t('care.complaint.words')} aria-label={t('care.complaint.words')} value={words} onChange={(e) => setWords(e.target.value)} />
                    </Space>
                  )}
                </div>
              )}
              {f.attempts >= 3 && (
                <div className="care-section">
                  <Space.Compact style={{ width: '100%' }}>
                    <Input size="small" placeholder={t('care.call.giveUpNote')} aria-label={t('care.call.giveUpNote')} value={giveUpNote} onChange={(e) => setGiveUpNote(e.target.value)} />
                    <Button size="small" danger loading={giveUp.isPending} onClick={() => giveUp.mutate({ id: f.id, version: f.version, note: giveUpNote })}>
                      {t('care.call.giveUp')}
                    </Button>
                  </Space.Compact>
                </div>
              )}
            </>
          )}
          {f.state !== 'open' && (
            <Alert type="success" showIcon title={`${t(`followUpState.${f.state}`)} · ${dateTime(f.closedAt)}${f.closeNote ? ` · ${f.closeNote}` : ''}`} />
          )}
          {f.complaints.map((c) => (
            <Alert key={c.id} type="warning" showIcon className="care-section" title={`${t('care.tab.complaints')} ${c.number} · ${t(`complaintState.${c.state}`)}`} />
          ))}
          <CallHistory calls={f.calls} />
        </div>
      )}
    </Modal>
  )
}

function Survey({ question, label, min, max, value, onChange }: { question: string; label: string; min: number; max: number; value: number | undefined; onChange: (v: number) => void }) {
  const options = Array.from({ length: max - min + 1 }, (_, i) => min + i)
  return (
    <>
      <label htmlFor={`survey-${question}`}>{label}</label>
      <Radio.Group id={`survey-${question}`} size="small" optionType="button" aria-label={label} value={value} onChange={(e) => onChange(Number(e.target.value))} options={options.map((n) => ({ value: n, label: String(n) }))} />
    </>
  )
}
