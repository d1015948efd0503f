import { z } from 'zod'
import { FenSchema, QuantityMilliSchema } from '../domain/schemas'
import type { ContractSection } from './types'
import * as S from './parts-shapes'

// The parts counter (配件): catalogue and price-list import, the stock ledger, issue to repair
// orders, purchasing, old parts and the stocktake. Inputs are strict objects; custom messages are
// catalog keys. Writes run synchronously in the dispatcher's transaction.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const DateTime = z.iso.datetime({ offset: true })
const DateOnly = z.iso.date()
const Reason = z.string().trim().min(2).max(200)
const Note = z.string().trim().max(500).default('')
const Bin = z.string().trim().toUpperCase().max(20)
const PartNumber = z.string().trim().min(1).max(40)
const SignedQuantity = z
  .number()
  .int({ error: 'validation.notInteger' })
  .min(-1_000_000_000)
  .max(1_000_000_000)
  .refine((q) => q !== 0, { error: 'parts.quantityZero' })
const Limit = (max: number, def: number) => z.number().int().min(1).max(max).default(def)
const QtyLines = z.array(z.strictObject({ partId: Id, quantityMilli: QuantityMilliSchema })).min(1).max(100)

const PartFields = {
  name: z.string().trim().min(1).max(100),
  brand: z.string().trim().max(40).optional(),
  category: z.string().trim().max(40).optional(),
  unit: z.string().trim().min(1).max(10).default('EA'),
  bin: Bin.optional(),
  supplierId: Id.nullable().optional(),
  costFen: FenSchema.default(0),
  priceFen: FenSchema,
  active: z.boolean().default(true),
}

const w = 'write' as const
const r = 'read' as const

