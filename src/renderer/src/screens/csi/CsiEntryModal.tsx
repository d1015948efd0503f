import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd'
import dayjs from 'dayjs'
import { CSI_MAX_ITEMS, CSI_SURVEYS, type CsiItemScore, type CsiSurvey } from '../../../../shared/domain/csi'
import { decimalFromTenths } from '../../../../shared/format/numbers'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation } from '../../api/query-client'
import { useT } from '../../i18n'

/** What the dialog edits: a new result (version 0) or the one read. Scores in tenths of a point. */
export interface CsiEntry {
  survey: CsiSurvey
  month: string
  scoreTenths: number | null
  items: readonly CsiItemScore[]
  note: string
  version: number
}

interface Values {
  survey: CsiSurvey
  month: dayjs.Dayjs
  score: number
  note: string
  items: { code: string; label: string; score: number; max: number }[]
}

/** Points as typed (952.5) to tenths (9525), rounded to the tenth. */
const tenths = (points: number) => Math.round(points * 10)

/** 录入成绩: the month's total and the maker's items, each with its score and maximum. */
export function CsiEntryModal({ entry, onClose }: { entry: CsiEntry; onClose(): void }) {
  const t = useT()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const save = useApiMutation('csi.save', {
    form,
    showError: 'inline',
    onSuccess: (r) => {
      void message.success(t('csi.saved', { month: r.month, survey: t(`csiSurvey.${r.survey}` as MessageKey), score: decimalFromTenths(r.scoreTenths) }))
      onClose()
    },
  })
  const submit = (v: Values) =>
    save.mutate({
      survey: v.survey,
      month: v.month.format('YYYY-MM'),
      scoreTenths: tenths(v.score),
      note: v.note ?? '',
      items: (v.items ?? []).map((i) => ({ code: i.code, label: i.label, scoreTenths: tenths(i.score), maxTenths: tenths(i.max) })),
      version: entry.version,
    })
  const editing = entry.version > 0
  return (
    <Modal open title={t('csi.enter')} onCancel={onClose} onOk={() => form.submit()} okText={t('csi.save')} confirmLoading={save.isPending} width={760}>
      {save.problem && <Typography.Text type="danger">{save.problem}</Typography.Text>}
      <Form<Values>
        form={form}
        layout="vertical"
        size="small"
        onFinish={submit}
        initialValues={{
          survey: entry.survey,
          month: entry.month ? dayjs(`${entry.month}-01`) : dayjs(),
          score: entry.scoreTenths === null ? undefined : entry.scoreTenths / 10,
          note: entry.note,
          items: entry.items.map((i) => ({ code: i.code, label: i.label, score: i.scoreTenths / 10, max: i.maxTenths / 10 })),
        }}
      >
        <Space wrap>
          <Form.Item name="month" label={t('csi.month')} rules={[{ required: true }]}>
            <DatePicker picker="month" allowClear={false} disabled={editing} aria-label={t('csi.month')} />
          </Form.Item>
          <Form.Item name="survey" label={t('csi.survey')}>
            <Select style={{ width: 160 }} disabled={editing} aria-label={t('csi.survey')} options={CSI_SURVEYS.map((s) => ({ value: s, label: t(`csiSurvey.${s}` as MessageKey) }))} />
          </Form.Item>
          <Form.Item name="score" label={t('csi.score')} rules={[{ required: true, message: t('csi.required') }]}>
            <InputNumber min={0} max={1000} step={0.1} precision={1} autoFocus aria-label={t('csi.score')} />
          </Form.Item>
        </Space>
        <div className="csi-items-title">
          <Typography.Text strong>{t('csi.items')}</Typography.Text>
        </div>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div className="csi-items">
              {fields.length > 0 && (
                <div className="csi-item-head" aria-hidden>
                  <span style={{ width: 90 }}>{t('csi.itemCode')}</span>
                  <span style={{ width: 220 }}>{t('csi.itemLabel')}</span>
                  <span style={{ width: 90 }}>{t('csi.itemScore')}</span>
                  <span style={{ width: 90 }}>{t('csi.itemMax')}</span>
                </div>
              )}
              {fields.map((f) => (
                <Space key={f.key} align="baseline" className="csi-item-row">
                  <Form.Item name={[f.name, 'code']} rules={[{ required: true, message: t('csi.required') }]}>
                    <Input placeholder={t('csi.itemCode')} aria-label={t('csi.itemCode')} maxLength={20} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label']} rules={[{ required: true, message: t('csi.required') }]}>
                    <Input placeholder={t('csi.itemLabel')} aria-label={t('csi.itemLabel')} maxLength={60} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'score']} rules={[{ required: true, message: t('csi.required') }]}>
                    <InputNumber min={0} max={1000} step={0.1} precision={1} placeholder={t('csi.itemScore')} aria-label={t('csi.itemScore')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'max']} rules={[{ required: true, message: t('csi.required') }]}>
                    <InputNumber min={0.1} max={1000} step={0.1} precision={1} placeholder={t('csi.itemMax')} aria-label={t('csi.itemMax')} />
                  </Form.Item>
                  <Button size="small" type="link" onClick={() => remove(f.name)}>
                    {t('csi.delete')}
                  </Button>
                </Space>
              ))}
              {fields.length < CSI_MAX_ITEMS && (
                <Button size="small" className="csi-add-item" onClick={() => add()}>
                  {t('csi.addItem')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
        <Form.Item name="note" label={t('csi.note')}>
          <Input.TextArea maxLength={500} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
