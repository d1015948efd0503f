// The two registers the warranty clerk keeps with the maker beside the claims: over-authority
// requests (超权限申报: a repair whose amount is above the dealer's own authority needs the maker's
// pre-authorisation) and quality feedback reports (质量信息反馈: a failure the maker should know of).
// Both follow the claim's shape without the dealer-side check: 录入 → 已提交 → 批准 / 退回 / 拒绝 →
// 重新提交 → 关闭. For a quality report "approved" is the maker's acknowledgement.

export const REGISTER_KINDS = ['over_authority', 'quality_feedback'] as const
export type RegisterKind = (typeof REGISTER_KINDS)[number]

export const REGISTER_STATES = ['draft', 'submitted', 'approved', 'returned', 'rejected', 'resubmitted', 'closed'] as const
export type RegisterState = (typeof REGISTER_STATES)[number]

export const REGISTER_ACTIONS = ['submit', 'approve', 'return', 'reject', 'close'] as const
export type RegisterAction = (typeof REGISTER_ACTIONS)[number]

/** The legal moves: state → action → next state. Anything not listed is refused. */
export const REGISTER_TRANSITIONS: Readonly<Record<RegisterState, Partial<Record<RegisterAction, RegisterState>>>> = {
  draft: { submit: 'submitted' },
  submitted: { approve: 'approved', return: 'returned', reject: 'rejected' },
  returned: { submit: 'resubmitted' },
  resubmitted: { approve: 'approved', return: 'returned', reject: 'rejected' },
  approved: { close: 'closed' },
  rejected: { close: 'closed' },
  closed: {},
}

export function nextRegisterState(state: RegisterState, action: RegisterAction): RegisterState | null {
  return REGISTER_TRANSITIONS[state][action] ?? null
}

/** Actions allowed from a state, in the table's order (what the screen offers). */
export const registerActionsFrom = (state: RegisterState): RegisterAction[] => REGISTER_ACTIONS.filter((a) => REGISTER_TRANSITIONS[state][a] !== undefined)

/** The content can be edited while the dealer holds it: in draft and when the maker returned it. */
export const canEditRegister = (state: RegisterState): boolean => state === 'draft' || state === 'returned'

/** Only a draft can be deleted; once sent, an entry is kept and closed instead. */
export const canDeleteRegister = (state: RegisterState): boolean => state === 'draft'

/** A return or a rejection needs the maker's reason; closing needs the clerk's. */
export const registerActionNeedsReason = (action: RegisterAction): boolean => action === 'return' || action === 'reject' || action === 'close'

/** How serious the reported failure is (the makers' feedback forms: A safety, B function, C comfort, D appearance). */
export const FEEDBACK_SEVERITIES = ['safety', 'function', 'comfort', 'appearance'] as const
export type FeedbackSeverity = (typeof FEEDBACK_SEVERITIES)[number]

/** Number prefixes: 超权 CQ…, 质量 ZL…, each its own yearly series. */
export const REGISTER_PREFIX: Readonly<Record<RegisterKind, string>> = { over_authority: 'CQ', quality_feedback: 'ZL' }