export const partsContract = {
  'parts.search': {
    input: z.strictObject({ q: z.string().trim().max(64), limit: Limit(200, 30), includeInactive: z.boolean().default(false) }),
    output: z.array(S.PartRow),
    access: 'parts.read',
    kind: r,
  },
  'parts.get': { input: z.strictObject({ id: Id, moves: Limit(500, 50) }), output: S.PartDetail, access: 'parts.read', kind: r },
  'parts.create': { input: z.strictObject({ partNumber: PartNumber, ...PartFields }), output: S.PartRow, access: 'parts.import', kind: w },
  'parts.update': {
    input: z.strictObject({
      id: Id,
      version: Version,
      partNumber: PartNumber.optional(),
      ...PartFields,
      name: PartFields.name.optional(),
      unit: z.string().trim().min(1).max(10).optional(),
      costFen: FenSchema.optional(),
      priceFen: FenSchema.optional(),
      active: z.boolean().optional(),
    }),
    output: S.PartRow,
    access: 'parts.import',
    kind: w,
  },
  'parts.import.preview': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(200),
      /** The file's bytes, base64 (price lists up to ~30 MB). */
      contentBase64: z.string().min(1).max(40_000_000),
      encoding: z.enum(['auto', 'utf-8', 'gb18030']).default('auto'),
      /** 1-based row of the column headings; found automatically when absent. */
      headerRow: z.number().int().min(1).max(50).optional(),
      /** Column index (0-based) per field, overriding what the headings suggest. */
      mapping: z.partialRecord(z.enum(S.IMPORT_FIELDS), z.number().int().min(0).max(200).nullable()).optional(),
      sheet: z.string().trim().max(100).optional(),
    }),
    output: S.ImportPreview,
    access: 'parts.import',
    kind: r,
  },
  'parts.import.apply': {
    input: z.strictObject({
      fileName: z.string().trim().min(1).max(200),
      rows: z.array(S.ImportRow).min(1).max(200_000),
      /** What the dry run promised; a catalogue changed since then is a CONFLICT, not a surprise. */
      expect: z.strictObject({ add: z.number().int().min(0), change: z.number().int().min(0) }),
    }),
    output: z.object({ added: z.number(), changed: z.number(), unchanged: z.number() }),
    access: 'parts.import',
    kind: w,
  },
  'parts.labels': {
    input: z.strictObject({ partIds: z.array(Id).max(500).optional(), binFrom: Bin.optional(), binTo: Bin.optional() }),
    output: z.array(S.PartLabel),
    access: 'parts.read',
    kind: r,
  },
  'parts.counterQueue': { input: z.strictObject({ limit: Limit(200, 50) }), output: z.array(S.CounterRo), access: 'parts.read', kind: r },
  'parts.pickList': { input: z.strictObject({ roId: Id }), output: S.PickList, access: 'parts.read', kind: r },
  'parts.issue': { input: z.strictObject({ roId: Id, lines: QtyLines }), output: S.IssueResult, access: 'parts.issue', kind: w },
  'parts.return': { input: z.strictObject({ roId: Id, lines: QtyLines, reason: Reason }), output: S.IssueResult, access: 'parts.issue', kind: w },
  'parts.recordShortage': {
    input: z.strictObject({ roId: Id, partId: Id, outcome: z.enum(S.SHORTAGE_OUTCOMES), note: Note }),
    output: S.PickList,
    access: 'parts.issue',
    kind: w,
  },

  'stock.receive': {
    input: z.strictObject({ partId: Id, quantityMilli: QuantityMilliSchema, unitCostFen: FenSchema.optional(), reason: Reason }),
    output: S.StockMove,
    access: 'parts.receive',
    kind: w,
  },
  'stock.adjust': {
    input: z.strictObject({ partId: Id, quantityMilli: SignedQuantity, unitCostFen: FenSchema.optional(), reason: Reason }),
    output: S.StockMove,
    access: 'parts.adjust',
    kind: w,
  },
  'stock.transfer': {
    input: z.strictObject({ partId: Id, version: Version, toBin: Bin.pipe(z.string().min(1)), reason: Reason }),
    output: S.PartRow,
    access: 'parts.receive',
    kind: w,
  },
  'stock.moves': {
    input: z.strictObject({
      partId: Id.optional(),
      kind: z.enum(S.MOVE_KINDS).optional(),
      from: DateTime.optional(),
      to: DateTime.optional(),
      beforeId: Id.optional(),
      limit: Limit(500, 100),
    }),
    output: z.array(S.StockMove),
    access: 'parts.read',
    kind: r,
  },
  'stock.valuation': {
    input: z.strictObject({ at: DateTime.optional(), limit: z.number().int().min(0).max(1000).default(100) }),
    output: S.Valuation,
    access: 'parts.read',
    kind: r,
  },
  'stock.emptyBins': { input: z.strictObject({ limit: Limit(2000, 500) }), output: z.array(S.EmptyBin), access: 'parts.read', kind: r },
  'stock.fillRate': { input: z.strictObject({ from: DateOnly, to: DateOnly }), output: S.FillRate, access: 'parts.read', kind: r },

  'purchasing.suppliers.list': {
    input: z.strictObject({ q: z.string().trim().max(40).default(''), includeInactive: z.boolean().default(false) }),
    output: z.array(S.Supplier),
    access: 'parts.read',
    kind: r,
  },
  'purchasing.suppliers.save': {
    input: z.strictObject({
      id: Id.optional(),
      version: Version.optional(),
      code: z.string().trim().toUpperCase().min(1).max(20),
      name: z.string().trim().min(1).max(60),
      contact: z.string().trim().max(40).optional(),
      phone: z.string().trim().max(30).optional(),
      note: z.string().trim().max(500).optional(),
      active: z.boolean().default(true),
    }),
    output: S.Supplier,
    access: 'parts.purchase',
    kind: w,
  },
  'purchasing.po.list': {
    input: z.strictObject({ state: z.enum(S.PO_STATES).optional(), supplierId: Id.optional(), limit: Limit(200, 50), offset: z.number().int().min(0).default(0) }),
    output: z.object({ rows: z.array(S.PoSummary), total: z.number() }),
    access: 'parts.read',
    kind: r,
  },
  'purchasing.po.get': { input: z.strictObject({ id: Id }), output: S.PoDetail, access: 'parts.read', kind: r },
  'purchasing.po.save': {
    input: z.strictObject({
      id: Id.optional(),
      version: Version.optional(),
      supplierId: Id,
      note: Note,
      lines: z
        .array(z.strictObject({ partId: Id, quantityMilli: QuantityMilliSchema, unitCostFen: FenSchema, roId: Id.optional(), note: Note }))
        .min(1)
        .max(300),
    }),
    output: S.PoDetail,
    access: 'parts.purchase',
    kind: w,
  },
  'purchasing.po.send': { input: z.strictObject({ id: Id, version: Version }), output: S.PoDetail, access: 'parts.purchase', kind: w },
  'purchasing.po.receive': {
    input: z.strictObject({
      id: Id,
      version: Version,
      note: Note,
      lines: z
        .array(
          z.strictObject({
            poLineId: Id,
            quantityMilli: z.number().int().min(0).max(1_000_000_000),
            unitCostFen: FenSchema.optional(),
            difference: z.enum(S.RECEIPT_DIFFERENCES).optional(),
            note: Note,
          }),
        )
        .min(1)
        .max(300),
    }),
    output: S.PoDetail,
    access: 'parts.receive',
    kind: w,
  },
  'purchasing.po.close': {
    input: z.strictObject({ id: Id, version: Version, reason: Reason }),
    output: S.PoDetail,
    access: 'parts.purchase',
    kind: w,
  },
  'purchasing.specialOrder': {
    input: z.strictObject({ roId: Id, partId: Id, quantityMilli: QuantityMilliSchema, supplierId: Id, unitCostFen: FenSchema.optional(), note: Note }),
    output: S.PoDetail,
    access: 'parts.purchase',
    kind: w,
  },
  'purchasing.external.list': {
    input: z.strictObject({ state: z.enum(S.EXTERNAL_STATES).optional(), limit: Limit(200, 50) }),
    output: z.array(S.ExternalPurchase),
    access: 'parts.read',
    kind: r,
  },
  'purchasing.external.create': {
    input: z.strictObject({
      roId: Id.optional(),
      partId: Id,
      supplierName: z.string().trim().min(1).max(60),
      quantityMilli: QuantityMilliSchema,
      unitCostFen: FenSchema,
      invoiceRef: z.string().trim().max(40).default(''),
      note: Note,
    }),
    output: S.ExternalPurchase,
    access: 'parts.purchase',
    kind: w,
  },
  'purchasing.external.decide': {
    input: z.strictObject({ id: Id, version: Version, accept: z.boolean(), note: z.string().trim().max(500).default('') }),
    output: S.ExternalPurchase,
    access: 'parts.external.confirm',
    kind: w,
  },

  'oldparts.list': {
    input: z.strictObject({ roId: Id.optional(), disposition: z.enum(S.OLD_PART_DISPOSITIONS).optional(), limit: Limit(500, 100) }),
    output: z.array(S.OldPart),
    access: 'parts.read',
    kind: r,
  },
  'oldparts.tag': {
    input: z.strictObject({
      roId: Id,
      partId: Id.optional(),
      description: z.string().trim().min(1).max(200),
      quantityMilli: QuantityMilliSchema,
      warranty: z.boolean(),
      note: Note,
    }),
    output: S.OldPart,
    access: 'parts.issue',
    kind: w,
  },
  'oldparts.dispose': {
    input: z.strictObject({
      id: Id,
      version: Version,
      disposition: z.enum(['returned_to_customer', 'scrapped', 'kept_for_warranty', 'shipped_to_maker']),
      note: Note,
    }),
    output: S.OldPart,
    access: 'parts.issue',
    kind: w,
  },

  'stocktake.list': { input: z.strictObject({ limit: Limit(100, 20) }), output: z.array(S.Stocktake), access: 'parts.read', kind: r },
  'stocktake.create': {
    input: z.strictObject({ binFrom: Bin.optional(), binTo: Bin.optional(), note: Note }),
    output: S.Stocktake,
    access: 'parts.stocktake',
    kind: w,
  },
  'stocktake.sheet': {
    input: z.strictObject({ id: Id }),
    output: z.object({ stocktake: S.Stocktake, lines: z.array(S.CountLine) }),
    access: 'parts.read',
    kind: r,
  },
  'stocktake.count': {
    input: z.strictObject({
      id: Id,
      /** As scanned or typed: with or without dashes and spaces. */
      partNumber: PartNumber,
      quantityMilli: z.number().int().min(0).max(1_000_000_000),
      mode: z.enum(['set', 'add']).default('set'),
    }),
    output: z.object({ stocktake: S.Stocktake, line: S.CountLine }),
    access: 'parts.stocktake',
    kind: w,
  },
  'stocktake.variance': { input: z.strictObject({ id: Id }), output: S.VarianceTable, access: 'parts.read', kind: r },
  'stocktake.approve': {
    input: z.strictObject({ id: Id, version: Version }),
    output: S.VarianceTable,
    access: 'parts.stocktake.approve',
    kind: w,
  },
  'stocktake.cancel': { input: z.strictObject({ id: Id, version: Version, reason: Reason }), output: S.Stocktake, access: 'parts.stocktake', kind: w },
} as const satisfies ContractSection
