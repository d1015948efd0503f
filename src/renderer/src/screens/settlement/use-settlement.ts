import { useStore } from 'zustand'
import { useSessionStore } from '../../i18n'

/** The one UI permission check (src/renderer/src/permissions.ts), re-exported for this area. */
export { useCan } from '../../permissions'

export function useTimeZone(): string {
  return useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
}
