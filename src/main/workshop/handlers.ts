import type { workshopContract } from '../../shared/contract/workshop'
import type { HandlersFor } from '../api/dispatch'
import { getBoard } from './board'
import { wallBoard, listDisplayTokens, createDisplayToken, revokeDisplayToken } from './display'
import type { LineHooks } from '../repair-order/line-check'
import { getWorkshopRo } from './ro-detail'
import { dispatchJob, unassignJob } from './dispatch'
import { clockOn, finishJob, pauseJob } from './clock'
import { addSegment, correctSegment } from './corrections'
import { additionalQueue, decideAdditional, declinedForVehicle, followUpDeclined, raiseAdditional } from './additional'
import { checklist, qcStats, recordInspection, saveChecklist, washDone } from './qc'
import { efficiency } from './reports'
import { confirmShortSegment, shortSegments } from './short-segments'
import { listBays, listTechnicians, saveBay, saveTechnician } from './resources'

/** A copy that serves no HTTP host (jobs, tests without one): no address a TV could open. */
const NO_HOST = { bindHost: null, port: null, lanReachable: false, addresses: [] }

/**
 * The workshop's channels (车间). Write handlers are synchronous: they run in the dispatcher's
 * transaction. `hooks` judge approved additional work before it becomes RO lines.
 */
export const workshopHandlers = (hooks: LineHooks): HandlersFor<typeof workshopContract> => ({
  'workshop.board': getBoard,
  'workshop.wall': wallBoard,
  'workshop.ro': (ctx, input) => getWorkshopRo(ctx, input.roId),
  'workshop.dispatch': dispatchJob,
  'workshop.unassign': unassignJob,
  'workshop.clockOn': clockOn,
  'workshop.pause': pauseJob,
  'workshop.finish': finishJob,
  'workshop.correctSegment': correctSegment,
  'workshop.addSegment': addSegment,
  'workshop.confirmShortSegment': confirmShortSegment,
  'workshop.shortSegments': shortSegments,
  'workshop.additional.raise': raiseAdditional,
  'workshop.additional.queue': additionalQueue,
  'workshop.additional.decide': (ctx, input) => decideAdditional(ctx, input, hooks.checkLines),
  'workshop.declinedForVehicle': declinedForVehicle,
  'workshop.additional.followUp': followUpDeclined,
  'workshop.qc.checklist': checklist,
  'workshop.qc.saveChecklist': saveChecklist,
  'workshop.qc.record': recordInspection,
  'workshop.washDone': washDone,
  'workshop.qc.stats': qcStats,
  'workshop.efficiency': efficiency,
  'workshop.technicians': (ctx) => listTechnicians(ctx),
  'workshop.saveTechnician': saveTechnician,
  'workshop.bays': (ctx) => listBays(ctx),
  'workshop.saveBay': saveBay,
  'workshop.displayTokens': (ctx) => listDisplayTokens(ctx),
  'workshop.createDisplayToken': createDisplayToken,
  'workshop.revokeDisplayToken': revokeDisplayToken,
  'workshop.displayAddresses': (ctx) => ctx.hostAddresses?.() ?? NO_HOST,
})
