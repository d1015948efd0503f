import { describe, expect, it } from 'vitest'
import { hostAndBrowser } from './support/fixture'
import { screenshot } from './support/browser'
import { zh } from './support/i18n'

describe('first run on an empty data directory', () => {
  const env = hostAndBrowser()

  it('asks for the dealership and administrator, then lets the administrator log in', async () => {
    const { page } = env.session
    await page.goto('/')
    await page.getByText(zh('setup.title')).waitFor()
    const form = page.getByRole('form', { name: zh('setup.tabDealer') })

    await form.getByLabel(zh('field.dealerName')).fill('广州测试汽车4S店')
    await form.getByLabel(zh('field.dealerCode')).fill('GZ-01')
    await form.getByLabel(zh('field.username')).fill('admin')
    await form.getByLabel(zh('field.displayName')).fill('王管理')
    await form.getByLabel(zh('field.password'), { exact: true }).fill('s3cret-pass')
    await form.getByLabel(zh('field.password2')).fill('s3cret-pas')
    await form.getByRole('button', { name: zh('setup.create') }).click()
    // The confirmation is checked before anything is sent.
    await form.getByText(zh('form.passwordMismatch')).waitFor()
    await form.getByLabel(zh('field.password2')).fill('s3cret-pass')
    await screenshot(page, 'first-run-setup')
    await form.getByRole('button', { name: zh('setup.create') }).click()

    const login = page.getByRole('form', { name: zh('login.title') })
    await login.waitFor()
    expect(await login.getByLabel(zh('field.username')).inputValue()).toBe('admin')
    await page.getByText('广州测试汽车4S店').first().waitFor()
    await login.getByLabel(zh('field.password')).fill('wrong-password')
    await login.getByRole('button', { name: zh('login.submit') }).click()
    await login.getByText(zh('error.BAD_CREDENTIALS')).waitFor()
    await screenshot(page, 'first-run-login')

    await login.getByLabel(zh('field.password')).fill('s3cret-pass')
    await login.getByRole('button', { name: zh('login.submit') }).click()
    await page.getByRole('banner').getByText('王管理').waitFor()
    // The administrator lands on their own home (data administration), then opens the desk.
    await page.getByRole('tab', { name: zh('data.tab.backup') }).waitFor()
    await page.getByRole('navigation').getByText(zh('nav.reception')).click()
    await expect.poll(() => page.getByRole('combobox', { name: zh('desk.searchLabel') }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await screenshot(page, 'first-run-desk')
    expect(env.session.problems).toEqual([])
  })
})

describe('trying the demo on an empty data directory', () => {
  const env = hostAndBrowser()

  it('creates the demo dealership and lists the demo users, who log in with the chosen password', async () => {
    const { page } = env.session
    await page.goto('/')
    await page.getByRole('tab', { name: zh('setup.tabDemo') }).click()
    const form = page.getByRole('form', { name: zh('setup.tabDemo') })
    await form.getByLabel(zh('field.password'), { exact: true }).fill('demo-pass-1')
    await form.getByLabel(zh('field.password2')).fill('demo-pass-1')
    await form.getByRole('button', { name: zh('setup.demoCreate') }).click()

    const users = page.getByRole('table')
    await users.getByText('advisor1').waitFor({ timeout: 60_000 })
    await users.getByText(zh('role.service_advisor')).first().waitFor()
    await screenshot(page, 'first-run-demo-users')

    await page.getByRole('button', { name: zh('setup.toLogin') }).click()
    const login = page.getByRole('form', { name: zh('login.title') })
    expect(await login.getByLabel(zh('field.username')).inputValue()).toBe('advisor1')
    await login.getByLabel(zh('field.password')).fill('demo-pass-1')
    await login.getByRole('button', { name: zh('login.submit') }).click()
    await page.getByRole('banner').getByText(zh('role.service_advisor')).waitFor()
    expect(env.session.problems).toEqual([])
  })
})
