import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from './support/host'
import { openBrowser, screenshot, type Session } from './support/browser'
import { apiCall, apiLogin, checkInFreeVehicle } from './support/api'
import { logIn } from './support/desk'
import { zh } from './support/i18n'
import type { LiveEvent } from '../src/shared/contract'
import { createTerminalBackend } from '../src/main/host/terminal'
import { keyFileBox } from '../src/main/secrets/key-file-box'
import { loadTerminalConfig, terminalConfigPath } from '../src/main/terminal-setup/config-file'

// A new PC becomes a workstation from the set-up screen: it finds (or is told) the dealership's
// host, pairs with the code from the host's 数据管理 → 工作站, and saves that as its terminal
// configuration with the code sealed; a terminal backend started from the file works on the
// host's live data. Then the front-desk supervisor reads the audit trail from their own menu.

const PASSWORD = 'demo-pass-1'

describe('setting up a workstation against a real host', () => {
  let dealer: RunningHost
  let newPc: RunningHost
  let session: Session
  let code: string
  let dealerName: string

  beforeAll(async () => {
    dealer = await startHost({ demoPassword: PASSWORD })
    newPc = await startHost()
    const admin = await apiLogin(dealer.url, 'admin', PASSWORD)
    code = (await apiCall(dealer.url, admin, 'devices.pair', { name: '前台5号机' })).token
    dealerName = (await apiCall(dealer.url, null, 'setup.status', {})).dealerName ?? ''
    session = await openBrowser(newPc.url)
  })

  afterAll(async () => {
    await session?.close()
    await newPc?.stop()
    await dealer?.stop()
  })

  it('pairs through the set-up screen, refusing a wrong code first, and saves the code sealed', async () => {
    const { page } = session
    await page.goto('/')
    await page.getByRole('tab', { name: zh('setup.tabTerminal') }).click()
    const form = page.getByRole('form', { name: zh('setup.tabTerminal') })
    await form.getByLabel(zh('setup.hostAddress')).fill(dealer.url)
    await form.getByLabel(zh('setup.pairingCode')).fill('W'.repeat(32))
    await form.getByRole('button', { name: zh('setup.join') }).click()
    await form.getByText(zh('terminalSetup.wrongCode')).waitFor()
    await screenshot(page, 'terminal-setup-wrong-code')

    await form.getByLabel(zh('setup.pairingCode')).fill(code)
    await form.getByRole('button', { name: zh('setup.join') }).click()
    await page.getByText(zh('setup.joined', { dealer: dealerName })).waitFor()
    await page.getByText(zh('setup.joinedManual', { device: '前台5号机' })).waitFor()
    await screenshot(page, 'terminal-setup-joined')

    const text = readFileSync(terminalConfigPath(newPc.dataDir), 'utf8')
    expect(text).not.toContain(code)
    expect(text).toContain('sealed:v1:keyfile:')
    expect(JSON.parse(text)).toMatchObject({ hostUrl: dealer.url, deviceName: '前台5号机' })

    // The set-up screen shows the saved configuration with a way to forget it.
    await page.reload()
    await page.getByRole('tab', { name: zh('setup.tabTerminal') }).click()
    await page.getByText(zh('setup.savedTerminal')).waitFor()
    await page.getByRole('button', { name: zh('setup.forgetTerminal') }).waitFor()
    await screenshot(page, 'terminal-setup-saved')
    expect(session.problems).toEqual([])
  })

  it('starts a terminal from the saved file that reads the host’s data and hears its live changes', async () => {
    const loaded = loadTerminalConfig(newPc.dataDir, keyFileBox(newPc.dataDir))
    if (loaded.status !== 'ok') throw new Error(`saved configuration not usable: ${JSON.stringify(loaded)}`)
    expect(loaded.config.deviceToken).toBe(code)
    const terminal = createTerminalBackend({ hostUrl: loaded.config.hostUrl, deviceToken: loaded.config.deviceToken, log: () => {} })
    const heard: LiveEvent[] = []
    terminal.subscribe((event) => heard.push(event))
    try {
      const login = await terminal.dispatch('auth.login', { username: 'frontdesk', password: PASSWORD })
      if (!login.ok) throw new Error(login.message)
      const token = (login.data as { token: string }).token
      const settings = await terminal.dispatch('settings.get', {}, { token })
      expect(settings).toMatchObject({ ok: true, data: { dealerName: loaded.config.dealerName } })
      await expect.poll(() => terminal.streaming, { timeout: 10_000 }).toBe(true)
      const advisor = await apiLogin(dealer.url, 'advisor1', PASSWORD)
      const { ro } = await checkInFreeVehicle(dealer.url, advisor, { concerns: '工作站联调：异响', kmDriven: 120, fuelEighths: 4 })
      await expect.poll(() => heard.some((e) => e.id === ro.id), { timeout: 5_000 }).toBe(true)
    } finally {
      terminal.close()
    }
  })

  it('forgets the saved host from the set-up screen', async () => {
    const { page } = session
    await page.getByRole('button', { name: zh('setup.forgetTerminal') }).click()
    await page.locator('.ant-popconfirm').getByRole('button', { name: zh('setup.forgetTerminal') }).click()
    await page.getByText(zh('setup.forgotten')).waitFor()
    expect(loadTerminalConfig(newPc.dataDir, keyFileBox(newPc.dataDir))).toEqual({ status: 'none' })
  })

  it('gives the front-desk supervisor the audit and login history from their own menu', async () => {
    const browser = await openBrowser(dealer.url)
    try {
      const { page } = browser
      await logIn(page, 'frontdesk', PASSWORD)
      const nav = page.getByRole('navigation')
      expect(await nav.getByText(zh('nav.dataAdmin')).count()).toBe(0)
      await nav.getByText(zh('nav.audit')).click()
      await page.getByText(zh('auditScreen.intro')).waitFor()
      // The check-in above, by its name and readable detail, never the stored JSON.
      await page.getByRole('cell', { name: zh('audit.action.ro.checkIn') }).first().waitFor()
      const cells = await page.locator('.ant-table-tbody td').allInnerTexts()
      expect(cells.some((c) => /[{"]/.test(c))).toBe(false)
      await screenshot(page, 'audit-frontdesk')
      await page.getByRole('tab', { name: zh('security.tab') }).click()
      await page.getByText(zh('security.outcome.success')).first().waitFor()
      await screenshot(page, 'audit-frontdesk-logins')
      expect(browser.problems).toEqual([])
    } finally {
      await browser.close()
    }
  })
})
