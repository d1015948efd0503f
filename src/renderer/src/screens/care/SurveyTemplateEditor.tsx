import { useState } from 'react'
import { Alert, App, Button, Input, Space, Typography } from 'antd'
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { dateTime } from '../../format'
import { useCan } from '../../permissions'
import { questionText } from './question-text'

interface Draft {
  /** Absent for a question added here. */
  code?: string
  /** Null: a default question in the catalogs' wording (kept unless the supervisor rewrites it). */
  text: string | null
  key: string
}

/**
 * 回访问卷: the questions asked on a follow-up call, in order. The supervisor rewords, adds,
 * moves and retires questions and saves a new version; past calls keep the questions they were
 * asked. Those without the permission see the questions only.
 */
export function SurveyTemplateEditor() {
  const t = useT()
  const canEdit = useCan('care.survey')
  const { message } = App.useApp()
  const template = useApiQuery('care.survey.get', {})
  const [draft, setDraft] = useState<Draft[] | null>(null)
  const save = useApiMutation('care.survey.save', {
    onSuccess: (saved) => {
      setDraft(null)
      void message.success(t('care.survey.saved', { version: saved.version }))
    },
  })
  const tpl = template.data
  if (!tpl) return template.error ? <Alert type="error" showIcon title={template.error.message} /> : null
  const rows: Draft[] = draft ?? tpl.questions.map((q) => ({ code: q.code, text: q.text, key: q.code }))
  const edit = (next: Draft[]) => setDraft(next)
  const move = (i: number, by: number) => {
    const next = [...rows]
    const [row] = next.splice(i, 1)
    next.splice(i + by, 0, row!)
    edit(next)
  }
  const blank = rows.some((r) => r.text !== null && r.text.trim().length < 2)
  return (
    <div className="care-survey-editor" role="region" aria-label={t('care.tab.survey')}>
      <Typography.Title level={5}>{t('care.survey.title', { version: tpl.version })}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {tpl.createdBy ? t('care.survey.since', { at: dateTime(tpl.createdAt), by: tpl.createdBy }) : t('care.survey.default')} · {t('care.survey.hint')}
      </Typography.Paragraph>
      <ol className="care-survey-questions">
        {rows.map((r, i) => (
          <li key={r.key}>
            <Input
              size="small"
              aria-label={`${t('care.survey.question')} ${i + 1}`}
              disabled={!canEdit}
              maxLength={80}
              placeholder={t('care.survey.new')}
              value={r.text ?? (r.code ? questionText(t, r.code, null) : '')}
              onChange={(e) => edit(rows.map((x, j) => (j === i ? { ...x, text: e.target.value } : x)))}
            />
            {canEdit && (
              <Space.Compact size="small">
                <Button icon={<ArrowUpOutlined />} aria-label={`${t('care.survey.up')} ${i + 1}`} disabled={i === 0} onClick={() => move(i, -1)} />
                <Button icon={<ArrowDownOutlined />} aria-label={`${t('care.survey.down')} ${i + 1}`} disabled={i === rows.length - 1} onClick={() => move(i, 1)} />
                <Button icon={<DeleteOutlined />} aria-label={`${t('care.survey.retire')} ${i + 1}`} disabled={rows.length === 1} onClick={() => edit(rows.filter((_, j) => j !== i))} />
              </Space.Compact>
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <Space>
          <Button size="small" icon={<PlusOutlined />} disabled={rows.length >= 20} onClick={() => edit([...rows, { text: '', key: `new-${Date.now()}` }])}>
            {t('care.survey.add')}
          </Button>
          <Button size="small" disabled={draft === null} onClick={() => setDraft(null)}>
            {t('care.survey.reset')}
          </Button>
          <Button
            size="small"
            type="primary"
            disabled={draft === null || blank}
            loading={save.isPending}
            onClick={() => save.mutate({ version: tpl.version, questions: rows.map((r) => ({ ...(r.code ? { code: r.code } : {}), text: r.text === null ? null : r.text.trim() })) })}
          >
            {t('care.survey.save')}
          </Button>
        </Space>
      )}
    </div>
  )
}
