import { createContext, useCallback, useContext } from 'react'
import { useStore } from 'zustand'
import { translate, type Locale, type MessageKey, type MessageParams } from '../../shared/i18n'
import type { SessionStore } from './stores/session-store'

export const SessionContext = createContext<SessionStore | null>(null)

export function useSessionStore(): SessionStore {
  const store = useContext(SessionContext)
  if (!store) throw new Error('SessionContext is missing')
  return store
}

export function useLocale(): Locale {
  return useStore(useSessionStore(), (s) => s.locale)
}

export type T = (key: MessageKey, params?: MessageParams) => string

/** Messages in the person's language; keys are checked against the zh-CN catalog at compile time. */
export function useT(): T {
  const locale = useLocale()
  return useCallback((key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale])
}
