export const reception = {
} as const
