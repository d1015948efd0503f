import { Alert, Checkbox, DatePicker, Spin } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { failureOf, useApiQuery } from '../../api/query-client'
import { useLocale, useT } from '../../i18n'
import { money } from '../../format'
import { useHotkeys } from '../../hotkeys'
import { navigate } from '../../router'
import { ageingRows, collectionRows } from './insurers/collection-model'
import { AgeingTable } from './insurers/AgeingTable'
import { CollectionTable } from './insurers/CollectionTable'
import { CollectionButtons } from './insurers/CollectionButtons'
import './insurers/insurers.css'

/** 保险应收: ageing per insurer and the month-end collection list (当月回款), as of a day; print and XLSX. */
export function InsurerReceivablesView() {
  const t = useT()
  const locale = useLocale()
  const [asOf, setAsOf] = useState<string | undefined>(undefined)
  const [all, setAll] = useState(false)
  const q = useApiQuery('insurance.receivables', asOf ? { asOf } : {})
  useHotkeys({ 'Ctrl+P': () => navigate(asOf ? { name: 'insurerCollectionPrint', asOf } : { name: 'insurerCollectionPrint' }) })
  const data = q.data
  return (
    <div className="insr-view">
      <div className="stl-toolbar">
        <DatePicker
          size="small"
          allowClear
          aria-label={t('field.asOf')}
          placeholder={t('stl.recv.asOfToday')}
          value={asOf ? dayjs(asOf) : null}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
        />
        <span className="stl-total">{data && t('insr.total', { asOf: data.asOf, n: data.rows.length, amount: money(data.balanceFen, locale) })}</span>
        <CollectionButtons asOf={asOf} />
      </div>
      {q.error && <Alert type="error" showIcon title={failureOf(q.error)?.message ?? ''} />}
      {q.isLoading && <Spin />}
      {data && (
        <>
          <div className="insr-section-title">{t('insr.ageingTitle')}</div>
          <AgeingTable rows={ageingRows(data)} />
          <div className="insr-section-title">
            {t('insr.listTitle', { monthEnd: data.monthEnd })}{' '}
            <Checkbox checked={all} onChange={(e) => setAll(e.target.checked)}>
              {t('insr.allRows')}
            </Checkbox>
          </div>
          <CollectionTable rows={collectionRows(data, all)} label={t('insr.listTitle', { monthEnd: data.monthEnd })} />
        </>
      )}
    </div>
  )
}
