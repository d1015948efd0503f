import { z } from 'zod'
import { CALL_OUTCOMES } from '../domain/care'
import { CAMPAIGN_FIGURES, INVITE_STATES, TARGET_SOURCES } from '../domain/campaign'
import { CallRow } from './care'
import type { ContractSection } from './types'

// Monthly service campaigns (市场服务活动): the service manager plans a campaign (dates, offer,
// target group with a live count), builds its invitation list, the desk calls it on the one call
// log (a call kind beside follow-ups and reminders), and the advisor puts the campaign code on the
// RO (suggested when the vehicle was invited). Writes emit `campaign.changed`.

const Id = z.number().int().positive()
const Version = z.number().int().positive()
const DateOnly = z.iso.date()
const Instant = z.iso.datetime({ offset: true })
const Note = z.string().trim().max(500).default('')
const Fen = z.number().int({ error: 'validation.notInteger' }).min(0).max(100_000_000_000)

export const TargetGroup = z.strictObject({
  source: z.enum(TARGET_SOURCES),
  /** Narrows to one model (as on the vehicle record). */
  model: z.string().trim().max(64).nullable().default(null),
  /** Vehicle age in whole years since first registration, both ends included. */
  ageMin: z.number().int().min(0).max(50).nullable().default(null),
  ageMax: z.number().int().min(0).max(50).nullable().default(null),
})

export const CampaignDraft = z.strictObject({
  name: z.string().trim().min(2).max(100),
  startsOn: DateOnly,
  endsOn: DateOnly,
  /** Labour discount in basis points (1500 = 15 %). */
  labourDiscountBp: z.number().int().min(0).max(10_000).default(0),
  packageName: z.string().trim().max(100).default(''),
  packagePriceFen: Fen.nullable().default(null),
  freeCheck: z.string().trim().max(100).default(''),
  target: TargetGroup,
})

export const CampaignRow = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  month: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  labourDiscountBp: z.number(),
  packageName: z.string(),
  packagePriceFen: z.number().nullable(),
  freeCheck: z.string(),
  target: z.object({ source: z.enum(TARGET_SOURCES), model: z.string().nullable(), ageMin: z.number().nullable(), ageMax: z.number().nullable() }),
  state: z.enum(['planned', 'cancelled']),
  costFen: z.number(),
  summary: z.string(),
  invited: z.number(),
  version: z.number(),
  createdBy: z.string(),
})

export const InviteRow = z.object({
  id: z.number(),
  version: z.number(),
  campaignId: z.number(),
  vehicleId: z.number(),
  plate: z.string().nullable(),
  model: z.string(),
  customerName: z.string(),
  mobile: z.string().nullable(),
  state: z.enum(INVITE_STATES),
  attempts: z.number(),
  reached: z.boolean(),
  lastOutcome: z.enum(CALL_OUTCOMES).nullable(),
  callbackAt: z.string().nullable(),
})

export const InviteView = InviteRow.extend({ calls: z.array(CallRow) })

export const RoCampaign = z.object({
  roId: z.number(),
  /** The code on the RO, if any. */
  current: z.object({ campaignId: z.number(), code: z.string(), name: z.string() }).nullable(),
  /** Campaigns running on the RO's opening day; `invited` when this vehicle is on the list. */
  offers: z.array(z.object({ campaignId: z.number(), code: z.string(), name: z.string(), invited: z.boolean() })),
  /** The campaign the vehicle was invited to, when the RO carries none yet. */
  suggestedId: z.number().nullable(),
  /** The code can be changed only before settlement. */
  editable: z.boolean(),
})

export const FigureRow = z.object({
  key: z.string(),
  vehicleId: z.number(),
  plate: z.string().nullable(),
  customerName: z.string(),
  roId: z.number().nullable(),
  roNumber: z.string().nullable(),
  at: z.string().nullable(),
  /** The row's money for revenue and discount (fen); null for the counted figures. */
  amountFen: z.number().nullable(),
})

export const CampaignAnalysis = z.object({
  campaign: CampaignRow,
  figures: z.array(z.object({ figure: z.enum(CAMPAIGN_FIGURES), value: z.number() })),
  /** (revenue − cost) ÷ cost in basis points; null while no cost is entered. */
  returnOnCostBp: z.number().nullable(),
})

const w = 'write' as const
const r = 'read' as const

export const campaignsContract = {
  'campaigns.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }),
    output: z.array(CampaignRow),
    access: 'care.read',
    kind: r,
  },
  'campaigns.get': { input: z.strictObject({ id: Id }), output: CampaignRow, access: 'care.read', kind: r },
  /** The live count while the target group is edited: how many vehicles it would invite. */
  'campaigns.targetCount': {
    input: z.strictObject({ target: TargetGroup, startsOn: DateOnly, endsOn: DateOnly }),
    output: z.object({ count: z.number() }),
    access: 'campaigns.manage',
    kind: r,
  },
  'campaigns.save': {
    input: z.strictObject({ id: Id.optional(), version: Version.optional(), draft: CampaignDraft }),
    output: CampaignRow,
    access: 'campaigns.manage',
    kind: w,
  },
  /** Puts the target group's vehicles not yet on the list onto the invitation list. */
  'campaigns.invite': {
    input: z.strictObject({ id: Id }),
    output: z.object({ added: z.number(), invited: z.number() }),
    access: 'campaigns.manage',
    kind: w,
  },
  'campaigns.invites': {
    input: z.strictObject({ id: Id, state: z.enum(['open', 'closed', 'all']).default('all'), limit: z.number().int().min(1).max(2000).default(500) }),
    output: z.array(InviteRow),
    access: 'care.read',
    kind: r,
  },
  'campaigns.invite.get': { input: z.strictObject({ id: Id }), output: InviteView, access: 'care.read', kind: r },
  'campaigns.invite.logCall': {
    input: z.strictObject({
      id: Id,
      version: Version,
      startedAt: Instant,
      endedAt: Instant,
      outcome: z.enum(CALL_OUTCOMES),
      callbackAt: Instant.optional(),
      remark: Note,
      /** From a reached call: the customer will come (booked) or does not want to (declined). */
      result: z.enum(['booked', 'declined']).optional(),
    }),
    output: InviteView,
    access: 'care.call',
    kind: w,
  },
  'campaigns.analysis': { input: z.strictObject({ id: Id }), output: CampaignAnalysis, access: 'department.read', kind: r },
  /** The rows behind one figure of the analysis: the figure is their count, or their sum for money. */
  'campaigns.drill': {
    input: z.strictObject({ id: Id, figure: z.enum(CAMPAIGN_FIGURES) }),
    output: z.object({ figure: z.enum(CAMPAIGN_FIGURES), value: z.number(), rows: z.array(FigureRow) }),
    access: 'department.read',
    kind: r,
  },
  /** The manager's cost of the campaign and the written summary (活动总结). */
  'campaigns.review': {
    input: z.strictObject({ id: Id, version: Version, costFen: Fen, summary: z.string().trim().max(4000) }),
    output: CampaignRow,
    access: 'campaigns.manage',
    kind: w,
  },
  'campaigns.ro.get': { input: z.strictObject({ roId: Id }), output: RoCampaign, access: 'reception.read', kind: r },
  /** Puts a campaign code on the RO, or takes it off (null). */
  'campaigns.ro.set': { input: z.strictObject({ roId: Id, campaignId: Id.nullable() }), output: RoCampaign, access: 'ro.write', kind: w },
} as const satisfies ContractSection
