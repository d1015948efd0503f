import type { z } from 'zod'
import type * as S from '../../../shared/contract/parts-shapes'

// Output shapes of the parts channels, named once for the screens.
export type PartRowT = z.output<typeof S.PartRow>
export type PartDetailT = z.output<typeof S.PartDetail>
export type StockMoveT = z.output<typeof S.StockMove>
export type PickListT = z.output<typeof S.PickList>
export type PickLineT = z.output<typeof S.PickLine>
export type CounterRoT = z.output<typeof S.CounterRo>
export type ValuationT = z.output<typeof S.Valuation>
export type EmptyBinT = z.output<typeof S.EmptyBin>
export type FillRateT = z.output<typeof S.FillRate>
export type PartLabelT = z.output<typeof S.PartLabel>
export type SupplierT = z.output<typeof S.Supplier>
export type PoSummaryT = z.output<typeof S.PoSummary>
export type PoDetailT = z.output<typeof S.PoDetail>
export type PoLineT = z.output<typeof S.PoLine>
export type ExternalPurchaseT = z.output<typeof S.ExternalPurchase>
export type OldPartT = z.output<typeof S.OldPart>
export type StocktakeT = z.output<typeof S.Stocktake>
export type CountLineT = z.output<typeof S.CountLine>
export type VarianceTableT = z.output<typeof S.VarianceTable>
export type VarianceLineT = z.output<typeof S.VarianceLine>
export type ImportPreviewT = z.output<typeof S.ImportPreview>
export type ImportRowT = z.output<typeof S.ImportRow>
export type ImportField = S.ImportField
export type ShortageOutcome = (typeof S.SHORTAGE_OUTCOMES)[number]
