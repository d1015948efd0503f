import { useState } from 'react'
import { Alert, Button, Descriptions, Drawer, Input, Radio, Select, Space, Tag, Timeline, Typography } from 'antd'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { useCan } from '../../permissions'

/** One complaint case: what the customer said, every step with time and who, and the next step its state allows. */
export function ComplaintCase({ id, onClose }: { id: number; onClose: () => void }) {
  const t = useT()
  const view = useApiQuery('care.complaints.get', { id })
  const c = view.data
  return (
    <Drawer open width={620} onClose={onClose} title={c ? t('care.complaint.title', { number: c.number }) : ''}>
      {view.error && <Alert type="error" showIcon title={view.error.message} />}
      {c && (
        <div>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('care.state')}>{t(`complaintState.${c.state}`)}</Descriptions.Item>
            <Descriptions.Item label={t('care.complaint.severity')}>
              {t(`complaintSeverity.${c.severity}`)} {c.overdue && <Tag color="red">{t('care.overdue')}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t('field.customer')}>{c.customerName}</Descriptions.Item>
            <Descriptions.Item label={t('field.mobile')}>{c.mobile ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('field.plate')}>{c.plate ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('care.complaint.ro')}>{c.roNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('care.complaint.source')}>{t(`complaintSource.${c.source}`)}</Descriptions.Item>
            <Descriptions.Item label={t('care.complaint.category')}>{t(`complaintCategory.${c.category}`)}</Descriptions.Item>
            <Descriptions.Item label={t('care.complaint.openedAt')}>{dateTime(c.openedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('care.complaint.dueAt')}>{dateTime(c.dueAt)}</Descriptions.Item>
            <Descriptions.Item label={t('care.complaint.owner')}>{c.ownerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('care.complaint.department')}>{c.department ?? '—'}</Descriptions.Item>
            {/* A blank root cause must not leave an empty row (antd counts a '' child as an item). */}
            {c.rootCause ? (
              <Descriptions.Item label={t('care.complaint.rootCause')} span={2}>
                {c.rootCause}
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <div className="care-section">
            <div className="care-words">{c.words}</div>
          </div>
          <div className="care-section" aria-label={t('care.complaint.steps')}>
            <Timeline
              items={c.steps.map((s) => ({
                key: s.id,
                children: `${dateTime(s.at)} · ${s.userName} · ${t(`complaintStep.${s.kind}`)}${s.note ? ` · ${s.note}` : ''}`,
              }))}
            />
          </div>
          <NextStep complaint={c} />
        </div>
      )}
    </Drawer>
  )
}

interface CaseHead {
  id: number
  version: number
  state: 'open' | 'assigned' | 'resolved' | 'closed'
  ownerId: number | null
  department: string | null
  accepted: boolean | null
}

function NextStep({ complaint: c }: { complaint: CaseHead }) {
  const t = useT()
  const canAct = useCan('care.complaints')
  const canClose = useCan('care.complaints.close')
  const staff = useApiQuery('care.staff', {}, { enabled: canAct && c.state !== 'closed' })
  const [ownerId, setOwnerId] = useState<number | undefined>(c.ownerId ?? undefined)
  const [department, setDepartment] = useState(c.department ?? '')
  const [note, setNote] = useState('')
  const [accepted, setAccepted] = useState(true)
  const [rootCause, setRootCause] = useState('')
  const opts = { showError: 'inline' as const, onSuccess: () => setNote('') }
  const assign = useApiMutation('care.complaints.assign', opts)
  const act = useApiMutation('care.complaints.act', opts)
  const resolve = useApiMutation('care.complaints.resolve', opts)
  const reopen = useApiMutation('care.complaints.reopen', opts)
  const close = useApiMutation('care.complaints.close', opts)
  const problem = assign.problem ?? act.problem ?? resolve.problem ?? reopen.problem ?? close.problem
  if (!canAct || c.state === 'closed') return null
  const base = { id: c.id, version: c.version }

  return (
    <div className="care-step-form">
      {problem && <Alert type="error" showIcon title={problem} className="care-section" />}
      {(c.state === 'open' || c.state === 'assigned') && (
        <Space wrap>
          <Select<number>
            size="small"
            style={{ width: 180 }}
            aria-label={t('care.complaint.owner')}
            placeholder={t('care.complaint.owner')}
            value={ownerId}
            onChange={setOwnerId}
            options={(staff.data ?? []).map((u) => ({ value: u.id, label: `${u.name} · ${t(`role.${u.role}` as 'role.service_advisor')}` }))}
          />
          <Input size="small" style={{ width: 140 }} aria-label={t('care.complaint.department')} placeholder={t('care.complaint.department')} value={department} onChange={(e) => setDepartment(e.target.value)} />
          <Button size="small" disabled={!ownerId || !department.trim()} loading={assign.isPending} onClick={() => ownerId && assign.mutate({ ...base, ownerId, department, note: '' })}>
            {t('care.complaint.assign')}
          </Button>
        </Space>
      )}
      {c.state === 'assigned' && (
        <>
          <div className="care-section">
            <Input.TextArea rows={2} maxLength={500} aria-label={t('care.complaint.actNote')} placeholder={t('care.complaint.actNote')} value={note} onChange={(e) => setNote(e.target.value)} />
            <Button size="small" className="care-section" loading={act.isPending} onClick={() => act.mutate({ ...base, note })}>
              {t('care.complaint.act')}
            </Button>
          </div>
          <div className="care-section">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('care.complaint.accepted')}</Typography.Text>
              <Radio.Group value={accepted} onChange={(e) => setAccepted(Boolean(e.target.value))} aria-label={t('care.complaint.accepted')}>
                <Radio value={true}>{t('care.complaint.yes')}</Radio>
                <Radio value={false}>{t('care.complaint.no')}</Radio>
              </Radio.Group>
              <Input size="small" aria-label={t('care.complaint.rootCause')} placeholder={t('care.complaint.rootCause')} value={rootCause} onChange={(e) => setRootCause(e.target.value)} />
              <Button size="small" type="primary" loading={resolve.isPending} onClick={() => resolve.mutate({ ...base, accepted, acceptanceNote: note, rootCause })}>
                {t('care.complaint.resolve')}
              </Button>
            </Space>
          </div>
        </>
      )}
      {c.state === 'resolved' && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input size="small" aria-label={t('care.complaint.closeNote')} placeholder={t(c.accepted ? 'care.complaint.closeNote' : 'care.complaint.reopenNote')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Space>
            <Button size="small" loading={reopen.isPending} onClick={() => reopen.mutate({ ...base, note })}>
              {t('care.complaint.reopen')}
            </Button>
            {canClose && c.accepted && (
              <Button size="small" type="primary" loading={close.isPending} onClick={() => close.mutate({ ...base, note })}>
                {t('care.complaint.close')}
              </Button>
            )}
          </Space>
        </Space>
      )}
    </div>
  )
}
