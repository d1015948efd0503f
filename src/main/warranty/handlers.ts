import type { HandlersFor } from '../api/dispatch'
import type { warrantyContract } from '../../shared/contract/warranty'
import { checkClaim, decideClaim, payClaim, submitClaim, writeOffClaim } from './claim-flow'
import { getClaim, listClaims, warrantyToday } from './claim-read'
import { claimFromRo, deleteClaim, saveClaim } from './claims'
import { setWarrantyStart, vehicleCoverage } from './coverage'
import { checkRuleList } from './rule-settings'
import { applyPayments, previewPayments } from './payment-list/import'
import { keepPart, listShelf, partLabel, scrapPart } from './old-parts'
import { createShipment, getShipment, listShipments, receiveShipment, shipShipment } from './shipments'

export const warrantyHandlers: HandlersFor<typeof warrantyContract> = {
  'warranty.coverage': vehicleCoverage,
  'warranty.setStart': setWarrantyStart,
  'warranty.today': (ctx) => warrantyToday(ctx),
  'warranty.claim.list': listClaims,
  'warranty.claim.get': (ctx, input) => getClaim(ctx, input.id),
  'warranty.claim.fromRo': claimFromRo,
  'warranty.claim.save': saveClaim,
  'warranty.claim.delete': deleteClaim,
  'warranty.claim.check': checkClaim,
  'warranty.claim.submit': submitClaim,
  'warranty.claim.decide': decideClaim,
  'warranty.claim.pay': payClaim,
  'warranty.claim.writeOff': writeOffClaim,
  'warranty.payments.preview': previewPayments,
  'warranty.payments.apply': applyPayments,
  'warranty.parts.shelf': listShelf,
  'warranty.parts.keep': keepPart,
  'warranty.parts.label': partLabel,
  'warranty.parts.scrap': scrapPart,
  'warranty.shipments.list': listShipments,
  'warranty.shipments.get': (ctx, input) => getShipment(ctx, input.id),
  'warranty.shipments.create': createShipment,
  'warranty.shipments.ship': shipShipment,
  'warranty.shipments.receive': receiveShipment,
  'warranty.checkRules': (ctx) => checkRuleList(ctx),
}
