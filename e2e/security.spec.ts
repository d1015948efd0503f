import { describe, expect, it } from 'vitest'
import { hostAndBrowser } from './support/fixture'
import { screenshot, settle } from './support/browser'
import { apiLogin, checkInFreeVehicle } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'

// The administrator's side of login security and the audit trail, in the built UI: a locked-out
// advisor is shown with the time the lockout ends and unlocked from the screen; the login history
// and the audit log are there to read; a repair order shows who changed it.

const PASSWORD = 'demo-e2e-pass'

describe('login security and the audit trail', () => {
  const env = hostAndBrowser({ demoPassword: PASSWORD })

  it('shows a lockout with its end and lifts it from the admin screen', async () => {
    // Twelve wrong passwords at once, as a guessing script would send them.
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        fetch(new URL('api/auth.login', env.host.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'advisor1', password: 'wrong-guess' }) }).then(
          (r) => r.json() as Promise<{ code: string }>,
        ),
      ),
    )
    expect(answers.some((a) => a.code === 'TOO_MANY_ATTEMPTS')).toBe(true)
    await expect(apiLogin(env.host.url, 'advisor1', PASSWORD)).rejects.toThrow(/TOO_MANY_ATTEMPTS/)

    const { page } = env.session
    await logIn(page, 'admin', PASSWORD)
    await page.getByRole('navigation').getByText(zh('data.title')).click()
    await page.getByRole('tab', { name: zh('security.tab') }).click()
    const row = page.getByRole('row').filter({ hasText: 'advisor1' }).filter({ has: page.getByRole('button', { name: zh('security.unlock') }) })
    await row.waitFor()
    await page.getByRole('cell', { name: zh('security.outcome.lockout') }).first().waitFor()
    await settle(page.locator('.security-panel'))
    await screenshot(page, 'security-lockouts')
    await row.getByRole('button', { name: zh('security.unlock') }).click()
    await page.getByText(zh('security.unlocked', { key: 'advisor1' })).waitFor()
    await page.getByText(zh('security.noLockouts')).waitFor()
    expect(await apiLogin(env.host.url, 'advisor1', PASSWORD)).toBeTruthy()
  })

  it('shows the audit log with filters and a repair order\'s own activity', async () => {
    const token = await apiLogin(env.host.url, 'advisor1', PASSWORD)
    const { ro } = await checkInFreeVehicle(env.host.url, token, { concerns: '审计测试：异响', kmDriven: 120, fuelEighths: 4 })
    const { page } = env.session
    await page.getByRole('tab', { name: zh('audit.tab') }).click()
    await page.locator('.audit-log-panel').getByText(zh('audit.action.ro.checkIn')).first().waitFor()
    await settle(page.locator('.audit-log-panel'))
    await screenshot(page, 'audit-log')

    await page.goto(`/#/ro/${ro.id}`)
    await page.getByText(zh('audit.feed')).click()
    const feed = page.locator('.document-activity')
    await feed.getByText(zh('audit.action.ro.checkIn')).waitFor()
    await feed.getByText(zh('audit.feedCount', { n: 1 })).waitFor()
    await settle(feed)
    await screenshot(page, 'ro-activity')
  })
})
