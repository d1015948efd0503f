import type { partsContract } from '../../shared/contract/parts'
import type { HandlersFor } from '../api/dispatch'
import { createPart, getPart, searchParts, updatePart } from './catalogue'
import { applyImport, previewImport } from './import/import'
import { counterQueue, issueToRo, pickList, recordShortage, returnFromRo } from './counter'
import { adjustStock, receiveStock, transferStock } from './stock-ops'
import { listMoves } from './moves'
import { emptyBins, fillRate, labels, valuation } from './reports'
import { listSuppliers, saveSupplier } from './suppliers'
import { closePo, receivePo, savePo, sendPo, specialOrder } from './purchase-orders'
import { listPos, poDetail } from './po-read'
import { createExternal, decideExternal, listExternal } from './external'
import { disposeOldPart, listOldParts, tagOldPart } from './old-parts'
import { cancelStocktake, countSheet, createStocktake, enterCount, listStocktakes } from './stocktake'
import { approveStocktake, varianceTable } from './stocktake-approval'

/** The parts counter's channels (配件). Write handlers are synchronous: they run in the dispatcher's transaction. */
export const partsHandlers: HandlersFor<typeof partsContract> = {
  'parts.search': searchParts,
  'parts.get': getPart,
  'parts.create': createPart,
  'parts.update': updatePart,
  'parts.import.preview': previewImport,
  'parts.import.apply': applyImport,
  'parts.labels': labels,
  'parts.counterQueue': counterQueue,
  'parts.pickList': pickList,
  'parts.issue': issueToRo,
  'parts.return': returnFromRo,
  'parts.recordShortage': recordShortage,
  'stock.receive': receiveStock,
  'stock.adjust': adjustStock,
  'stock.transfer': transferStock,
  'stock.moves': listMoves,
  'stock.valuation': valuation,
  'stock.emptyBins': emptyBins,
  'stock.fillRate': fillRate,
  'purchasing.suppliers.list': listSuppliers,
  'purchasing.suppliers.save': saveSupplier,
  'purchasing.po.list': listPos,
  'purchasing.po.get': (ctx, input) => poDetail(ctx, input.id),
  'purchasing.po.save': savePo,
  'purchasing.po.send': sendPo,
  'purchasing.po.receive': receivePo,
  'purchasing.po.close': closePo,
  'purchasing.specialOrder': specialOrder,
  'purchasing.external.list': listExternal,
  'purchasing.external.create': createExternal,
  'purchasing.external.decide': decideExternal,
  'oldparts.list': listOldParts,
  'oldparts.tag': tagOldPart,
  'oldparts.dispose': disposeOldPart,
  'stocktake.list': listStocktakes,
  'stocktake.create': createStocktake,
  'stocktake.sheet': countSheet,
  'stocktake.count': enterCount,
  'stocktake.variance': varianceTable,
  'stocktake.approve': approveStocktake,
  'stocktake.cancel': cancelStocktake,
}
