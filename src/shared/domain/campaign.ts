// Monthly service campaigns (市场服务活动) [manual section 6: one a month, with analysis and a
// summary]. Who is invited, and what the offer is; pure values, the queries live in src/main.

/**
 * Where the target group comes from (the care desk's own lists): every customer's vehicle, the
 * vehicles whose service falls due by the campaign's end, lost customers (no visit for the care
 * setting's months), new cars due their first service. A model and an age band narrow any of them.
 */
export const TARGET_SOURCES = ['all', 'service_due', 'lost', 'first_service'] as const
export type TargetSource = (typeof TARGET_SOURCES)[number]

export const INVITE_STATES = ['open', 'booked', 'declined'] as const
export type InviteState = (typeof INVITE_STATES)[number]

/** A first service (首保) falls due within this many months of the car's first registration. */
export const FIRST_SERVICE_MONTHS = 6

/** The campaign code: the month and a number within it (HD202612-1). */
export const campaignCode = (month: string, n: number): string => `HD${month.replace('-', '')}-${n}`

/**
 * The analysis [manual: 活动分析与总结], each figure with rows behind it: invited, reached (a call
 * reached them), booked, arrived (an invited vehicle opened an RO in the campaign's dates), ROs
 * carrying the code, their revenue net of VAT and the discount given at settlement (settled ROs,
 * standing settlement only).
 */
export const CAMPAIGN_FIGURES = ['invited', 'reached', 'booked', 'arrived', 'ros', 'revenue', 'discount'] as const
export type CampaignFigure = (typeof CAMPAIGN_FIGURES)[number]
export const figureIsMoney = (f: CampaignFigure): boolean => f === 'revenue' || f === 'discount'

/** Return on cost: what the campaign brought in beyond its cost, per unit of cost (basis points); none without a cost. */
export function returnOnCostBp(revenueFen: number, costFen: number): number | null {
  return costFen > 0 ? Math.round(((revenueFen - costFen) * 10_000) / costFen) : null
}

/** One campaign a month [manual section 6]: an alert when the running month has none planned by this day. */
export const CAMPAIGN_PLANNED_BY_DAY = 5
