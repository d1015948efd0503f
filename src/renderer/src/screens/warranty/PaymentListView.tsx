import { useState } from 'react'
import { Alert, Button, Input, Result, Select, Space, Table, Tag, Typography, Upload } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { DIFFERENCE_DISPOSITIONS, type DifferenceDisposition } from '../../../../shared/domain/warranty-money'
import { useApiMutation, useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { money } from '../../format'
import { useCan } from '../../permissions'
import { readAsBase64 } from '../parts/catalogue/ImportDrawer'

type Preview = OutputOf<Contract['warranty.payments.preview']>
type PreviewLine = Preview['lines'][number]
type Applied = OutputOf<Contract['warranty.payments.apply']>
interface Decision {
  disposition?: DifferenceDisposition
  reason: string
}

/**
 * 保修付款清单: choose the maker's list (XLSX or CSV), see per claim what was claimed and what the
 * maker paid, decide each difference (write off or re-charge, with the reason), then import — the
 * same way as a price list: a dry run first, then all of it or nothing.
 */
export function PaymentListView() {
  const t = useT()
  const locale = useLocale()
  const canWrite = useCan('warranty.write')
  const [file, setFile] = useState<{ name: string; content: string } | null>(null)
  const [decisions, setDecisions] = useState<Record<number, Decision>>({})
  const [done, setDone] = useState<Applied | null>(null)
  const preview = useApiQuery(
    'warranty.payments.preview',
    { fileName: file?.name ?? '-', contentBase64: file?.content ?? '-' },
    { enabled: file !== null && canWrite, staleTime: Infinity, gcTime: 0, retry: false },
  )
  const apply = useApiMutation('warranty.payments.apply', { onSuccess: (result) => setDone(result) })
  const data = file ? preview.data : undefined
  const toPay = data?.lines.filter((l) => l.action === 'pay') ?? []
  const cut = toPay.filter((l) => l.differenceFen > 0)
  const undecided = cut.some((l) => !decisions[l.line]?.disposition || (decisions[l.line]?.reason.trim().length ?? 0) < 2)
  const decide = (line: number, change: Partial<Decision>) => setDecisions((d) => ({ ...d, [line]: { reason: '', ...d[line], ...change } }))
  const reset = () => {
    setFile(null)
    setDecisions({})
    setDone(null)
  }
  const submit = () => {
    if (!data || !file) return
    apply.mutate({
      fileName: file.name,
      lines: data.lines.map((l) => ({ line: l.line, claimNumber: l.claimNumber, paidFen: l.paidFen, makerRef: l.makerRef, note: l.note })),
      differences: cut.map((l) => ({ line: l.line, disposition: decisions[l.line]?.disposition ?? 'write_off', reason: decisions[l.line]?.reason.trim() ?? '' })),
      expect: { pay: toPay.length },
    })
  }

  if (done) {
    return (
      <Result
        status="success"
        title={done.paid === 0 ? t('wty.plist.nothing') : t('wty.plist.done', { paid: done.paid, paidAmount: money(done.paidFen, locale), writtenOff: money(done.writtenOffFen, locale), unchanged: done.unchanged })}
        extra={<Button onClick={reset}>{t('wty.plist.reset')}</Button>}
      />
    )
  }

  return (
    <div className="wty-plist" role="region" aria-label={t('wty.tab.payments')}>
      <Space className="wty-plist-bar" align="center" wrap>
        <Upload
          accept=".csv,.txt,.xlsx"
          showUploadList={false}
          multiple={false}
          disabled={!canWrite}
          beforeUpload={(chosen) => {
            void readAsBase64(chosen).then((content) => {
              setDecisions({})
              setFile({ name: chosen.name, content })
            })
            return false
          }}
        >
          <Button type={file ? 'default' : 'primary'} disabled={!canWrite}>
            {t('wty.plist.choose')}
          </Button>
        </Upload>
        <Typography.Text type="secondary">{t('wty.plist.hint')}</Typography.Text>
      </Space>
      {preview.error && <Alert type="error" showIcon message={preview.error.message} />}
      {data && (
        <>
          <div className="wty-plist-summary">
            <Typography.Text strong>
              {t('wty.plist.summary', { file: data.fileName, lines: data.totalLines, pay: toPay.length, same: data.lines.length - toPay.length, errors: data.errors.length })}
            </Typography.Text>
            <Typography.Text>{t('wty.plist.totals', { claimed: money(data.claimedFen, locale), paid: money(data.paidFen, locale), difference: money(data.differenceFen, locale) })}</Typography.Text>
          </div>
          <Table<PreviewLine>
            size="small"
            rowKey="line"
            aria-label={t('wty.tab.payments')}
            dataSource={data.lines}
            pagination={false}
            columns={[
              { title: t('wty.plist.line'), dataIndex: 'line', width: 56, align: 'right' },
              { title: t('wty.plist.claim'), dataIndex: 'claimNumber', className: 'mono', width: 140 },
              { title: t('wty.plist.ro'), dataIndex: 'roNumber', className: 'mono', width: 130 },
              { title: t('wty.plist.state'), dataIndex: 'state', width: 90, render: (s: PreviewLine['state']) => t(`warranty.state.${s}`) },
              { title: t('wty.plist.claimed'), dataIndex: 'claimedFen', align: 'right', width: 130, render: (f: number) => money(f, locale) },
              { title: t('wty.plist.paid'), dataIndex: 'paidFen', align: 'right', width: 110, render: (f: number) => money(f, locale) },
              {
                title: t('wty.plist.difference'),
                dataIndex: 'differenceFen',
                align: 'right',
                width: 110,
                render: (f: number) => (f > 0 ? <Typography.Text type="danger">{money(f, locale)}</Typography.Text> : money(f, locale)),
              },
              {
                title: t('wty.plist.disposition'),
                key: 'decision',
                render: (_, l) =>
                  l.action === 'same' ? (
                    <Tag>{t('wty.plist.action.same')}</Tag>
                  ) : l.differenceFen > 0 ? (
                    <Space.Compact className="wty-plist-decision">
                      <Select<DifferenceDisposition>
                        size="small"
                        aria-label={`${t('wty.plist.disposition')} ${l.claimNumber}`}
                        placeholder={t('wty.plist.disposition')}
                        style={{ width: 130 }}
                        value={decisions[l.line]?.disposition}
                        onChange={(v) => decide(l.line, { disposition: v })}
                        options={DIFFERENCE_DISPOSITIONS.map((d) => ({ value: d, label: t(`warranty.disposition.${d}`) }))}
                      />
                      <Input
                        size="small"
                        aria-label={`${t('wty.plist.reason')} ${l.claimNumber}`}
                        placeholder={l.note || t('wty.plist.reason')}
                        maxLength={200}
                        value={decisions[l.line]?.reason ?? ''}
                        onChange={(e) => decide(l.line, { reason: e.target.value })}
                      />
                    </Space.Compact>
                  ) : (
                    <Tag color="blue">{t('wty.plist.action.pay')}</Tag>
                  ),
              },
            ]}
          />
          {data.errors.length > 0 && (
            <Alert
              type="error"
              showIcon
              message={t('wty.plist.errors')}
              description={
                <ul className="wty-plist-errors">
                  {data.errors.map((e) => (
                    <li key={`${e.line}:${e.field ?? ''}`}>
                      {t('wty.plist.line')} {e.line}：{e.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <Space className="wty-plist-actions">
            {cut.length > 0 && undecided && <Typography.Text type="warning">{t('wty.plist.needDifference')}</Typography.Text>}
            <Button onClick={reset}>{t('wty.plist.reset')}</Button>
            <Button type="primary" disabled={toPay.length === 0 || data.errors.length > 0 || undecided} loading={apply.isPending} onClick={submit}>
              {t('wty.plist.apply', { count: toPay.length })}
            </Button>
          </Space>
        </>
      )}
    </div>
  )
}
