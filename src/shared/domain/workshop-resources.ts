// The workshop's people and places: technicians' skills and the kinds of bay (工位). The lists
// are also spelled out in migration 0005's CHECK constraints; change both together.

export const SKILLS = ['general', 'mechanical', 'electrical', 'ev', 'body', 'paint'] as const
export type Skill = (typeof SKILLS)[number]

export const BAY_KINDS = ['general', 'lift', 'alignment', 'paint_booth', 'wash'] as const
export type BayKind = (typeof BAY_KINDS)[number]

/** How the customer gave (or refused) approval of additional work; the same ways as for the estimate. */
export const DECISION_METHODS = ['in_person', 'phone', 'signature'] as const
export type DecisionMethod = (typeof DECISION_METHODS)[number]
