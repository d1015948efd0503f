import { useState } from 'react'
import { Alert, Button, Drawer, Result, Select, Space, Table, Tag, Typography, Upload } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { CSI_SURVEYS, type CsiSurvey } from '../../../../shared/domain/csi'
import { decimalFromTenths } from '../../../../shared/format/numbers'
import type { MessageKey } from '../../../../shared/i18n'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useT } from '../../i18n'
import { readAsBase64 } from '../parts/catalogue/ImportDrawer'

type Preview = OutputOf<Contract['csi.import.preview']>
type PreviewResult = Preview['results'][number]
type Applied = OutputOf<Contract['csi.import.apply']>

const ACTION_COLOUR = { enter: 'blue', replace: 'orange', same: 'default' } as const

/**
 * 导入厂家满意度成绩: choose the maker's XLSX (or CSV), see each month's result and what it would
 * change, and every bad line with its number; then import all of it or nothing — the same way as
 * a price list or a payment list.
 */
export function CsiImportDrawer({ onClose }: { onClose(): void }) {
  const t = useT()
  const [file, setFile] = useState<{ name: string; content: string } | null>(null)
  const [survey, setSurvey] = useState<CsiSurvey | undefined>(undefined)
  const [done, setDone] = useState<Applied | null>(null)
  const preview = useApiQuery(
    'csi.import.preview',
    { fileName: file?.name ?? '-', contentBase64: file?.content ?? '-', ...(survey ? { survey } : {}) },
    { enabled: file !== null, staleTime: Infinity, gcTime: 0, retry: false },
  )
  const apply = useApiMutation('csi.import.apply', { onSuccess: (result) => setDone(result) })
  const data = file ? preview.data : undefined
  const count = (a: PreviewResult['action']) => data?.results.filter((r) => r.action === a).length ?? 0
  const changing = count('enter') + count('replace')
  const surveyName = (s: CsiSurvey) => t(`csiSurvey.${s}` as MessageKey)
  const reset = () => {
    setFile(null)
    setDone(null)
  }
  const submit = () => {
    if (!data || !file) return
    apply.mutate({
      fileName: file.name,
      results: data.results.map(({ line, month, survey: s, scoreTenths, note, items }) => ({ line, month, survey: s, scoreTenths, note, items })),
      expect: { enter: count('enter'), replace: count('replace') },
    })
  }

  return (
    <Drawer open size={880} title={t('csiImport.title')} onClose={onClose} destroyOnHidden>
      {done ? (
        <Result
          status="success"
          title={done.entered + done.replaced === 0 ? t('csiImport.nothing') : t('csiImport.done', { ...done })}
          extra={
            <Space>
              <Button onClick={reset}>{t('csiImport.reset')}</Button>
              <Button type="primary" onClick={onClose}>
                {t('csiImport.close')}
              </Button>
            </Space>
          }
        />
      ) : (
        <div className="csi-import" role="region" aria-label={t('csiImport.title')}>
          <Alert type="info" showIcon title={t('csiImport.help')} className="csi-import-help" />
          <Space className="csi-import-bar" align="center" wrap>
            <Upload
              accept=".csv,.txt,.xlsx"
              showUploadList={false}
              multiple={false}
              beforeUpload={(chosen) => {
                void readAsBase64(chosen).then((content) => setFile({ name: chosen.name, content }))
                return false
              }}
            >
              <Button type={file ? 'default' : 'primary'}>{t('csiImport.choose')}</Button>
            </Upload>
            <Typography.Text type="secondary">{t('csiImport.survey')}</Typography.Text>
            <Select<CsiSurvey | ''>
              size="small"
              style={{ width: 180 }}
              aria-label={t('csiImport.survey')}
              value={survey ?? ''}
              onChange={(v) => setSurvey(v === '' ? undefined : v)}
              options={[{ value: '', label: t('csiImport.surveyFromFile') }, ...CSI_SURVEYS.map((s) => ({ value: s, label: surveyName(s) }))]}
            />
          </Space>
          {preview.error && <Alert type="error" showIcon title={preview.error.message} />}
          {data && (
            <>
              <Typography.Paragraph strong className="csi-import-summary">
                {t('csiImport.summary', { file: data.fileName, lines: data.totalLines, enter: count('enter'), replace: count('replace'), same: count('same'), errors: data.errors.length })}
              </Typography.Paragraph>
              <Table<PreviewResult>
                size="small"
                rowKey="line"
                aria-label={t('csiImport.title')}
                dataSource={data.results}
                pagination={false}
                columns={[
                  { title: t('csiImport.line'), dataIndex: 'line', width: 56, align: 'right' },
                  { title: t('csi.month'), dataIndex: 'month', width: 90 },
                  { title: t('csi.survey'), dataIndex: 'survey', width: 120, render: (s: CsiSurvey) => surveyName(s) },
                  { title: t('csi.score'), dataIndex: 'scoreTenths', width: 80, align: 'right', render: (v: number) => decimalFromTenths(v) },
                  { title: t('csiImport.before'), dataIndex: 'beforeTenths', width: 80, align: 'right', render: (v: number | null) => (v === null ? '—' : decimalFromTenths(v)) },
                  { title: t('csiImport.items'), key: 'items', width: 70, align: 'right', render: (_, r) => r.items.length },
                  { title: t('csi.note'), dataIndex: 'note', ellipsis: true },
                  { title: t('csiImport.action'), dataIndex: 'action', width: 90, render: (a: PreviewResult['action']) => <Tag color={ACTION_COLOUR[a]}>{t(`csiImport.action.${a}`)}</Tag> },
                ]}
              />
              {data.errors.length > 0 && (
                <Alert
                  type="error"
                  showIcon
                  className="csi-import-errors"
                  title={t('csiImport.errors')}
                  description={
                    <ul>
                      {data.errors.map((e) => (
                        <li key={`${e.line}:${e.field ?? ''}:${e.message}`}>
                          {t('csiImport.line')} {e.line}：{e.message}
                        </li>
                      ))}
                    </ul>
                  }
                />
              )}
              <Space className="csi-import-actions">
                <Button onClick={reset}>{t('csiImport.reset')}</Button>
                <Button type="primary" disabled={changing === 0 || data.errors.length > 0} loading={apply.isPending} onClick={submit}>
                  {t('csiImport.apply', { count: changing })}
                </Button>
              </Space>
            </>
          )}
        </div>
      )}
    </Drawer>
  )
}
