import { useStore } from 'zustand'
import { useSessionStore } from '../../i18n'

export function useTimeZone(): string {
  return useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
}
