import { z } from 'zod'

// Output shapes of the parts counter's channels (配件). Quantities are thousandths of a unit,
// money is integer fen; the stock figures always come from the ledger.

export const MOVE_KINDS = ['receipt', 'issue', 'return', 'adjustment', 'stocktake', 'transfer'] as const
export const SHORTAGE_OUTCOMES = ['lost_sale', 'special_order', 'external_purchase'] as const
export const PO_STATES = ['draft', 'sent', 'partly_received', 'closed', 'cancelled'] as const
export const RECEIPT_DIFFERENCES = ['short', 'over', 'damaged', 'wrong_part', 'price'] as const
export const EXTERNAL_STATES = ['pending_qc', 'accepted', 'rejected'] as const
export const OLD_PART_DISPOSITIONS = ['pending', 'returned_to_customer', 'scrapped', 'kept_for_warranty', 'shipped_to_maker'] as const
export const STOCKTAKE_STATES = ['counting', 'approved', 'cancelled'] as const
export const IMPORT_FIELDS = ['partNumber', 'name', 'brand', 'category', 'unit', 'bin', 'supplier', 'cost', 'price', 'active'] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]

const Text = z.string().nullable()

export const PartStock = z.object({
  onHandMilli: z.number(),
  /** Outstanding part lines of authorised repair orders not yet issued (预留). */
  reservedMilli: z.number(),
  /** On hand less reserved; may be negative when reservations exceed the shelf. */
  availableMilli: z.number(),
  valueFen: z.number(),
  avgCostFen: z.number(),
  lastIssueAt: Text,
})

export const PartRow = PartStock.extend({
  id: z.number(),
  partNumber: z.string(),
  name: z.string(),
  brand: Text,
  category: Text,
  unit: z.string(),
  bin: Text,
  supplierId: z.number().nullable(),
  supplierName: Text,
  costFen: z.number(),
  priceFen: z.number(),
  active: z.boolean(),
  version: z.number(),
})

export const StockMove = z.object({
  id: z.number(),
  partId: z.number(),
  partNumber: z.string(),
  at: z.string(),
  kind: z.enum(MOVE_KINDS),
  quantityMilli: z.number(),
  unitCostFen: z.number(),
  valueFen: z.number(),
  onHandMilliAfter: z.number(),
  valueFenAfter: z.number(),
  userName: Text,
  reason: z.string(),
  refType: Text,
  refId: z.number().nullable(),
  bin: Text,
})

export const PartDetail = z.object({ part: PartRow, moves: z.array(StockMove) })

export const PickLine = z.object({
  partId: z.number(),
  partNumber: z.string(),
  name: z.string(),
  unit: z.string(),
  bin: Text,
  requestedMilli: z.number(),
  issuedMilli: z.number(),
  outstandingMilli: z.number(),
  onHandMilli: z.number(),
  /** The first request's record for the fill rate, once there is one. */
  servedFromStock: z.boolean().nullable(),
  outcome: z.enum(SHORTAGE_OUTCOMES).nullable(),
})

export const PickList = z.object({
  ro: z.object({
    id: z.number(),
    number: z.string(),
    state: z.string(),
    plate: Text,
    model: z.string(),
    customerName: z.string(),
    customerId: z.number(),
  }),
  /** Sorted by bin, so the clerk walks the store room once. */
  lines: z.array(PickLine),
})

export const IssueResult = z.object({ moves: z.array(StockMove), pickList: PickList })

export const CounterRo = z.object({
  roId: z.number(),
  number: z.string(),
  state: z.string(),
  plate: Text,
  model: z.string(),
  openedAt: z.string(),
  outstandingLines: z.number(),
})

export const Valuation = z.object({
  at: z.string(),
  partCount: z.number(),
  onHandMilli: z.number(),
  valueFen: z.number(),
  rows: z.array(z.object({ partId: z.number(), partNumber: z.string(), name: z.string(), onHandMilli: z.number(), valueFen: z.number() })),
})

export const EmptyBin = z.object({
  partId: z.number(),
  partNumber: z.string(),
  name: z.string(),
  bin: z.string(),
  reservedMilli: z.number(),
  lastIssueAt: Text,
})

export const FillRate = z.object({
  from: z.string(),
  to: z.string(),
  requested: z.number(),
  servedFromStock: z.number(),
  /** Served ÷ requested in basis points (9800 = 98 %, the manual's target). */
  rateBp: z.number().nullable(),
  targetBp: z.number(),
  byOutcome: z.object({ lost_sale: z.number(), special_order: z.number(), external_purchase: z.number(), unrecorded: z.number() }),
})

export const PartLabel = z.object({
  partId: z.number(),
  partNumber: z.string(),
  name: z.string(),
  bin: Text,
  priceFen: z.number(),
  /** Code 128 (set B) of the part number as module widths, bars and spaces alternating. */
  barcode: z.string(),
})

