import { useState } from 'react'
import { Alert, App, Button, Card, Checkbox, Input, Radio, Space } from 'antd'
import type { QcItemResult } from '../../../../shared/domain/qc-result'
import { useT } from '../../i18n'
import { useWorkshopWrite, type WorkshopRoT } from '../../stores/workshop-store'
import { checklistLabel } from './checklist-label'

interface ItemAnswer {
  result: QcItemResult
  note: string
}

/**
 * 竣工检验: the technical supervisor ticks the checklist of the order's type, then passes the car
 * (optionally to the wash) or fails it, naming the jobs that go back as rework and why.
 */
export function QcPanel({ ro }: { ro: WorkshopRoT }) {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const [answers, setAnswers] = useState<Record<number, ItemAnswer>>({})
  const [wash, setWash] = useState(false)
  const [rework, setRework] = useState<Record<number, string>>({})
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const doneJobs = ro.jobs.filter((j) => j.state === 'done' && j.id !== null)
  // Untouched items are "not checked", never failures; a pass needs every item checked ok.
  const answerOf = (id: number): ItemAnswer => answers[id] ?? { result: 'not_checked', note: '' }
  const allOk = ro.checklist.every((i) => answerOf(i.id).result === 'ok')
  const failedCount = ro.checklist.filter((i) => answerOf(i.id).result === 'fail').length
  const uncheckedCount = ro.checklist.filter((i) => answerOf(i.id).result === 'not_checked').length
  const reworkList = Object.entries(rework).map(([jobId, reason]) => ({ jobId: Number(jobId), reason: reason.trim() }))
  const canFail = reworkList.length > 0 && reworkList.every((r) => r.reason.length >= 2)

  const record = async (result: 'pass' | 'fail') => {
    setBusy(true)
    setError(null)
    const answer = await write('workshop.qc.record', {
      roId: ro.roId,
      version: ro.roVersion,
      result,
      items: ro.checklist.map((i) => ({ itemId: i.id, result: answerOf(i.id).result, note: answerOf(i.id).note.trim() })),
      wash: result === 'pass' && wash,
      rework: result === 'fail' ? reworkList : [],
      note: note.trim(),
    })
    setBusy(false)
    if (!answer.ok) return setError(answer.message)
    void message.success(result === 'pass' ? t('wk.qc.passedDone', { number: ro.number }) : t('wk.qc.failedDone', { number: ro.number, n: reworkList.length }))
  }

  return (
    <Card size="small" title={t('wk.qc.title', { type: `roType.${ro.type}` })} className="ws-qc-panel">
      <div className="ws-checklist" role="group" aria-label={t('wk.qc.checklist')}>
        {ro.checklist.map((item) => (
          <div key={item.id} className="ws-check-item">
            <span className="ws-check-label">{checklistLabel(t, item.label)}</span>
            <Radio.Group
              size="small"
              optionType="button"
              buttonStyle="solid"
              aria-label={t('wk.qc.resultOf', { item: checklistLabel(t, item.label) })}
              value={answerOf(item.id).result}
              onChange={(e) => setAnswers({ ...answers, [item.id]: { ...answerOf(item.id), result: e.target.value as QcItemResult } })}
              options={(['ok', 'fail', 'not_checked'] as const).map((r) => ({ value: r, label: t(`wk.qc.item.${r}`) }))}
            />
            <Input
              size="small"
              placeholder={t('wk.qc.itemNote')}
              aria-label={t('wk.qc.itemNoteOf', { item: checklistLabel(t, item.label) })}
              value={answerOf(item.id).note}
              onChange={(e) => setAnswers({ ...answers, [item.id]: { ...answerOf(item.id), note: e.target.value } })}
            />
          </div>
        ))}
        <Button size="small" type="link" onClick={() => setAnswers(Object.fromEntries(ro.checklist.map((i) => [i.id, { ...answerOf(i.id), result: 'ok' as const }])))}>
          {t('wk.qc.tickAll')}
        </Button>
      </div>
      <Input.TextArea rows={1} maxLength={500} placeholder={t('wk.qc.note')} aria-label={t('wk.qc.note')} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="ws-qc-decide">
        <Space orientation="vertical" className="ws-qc-pass">
          <Checkbox checked={wash} onChange={(e) => setWash(e.target.checked)}>
            {t('wk.qc.toWash')}
          </Checkbox>
          <Button type="primary" disabled={!allOk} loading={busy} onClick={() => void record('pass')}>
            {t('wk.qc.pass')}
          </Button>
          {!allOk && (
            <span className="muted" role="status">
              {failedCount > 0 ? t('wk.qc.passHasFailed', { n: failedCount }) : t('wk.qc.passUnchecked', { n: uncheckedCount })}
            </span>
          )}
        </Space>
        <div className="ws-qc-fail" role="group" aria-label={t('wk.qc.reworkJobs')}>
          <div className="muted">{t('wk.qc.reworkHint')}</div>
          {doneJobs.map((job) => {
            const id = job.id as number
            const chosen = id in rework
            return (
              <div key={id} className="ws-check-item">
                <Checkbox
                  checked={chosen}
                  onChange={(e) => {
                    const next = { ...rework }
                    if (e.target.checked) next[id] = ''
                    else delete next[id]
                    setRework(next)
                  }}
                >
                  {job.description}
                </Checkbox>
                {chosen && (
                  <Input
                    size="small"
                    placeholder={t('wk.qc.reworkReason')}
                    aria-label={t('wk.qc.reworkReasonOf', { job: job.description })}
                    value={rework[id]}
                    onChange={(e) => setRework({ ...rework, [id]: e.target.value })}
                  />
                )}
              </div>
            )
          })}
          <Button danger disabled={!canFail} loading={busy} onClick={() => void record('fail')}>
            {t('wk.qc.fail')}
          </Button>
        </div>
      </div>
      {error && <Alert type="error" showIcon title={error} />}
    </Card>
  )
}
