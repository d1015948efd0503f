import type { Page } from 'playwright-core'
import { zh } from './i18n'

export async function logIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/')
  const form = page.getByRole('form', { name: zh('login.title') })
  await form.getByLabel(zh('field.username')).fill(username)
  await form.getByLabel(zh('field.password')).fill(password)
  await form.getByRole('button', { name: zh('login.submit') }).click()
  await page.getByRole('navigation').getByText(zh('nav.reception')).waitFor()
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
