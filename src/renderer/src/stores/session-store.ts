import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../shared/contract'
import type { z } from 'zod'
import type { SessionUserOut, SetupStatus, Settings } from '../../../shared/contract/app'
import { DEFAULT_LOCALE, asLocale, type Locale } from '../../../shared/i18n'
import type { LiveStatus } from '../api/meta'
import { ApiFailure, unwrap } from '../api/failure'

export type SessionUser = z.output<typeof SessionUserOut>
export type SetupInfo = z.output<typeof SetupStatus>
export type DealerSettings = z.output<typeof Settings>

export interface SessionState {
  phase: 'booting' | 'setup' | 'login' | 'ready'
  setup: SetupInfo | null
  token: string | null
  user: SessionUser | null
  settings: DealerSettings | null
  locale: Locale
  live: LiveStatus
  /** Why the person was sent back to the login screen (expired session), already translated. */
  notice: string | null
  /** Username to prefill on the login screen after set-up. */
  loginHint: string | null
  /** Whose session expired on this screen: only they resume it; anyone else starts at home. */
  expiredUser: string | null
  boot(): Promise<void>
  finishSetup(status: SetupInfo, username: string | null): void
  /**
   * `beforeReady` runs once the user is known and before the app shows, with whether this is the
   * same person coming back after their session expired (who stays where they were).
   */
  login(username: string, password: string, beforeReady?: (user: SessionUser, resumed: boolean) => void): Promise<void>
  logout(): Promise<void>
  setLocale(locale: Locale): Promise<void>
  /** Called when any call answers that the session is gone. */
  expire(message: string): void
  setLive(status: LiveStatus): void
  refreshSettings(): Promise<void>
}

/** Where the token lives: sessionStorage, so closing the tab or window ends the session. */
export interface SessionStorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

const TOKEN_KEY = 'dealer.token'
const LOCALE_KEY = 'dealer.locale'

export function createSessionStore(api: ApiClient, storage: SessionStorageLike, prefs: SessionStorageLike) {
  const store = createStore<SessionState>()((set, get) => ({
    phase: 'booting',
    setup: null,
    token: storage.getItem(TOKEN_KEY),
    user: null,
    settings: null,
    locale: asLocale(prefs.getItem(LOCALE_KEY) ?? DEFAULT_LOCALE),
    live: 'connecting',
    notice: null,
    loginHint: null,
    expiredUser: null,

    finishSetup(status, username) {
      set({ setup: status, phase: 'login', loginHint: username })
    },

    async boot() {
      const status = await api.call('setup.status', {})
      if (!status.ok) throw new ApiFailure(status)
      set({ setup: status.data })
      if (!status.data.initialised) return set({ phase: 'setup' })
      if (!get().token) return set({ phase: 'login' })
      const me = await api.call('auth.me', {})
      if (!me.ok) {
        storage.removeItem(TOKEN_KEY)
        return set({ phase: 'login', token: null })
      }
      set({ user: me.data, locale: me.data.locale })
      await get().refreshSettings()
      set({ phase: 'ready' })
    },

    async login(username, password, beforeReady) {
      const data = unwrap(await api.call('auth.login', { username, password }))
      const resumed = get().expiredUser === data.user.username
      storage.setItem(TOKEN_KEY, data.token)
      prefs.setItem(LOCALE_KEY, data.user.locale)
      set({ token: data.token, user: data.user, locale: data.user.locale, notice: null })
      await get().refreshSettings()
      const status = await api.call('setup.status', {})
      if (status.ok) set({ setup: status.data })
      beforeReady?.(data.user, resumed)
      set({ phase: 'ready', expiredUser: null })
    },

    async logout() {
      await api.call('auth.logout', {})
      storage.removeItem(TOKEN_KEY)
      set({ token: null, user: null, settings: null, phase: 'login', notice: null, expiredUser: null })
    },

    async setLocale(locale) {
      prefs.setItem(LOCALE_KEY, locale)
      set({ locale })
      // Before login the choice is only kept on this workstation; after it, on the user too.
      if (get().user) {
        const me = await api.call('auth.setLocale', { locale })
        if (me.ok) set({ user: me.data })
      }
    },

    expire(message) {
      if (get().phase !== 'ready') return
      storage.removeItem(TOKEN_KEY)
      set({ token: null, user: null, phase: 'login', notice: message, expiredUser: get().user?.username ?? null })
    },

    setLive(live) {
      set({ live })
    },

    async refreshSettings() {
      set({ settings: unwrap(await api.call('settings.get', {})) })
    },
  }))
  return store
}

export type SessionStore = ReturnType<typeof createSessionStore>
