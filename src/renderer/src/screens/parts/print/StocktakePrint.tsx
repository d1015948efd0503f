import { Alert, Skeleton } from 'antd'
import { useLocale, useT } from '../../../i18n'
import { dateTime, money } from '../../../format'
import type { StocktakeSheet } from '../parts-route'
import { useChannel } from '../use-parts'
import { percentOfBp, qty, signedQty } from '../parts-format'
import { scopeText } from '../stocktake/StocktakeList'
import { PrintFrame, SignLines } from './PrintFrame'

function CountSheetPrint({ id }: { id: number }) {
  const t = useT()
  const loaded = useChannel('stocktake.sheet', { id })
  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} />
  if (!loaded.data) return <Skeleton active />
  const { stocktake: st, lines } = loaded.data
  return (
    <PrintFrame title={t('pt.st.printSheetTitle')} number={st.number} sub={scopeText(t, st)} back={{ kind: 'stocktake', id }}>
      <p className="print-small">{t('pt.st.createdLine', { at: dateTime(st.createdAt), by: st.createdBy })}</p>
      <table className="print-lines">
        <thead>
          <tr>
            <th>{t('field.bin')}</th>
            <th>{t('field.partNumber')}</th>
            <th>{t('field.name')}</th>
            <th>{t('field.unit')}</th>
            <th className="num pt-print-box">{t('pt.st.counted')}</th>
            <th className="pt-print-box">{t('pt.print.recount')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <tr key={l.partId}>
              <td className="mono pt-strong">{l.bin ?? '—'}</td>
              <td className="mono">{l.partNumber}</td>
              <td>{l.name}</td>
              <td>{l.unit}</td>
              <td className="num pt-print-box">{l.countedMilli === null ? '' : qty(l.countedMilli)}</td>
              <td className="pt-print-box" />
            </tr>
          ))}
        </tbody>
      </table>
      <SignLines names={[t('pt.print.counter'), t('pt.print.checker'), t('print.date')]} />
    </PrintFrame>
  )
}

function VariancePrint({ id }: { id: number }) {
  const t = useT()
  const locale = useLocale()
  const loaded = useChannel('stocktake.variance', { id })
  if (loaded.error) return <Alert type="error" showIcon title={loaded.error} />
  if (!loaded.data) return <Skeleton active />
  const v = loaded.data
  const st = v.stocktake
  return (
    <PrintFrame title={t('pt.st.printVarianceTitle')} number={st.number} sub={t(`stocktakeState.${st.state}`)} back={{ kind: 'stocktake', id }}>
      <table className="print-grid">
        <tbody>
          <tr>
            <th>{t('pt.st.scope')}</th>
            <td>{scopeText(t, st)}</td>
            <th>{t('pt.st.progress')}</th>
            <td>{t('pt.st.countedOf', { counted: st.countedCount, total: st.lineCount })}</td>
          </tr>
          <tr>
            <th>{t('pt.st.bookValue')}</th>
            <td>{money(v.bookValueFen, locale)}</td>
            <th>{t('pt.st.countedValue')}</th>
            <td>{money(v.countedValueFen, locale)}</td>
          </tr>
          <tr>
            <th>{t('pt.st.netVariance')}</th>
            <td>{money(v.netVarianceFen, locale)}</td>
            <th>{t('pt.st.absVariance')}</th>
            <td>{money(v.absVarianceFen, locale)}</td>
          </tr>
          <tr>
            <th>{t('pt.st.rate', { target: percentOfBp(v.targetBp) })}</th>
            <td className="pt-strong">{percentOfBp(v.rateBp)}</td>
            <th>{t('pt.st.decided')}</th>
            <td>{st.decidedAt ? `${dateTime(st.decidedAt)} ${st.decidedBy ?? ''}` : '—'}</td>
          </tr>
        </tbody>
      </table>
      <h2>{t('pt.st.varianceTable')}</h2>
      <table className="print-lines">
        <thead>
          <tr>
            <th>{t('field.bin')}</th>
            <th>{t('field.partNumber')}</th>
            <th>{t('field.name')}</th>
            <th className="num">{t('pt.st.book')}</th>
            <th className="num">{t('pt.st.counted')}</th>
            <th className="num">{t('pt.st.diff')}</th>
            <th className="num">{t('field.unitCostFen')}</th>
            <th className="num">{t('pt.st.diffValue')}</th>
          </tr>
        </thead>
        <tbody>
          {v.lines.map((l) => (
            <tr key={l.partId}>
              <td className="mono">{l.bin ?? '—'}</td>
              <td className="mono">{l.partNumber}</td>
              <td>{l.name}</td>
              <td className="num">{qty(l.bookMilli)}</td>
              <td className="num">{l.countedMilli === null ? t('pt.st.notCounted') : qty(l.countedMilli)}</td>
              <td className="num">{l.countedMilli === null ? '' : signedQty(l.diffMilli)}</td>
              <td className="num">{money(l.unitCostFen, locale)}</td>
              <td className="num">{l.countedMilli === null ? '' : money(l.diffValueFen, locale)}</td>
            </tr>
          ))}
          {v.lines.length === 0 && (
            <tr>
              <td colSpan={8}>{t('pt.st.noVariance')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <SignLines names={[t('pt.print.partsSupervisor'), t('pt.print.approver'), t('print.date')]} />
    </PrintFrame>
  )
}

/** 盘点表 and 差异表 for paper: the count sheet to write on, the variance table to sign. */
export function StocktakePrint({ id, sheet }: { id: number; sheet: StocktakeSheet }) {
  return sheet === 'count' ? <CountSheetPrint id={id} /> : <VariancePrint id={id} />
}
