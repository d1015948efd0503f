import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditActionLabel, describeAuditDetail } from '../../shared/format/audit-detail'
import { isMessageKey, LOCALES, looksLikeKey, translate } from '../../shared/i18n'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { collectAuditActions, collectAuditEntities, collectDetailKeys } from './audit-actions.test-support'

// Every audit row reads as words in both languages: each action code the main process can write
// has its catalog name, each detail field a label, and no row shows the stored JSON.

const RAW = /[{}[\]"]/
const keyLike = (text: string) => text.split(/[\s：:；;，,、()（）→]+/).filter((word) => looksLikeKey(word))

function expectReadable(text: string, context: string) {
  expect(text, context).not.toMatch(RAW)
  expect(keyLike(text), context).toEqual([])
}

describe('the audit catalogs', () => {
  const { actions, unexpanded } = collectAuditActions()

  it('find the codes the main process writes (literal, template-built and by channel)', () => {
    expect(unexpanded).toEqual([])
    expect(actions).toEqual(expect.arrayContaining(['ro.checkIn', 'ro.settle', 'stock.issue', 'alert.snooze', 'terminal.join', 'devices.pair', 'workshop.additional.approve']))
    expect(actions.length).toBeGreaterThan(100)
  })

  it('name every action code in both languages', () => {
    const missing = actions.filter((code) => !isMessageKey(`audit.action.${code}`))
    expect(missing).toEqual([])
    for (const locale of LOCALES) {
      for (const code of actions) {
        const label = auditActionLabel(code, locale)
        expect(label.length, `${locale} ${code}`).toBeGreaterThan(0)
        expect(label, `${locale} ${code}`).not.toBe(code)
      }
    }
  })

  it('name every kind of object an entry is about', () => {
    expect(collectAuditEntities().filter((entity) => !isMessageKey(`audit.entity.${entity}`))).toEqual([])
  })

  it('label every field a detail is written with', () => {
    const unlabelled = collectDetailKeys().filter(
      (key) => !['before', 'after', 'input', 'params'].includes(key) && !isMessageKey(`audit.field.${key}`) && !isMessageKey(`field.${key}`),
    )
    expect(unlabelled).toEqual([])
  })
})

describe('an audit row’s detail', () => {
  it('reads money in yuan, quantities and rates as decimals, and states and roles by name', () => {
    const detail = JSON.stringify({ amountFen: 123450, quantityMilli: 1500, rateBp: 1300, before: 'in_progress', after: 'quality_check', role: 'cashier', wash: true })
    const zh = (key: string) => translate('zh-CN', key)
    expect(describeAuditDetail(detail, 'zh-CN')).toBe(
      `状态：维修中 → 质检；${zh('field.amountFen')}：¥1,234.50；${zh('field.quantityMilli')}：1.5；${zh('audit.field.rateBp')}：13%；${zh('field.role')}：收银员；${zh('field.wash')}：是`,
    )
    expect(describeAuditDetail(detail, 'en')).toMatch(/^State: In progress → Quality check; .*¥1,234.50/)
  })

  it('shows of a before/after pair only what changed', () => {
    const detail = JSON.stringify({ before: { displayName: '王芳', role: 'service_advisor', active: true }, after: { displayName: '王芳', role: 'cashier', active: false } })
    expect(describeAuditDetail(detail, 'zh-CN')).toBe(
      `${translate('zh-CN', 'field.role')}：${translate('zh-CN', 'role.service_advisor')} → ${translate('zh-CN', 'role.cashier')}；${translate('zh-CN', 'field.active')}：是 → 否`,
    )
  })

  it('counts fields it has no label for instead of showing them, and says when an entry was shortened', () => {
    expect(describeAuditDetail(JSON.stringify({ zzUnknown: 1, yyUnknown: { a: 1 } }), 'en')).toBe('2 more fields')
    expect(describeAuditDetail('{"amountFen": 12', 'zh-CN')).toBe(translate('zh-CN', 'audit.detailTooLong'))
    expect(describeAuditDetail(null, 'zh-CN')).toBe('')
  })

  it('never renders raw JSON or a catalog key for any field the main process writes, in any shape', () => {
    const keys = collectDetailKeys()
    const samples = [1, 0, -250, true, null, 'ok', 'estimate', ['a', 'b'], [{ x: 1 }], { nested: 1 }, 'roState.settled']
    for (const locale of LOCALES) {
      for (const key of keys) {
        for (const value of samples) {
          expectReadable(describeAuditDetail(JSON.stringify({ [key]: value }), locale), `${locale} ${key}=${JSON.stringify(value)}`)
          expectReadable(describeAuditDetail(JSON.stringify({ input: { [key]: value } }), locale), `${locale} input.${key}`)
          expectReadable(describeAuditDetail(JSON.stringify({ before: { [key]: value }, after: { [key]: 'x' } }), locale), `${locale} before/after ${key}`)
        }
      }
    }
  })
})

describe('the rows real writes leave behind', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await makeTestApp({ roles: ['service_manager', 'service_advisor'] })
    await t.ok('administrator', 'settings.update', { vatRateBp: 900, labourRateFen: 12000, dealerName: '测试汽车销售服务有限公司二店' })
    const user = await t.ok('administrator', 'users.create', { username: 'cashier2', displayName: '韩雪', role: 'cashier', password: 'cashier-pass-1' })
    await t.ok('administrator', 'users.update', { id: user.id, role: 'parts_clerk', active: false })
    const device = await t.ok('administrator', 'devices.pair', { name: '前台2号机' })
    await t.ok('administrator', 'devices.revoke', { id: device.id })
    await t.ok('service_manager', 'auth.setLocale', { locale: 'en' })
  })
  afterAll(() => t.close())

  it('read as words in both languages, action and detail', async () => {
    const log = await t.ok('administrator', 'audit.log', { limit: 500 })
    expect(log.rows.length).toBeGreaterThan(5)
    for (const locale of LOCALES) {
      for (const row of log.rows) {
        expect(auditActionLabel(row.action, locale), row.action).not.toBe(row.action)
        expectReadable(describeAuditDetail(row.detail, locale), `${locale} ${row.action} ${row.detail}`)
      }
    }
    const settings = log.rows.find((r) => r.action === 'settings.update')
    expect(describeAuditDetail(settings?.detail ?? null, 'zh-CN')).toContain('¥120.00')
    expect(describeAuditDetail(JSON.stringify({ type: 'repair', odometer: { before: 76744, after: 76864 } }), 'zh-CN')).toBe(
      `${translate('zh-CN', 'field.type')}：${translate('zh-CN', 'roType.repair')}；${translate('zh-CN', 'audit.field.odometer')}：76744 → 76864`,
    )
  })
})
