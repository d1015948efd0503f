import { useState } from 'react'
import { Alert, App, Button, DatePicker, Form, Input, Modal, Table, Tag } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useStore } from 'zustand'
import { useSessionStore, useT } from '../../i18n'
import { dateTime, nowWallClock, wallClockToIso } from '../../format'
import { segmentMs } from '../../../../shared/domain/workshop-clock'
import { useWorkshopWrite, type JobDetailT } from '../../stores/workshop-store'
import { durationText } from './countdown'
import { useCan } from '../../permissions'

type Segment = JobDetailT['segments'][number]

interface Values {
  startedAt: Dayjs
  endedAt: Dayjs | null
  reason: string
}

const FORMAT = 'YYYY-MM-DD HH:mm'

/** The supervisor's correction of one stretch of clocked time, or a stretch added afterwards; always with a reason. */
function CorrectionDialog({ job, segment, onClose }: { job: JobDetailT; segment: Segment | null; onClose(): void }) {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const timeZone = useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string | null>(null)
  const running = segment !== null && segment.endedAt === null
  const iso = (d: Dayjs) => wallClockToIso(d.format('YYYY-MM-DDTHH:mm'), timeZone)

  const submit = async (v: Values) => {
    setError(null)
    const result =
      segment === null
        ? await write('workshop.addSegment', {
            jobId: job.id as number,
            startedAt: iso(v.startedAt),
            endedAt: iso(v.endedAt ?? v.startedAt),
            reason: v.reason.trim(),
          })
        : await write('workshop.correctSegment', {
            segmentId: segment.id,
            startedAt: iso(v.startedAt),
            endedAt: running || !v.endedAt ? null : iso(v.endedAt),
            reason: v.reason.trim(),
          })
    if (!result.ok) return setError(result.message)
    void message.success(t('wk.segment.saved'))
    onClose()
  }

  const now = dayjs(nowWallClock(timeZone))
  const title = segment === null ? t('wk.segment.addTitle', { job: job.description }) : t('wk.segment.correctTitle', { job: job.description })
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')}>
      <Form<Values>
        form={form}
        layout="vertical"
        aria-label={title}
        onFinish={(v) => void submit(v)}
        initialValues={{
          startedAt: segment ? dayjs(dateTime(segment.startedAt)) : now.subtract(1, 'hour'),
          endedAt: segment?.endedAt ? dayjs(dateTime(segment.endedAt)) : segment ? null : now,
          reason: '',
        }}
      >
        <div className="form-row">
          <Form.Item name="startedAt" label={t('field.startedAt')} rules={[{ required: true, message: t('form.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={FORMAT} className="full-width" />
          </Form.Item>
          <Form.Item name="endedAt" label={t('field.endedAt')} rules={[{ required: !running, message: t('form.required') }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={FORMAT} className="full-width" disabled={running} placeholder={running ? t('wk.segment.running') : ''} />
          </Form.Item>
        </div>
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, min: 2, message: t('wk.segment.reasonRequired') }]}>
          <Input maxLength={200} placeholder={t('wk.segment.reasonHint')} />
        </Form.Item>
        <button type="submit" className="hidden-submit" tabIndex={-1} aria-hidden />
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  )
}

/** The clocked stretches of one job; the supervisor corrects or adds them. */
export function SegmentsTable({ job }: { job: JobDetailT }) {
  const write = useWorkshopWrite()
  const t = useT()
  const canCorrect = useCan('workshop.correct')
  const [editing, setEditing] = useState<Segment | 'new' | null>(null)
  const nowMs = Date.now()

  return (
    <div className="ws-segments">
      <Table<Segment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={job.segments}
        aria-label={t('wk.segment.title', { job: job.description })}
        locale={{ emptyText: t('wk.segment.none') }}
        columns={[
          { title: t('field.technicianId'), dataIndex: 'technicianName', width: 90 },
          { title: t('field.startedAt'), width: 130, render: (_, s) => dateTime(s.startedAt) },
          { title: t('field.endedAt'), width: 130, render: (_, s) => (s.endedAt ? dateTime(s.endedAt) : t('wk.segment.running')) },
          {
            title: t('wk.segment.length'),
            width: 120,
            render: (_, s) => (
              <span>
                {durationText(t, segmentMs(s, nowMs) / 60_000)}
                {s.held && (
                  <Tag color="orange" className="ws-held-tag">
                    {t('wk.short.tag')}
                  </Tag>
                )}
              </span>
            ),
          },
          { title: t('wk.segment.pause'), width: 110, render: (_, s) => (s.pauseReason ? t(`pauseReason.${s.pauseReason}`) : '') },
          { title: t('wk.segment.correction'), render: (_, s) => s.correctionReason ?? '' },
          ...(canCorrect
            ? [
                {
                  width: 140,
                  render: (_: unknown, s: Segment) => (
                    <span>
                      {s.held && (
                        <Button size="small" type="link" onClick={() => void write('workshop.confirmShortSegment', { segmentId: s.id })}>
                          {t('wk.short.confirm')}
                        </Button>
                      )}
                      <Button size="small" type="link" onClick={() => setEditing(s)}>
                        {t('wk.segment.correct')}
                      </Button>
                    </span>
                  ),
                },
              ]
            : []),
        ]}
      />
      {canCorrect && job.id !== null && job.technicianId !== null && (
        <Button size="small" type="dashed" onClick={() => setEditing('new')} className="ws-add-segment">
          {t('wk.segment.add')}
        </Button>
      )}
      {editing && <CorrectionDialog job={job} segment={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </div>
  )
}
