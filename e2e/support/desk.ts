import type { Locator, Page } from 'playwright-core'
import { zh } from './i18n'
import { apiLogin } from './api'
import type { HostAndBrowser } from './fixture'

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/')
  const form = page.getByRole('form', { name: zh('login.title') })
  await form.getByLabel(zh('field.username')).fill(username)
  await form.getByLabel(zh('field.password')).fill(password)
  await form.getByRole('button', { name: zh('login.submit') }).click()
  await page.getByRole('navigation').getByText(zh('nav.reception')).waitFor()
}

/** The spec's page logged in as `username` on the desk, and an API token of the same user. */
export async function signIn(env: HostAndBrowser, username: string, password: string): Promise<{ page: Page; token: string }> {
  const page = env.session.page
  const token = await apiLogin(env.host.url, username, password)
  await logIn(page, username, password)
  return { page, token }
}

/** Picks an option of an antd remote select: type, wait for the option, choose it. */
export async function pickFromSelect(page: Page, label: string, query: string, optionText: string): Promise<void> {
  const box = page.getByRole('combobox', { name: label })
  await box.click()
  await box.fill(query)
  const option = page.locator('.ant-select-item-option').filter({ hasText: optionText }).first()
  await option.waitFor()
  await option.click()
}

/** The id in `#/ro/<id>` once the repair-order screen shows. */
export async function currentRoId(page: Page): Promise<number> {
  await page.waitForURL(/#\/ro\/\d+$/)
  return Number(/#\/ro\/(\d+)/.exec(page.url())?.[1])
}

/**
 * Opens a call task from a call list by its plate (the list's filter, then Enter) and times a call
 * on it (started, ended): the call dialog, titled `title`, waiting for the outcome.
 */
export async function openCallByPlate(page: Page, plate: string, title: string): Promise<Locator> {
  await page.getByLabel(zh('care.filter')).fill(plate)
  await page.getByLabel(zh('care.filter')).press('Enter')
  const dialog = page.getByRole('dialog')
  await dialog.getByText(title).waitFor()
  await dialog.getByRole('button', { name: zh('care.call.start') }).click()
  await dialog.getByRole('button', { name: zh('care.call.end') }).click()
  return dialog
}
