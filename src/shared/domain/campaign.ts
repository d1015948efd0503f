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
