import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createClient } from './api/client'
import { withSessionWatch } from './api/session-watch'
import { shareSubscription } from './api/live-events'
import { createQueryClient } from './api/query-client'
import { createSessionStore, type SessionStore } from './stores/session-store'
import { Root } from './Root'
import { installFormKeyRule } from './form-keys'
import { setMissingKeyHandler } from '../../shared/i18n'
import './styles.css'

// The client reads the token and language from the session store at each call; the store in
// turn uses the client, so the reference is filled in right after both exist.
let session: SessionStore | null = null
const transport = createClient(() => ({
  token: session?.getState().token ?? null,
  locale: session?.getState().locale ?? 'zh-CN',
}))
// One live-event connection per window, however many parts of it listen.
const api = shareSubscription(withSessionWatch(transport, (message) => session?.getState().expire(message)))
const queryClient = createQueryClient()
session = createSessionStore(api, window.sessionStorage, window.localStorage)

installFormKeyRule(window)
// A key without a message is a bug: logged as an error, which the e2e specs fail on.
setMissingKeyHandler((key) => console.error(`catalog key missing: ${key}`))

const container = document.getElementById('root')
if (container) {
  createRoot(container).render(
    <StrictMode>
      <Root session={session} api={api} queryClient={queryClient} />
    </StrictMode>,
  )
}