export const Supplier = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  contact: Text,
  phone: Text,
  note: Text,
  active: z.boolean(),
  version: z.number(),
})

export const PoLine = z.object({
  id: z.number(),
  partId: z.number(),
  partNumber: z.string(),
  name: z.string(),
  quantityMilli: z.number(),
  receivedMilli: z.number(),
  unitCostFen: z.number(),
  amountFen: z.number(),
  roId: z.number().nullable(),
  roNumber: Text,
  customerId: z.number().nullable(),
  note: z.string(),
})

export const PoSummary = z.object({
  id: z.number(),
  number: z.string(),
  supplierId: z.number(),
  supplierName: z.string(),
  state: z.enum(PO_STATES),
  createdAt: z.string(),
  amountFen: z.number(),
  version: z.number(),
})

export const PoDetail = PoSummary.extend({
  note: z.string(),
  sentAt: Text,
  closedAt: Text,
  lines: z.array(PoLine),
  receipts: z.array(
    z.object({
      id: z.number(),
      at: z.string(),
      userName: z.string(),
      note: z.string(),
      lines: z.array(
        z.object({
          poLineId: z.number(),
          expectedMilli: z.number(),
          receivedMilli: z.number(),
          unitCostFen: z.number(),
          difference: z.enum(RECEIPT_DIFFERENCES).nullable(),
          note: z.string(),
        }),
      ),
    }),
  ),
})

export const ExternalPurchase = z.object({
  id: z.number(),
  roId: z.number().nullable(),
  roNumber: Text,
  partId: z.number(),
  partNumber: z.string(),
  name: z.string(),
  supplierName: z.string(),
  quantityMilli: z.number(),
  unitCostFen: z.number(),
  invoiceRef: z.string(),
  note: z.string(),
  state: z.enum(EXTERNAL_STATES),
  requestedBy: z.string(),
  createdAt: z.string(),
  decidedBy: Text,
  decidedAt: Text,
  qcNote: z.string(),
  version: z.number(),
})

export const OldPart = z.object({
  id: z.number(),
  tag: z.string(),
  roId: z.number(),
  roNumber: z.string(),
  partId: z.number().nullable(),
  partNumber: Text,
  description: z.string(),
  quantityMilli: z.number(),
  warranty: z.boolean(),
  disposition: z.enum(OLD_PART_DISPOSITIONS),
  note: z.string(),
  createdAt: z.string(),
  disposedAt: Text,
  version: z.number(),
})

export const Stocktake = z.object({
  id: z.number(),
  number: z.string(),
  scope: z.enum(['all', 'bins']),
  binFrom: Text,
  binTo: Text,
  state: z.enum(STOCKTAKE_STATES),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  decidedAt: Text,
  decidedBy: Text,
  lineCount: z.number(),
  countedCount: z.number(),
  version: z.number(),
})

export const CountLine = z.object({
  partId: z.number(),
  partNumber: z.string(),
  name: z.string(),
  unit: z.string(),
  bin: Text,
  countedMilli: z.number().nullable(),
})

export const VarianceLine = CountLine.extend({
  bookMilli: z.number(),
  bookValueFen: z.number(),
  unitCostFen: z.number(),
  diffMilli: z.number(),
  diffValueFen: z.number(),
})

export const VarianceTable = z.object({
  stocktake: Stocktake,
  /** Only lines with a difference or not yet counted, largest value first. */
  lines: z.array(VarianceLine),
  bookValueFen: z.number(),
  countedValueFen: z.number(),
  /** Sum of |counted − book| values (the manual's 盘查率 numerator). */
  absVarianceFen: z.number(),
  netVarianceFen: z.number(),
  absVarianceMilli: z.number(),
  rateBp: z.number().nullable(),
  targetBp: z.number(),
  uncounted: z.number(),
})

export const ImportRow = z.strictObject({
  line: z.number().int().min(1),
  partNumber: z.string().min(1).max(40),
  name: z.string().max(100).optional(),
  brand: z.string().max(40).optional(),
  category: z.string().max(40).optional(),
  unit: z.string().max(10).optional(),
  bin: z.string().max(20).optional(),
  supplier: z.string().max(40).optional(),
  costFen: z.number().int().min(0).optional(),
  priceFen: z.number().int().min(0).optional(),
  active: z.boolean().optional(),
})

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: Text,
  sheet: Text,
  headerRow: z.number(),
  columns: z.array(z.string()),
  mapping: z.record(z.string(), z.number().nullable()),
  totalRows: z.number(),
  add: z.number(),
  change: z.number(),
  unchanged: z.number(),
  /** Each row as it will be imported, with what it does and, for a change, the old values. */
  rows: z.array(
    z.object({
      row: ImportRow,
      action: z.enum(['add', 'change', 'same']),
      before: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
    }),
  ),
  errors: z.array(z.object({ line: z.number(), field: Text, message: z.string() })),
})
