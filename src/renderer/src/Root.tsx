import { lazy, Suspense, useEffect, useState } from 'react'
import { App as AntApp, ConfigProvider, Result, Spin, theme } from 'antd'
import zhCN from 'antd/locale/zh_CN'
import enUS from 'antd/locale/en_US'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { useStore } from 'zustand'
import type { QueryClient } from '@tanstack/react-query'
import { ApiProvider, LiveConnection } from './api/query-client'
import { translate } from '../../shared/i18n'
import { SessionContext } from './i18n'
import type { ApiClient } from '../../shared/contract'
import type { SessionStore } from './stores/session-store'
import { LoginScreen } from './screens/login/LoginScreen'
import { useRoute } from './router'

// The login screen comes with the first load; the application, set-up and the wall display are
// chunks of their own.
const AppShell = lazy(() => import('./screens/shell/AppShell').then((m) => ({ default: m.AppShell })))
const SetupScreen = lazy(() => import('./screens/setup/SetupScreen').then((m) => ({ default: m.SetupScreen })))
const WallScreen = lazy(() => import('./screens/wall/WallScreen').then((m) => ({ default: m.WallScreen })))

const spinner = (
  <div className="center-page">
    <Spin size="large" />
  </div>
)

// Dense for people who work in it all day: smaller controls than antd's default, same font.
const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#1f5fa8', borderRadius: 4, fontSize: 13, controlHeight: 28 },
}

export function Root({ session, api, queryClient }: { session: SessionStore; api: ApiClient; queryClient: QueryClient }) {
  const phase = useStore(session, (s) => s.phase)
  const locale = useStore(session, (s) => s.locale)
  const [bootError, setBootError] = useState<string | null>(null)
  const route = useRoute()

  useEffect(() => {
    session
      .getState()
      .boot()
      .catch((error: unknown) => setBootError(error instanceof Error ? error.message : String(error)))
  }, [session])

  useEffect(() => {
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn')
    document.documentElement.lang = locale
    document.title = translate(locale, 'app.title')
  }, [locale])

  return (
    <SessionContext.Provider value={session}>
      <ApiProvider api={api} queryClient={queryClient}>
        <LiveConnection session={session} />
        <ConfigProvider locale={locale === 'en' ? enUS : zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
          <AntApp message={{ duration: 2, maxCount: 2 }}>
            <Suspense fallback={spinner}>
            {route.name === 'wall' ? (
              // The workshop TV has no user: its display token is all it needs, so no login screen.
              <WallScreen token={route.token} />
            ) : bootError ? (
              <Result status="error" title={translate(locale, 'app.bootFailed')} subTitle={bootError} />
            ) : phase === 'booting' ? (
              spinner
            ) : phase === 'setup' ? (
              <SetupScreen />
            ) : phase === 'login' ? (
              <LoginScreen />
            ) : (
              <AppShell />
            )}
            </Suspense>
          </AntApp>
        </ConfigProvider>
      </ApiProvider>
    </SessionContext.Provider>
  )
}
