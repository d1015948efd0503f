import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, type Channel } from '../../shared/contract'
import { ROLES, ROLE_PERMISSIONS, type Permission, type Role } from '../../shared/domain/roles'
import { makeTestApp, registerVehicle, type TestApp } from '../test-support/test-app'
import { dbFingerprint, testVin, vinWithBadCheckDigit } from '../test-support/fixtures'

// Cross-cutting guarantees of the one API door, checked for every channel of the contract.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp()
})
afterAll(() => t.close())

const channels = Object.keys(contract) as Channel[]
const gated = channels.filter((c) => !['public', 'session'].includes(contract[c].access))

function roleWithout(permission: Permission): Role | undefined {
  return ROLES.find((role) => !ROLE_PERMISSIONS[role].includes(permission))
}

describe('sessions and permissions', () => {
  it.each(channels.filter((c) => contract[c].access !== 'public'))('%s refuses a call without a session', async (channel) => {
    const result = await t.callRaw(null, channel, {})
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  it.each(channels.filter((c) => contract[c].access !== 'public'))('%s refuses an unknown token', async (channel) => {
    const result = await t.callRaw({ token: 'not-a-real-token' }, channel, {})
    expect(result).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' })
  })

  const refusable = gated.filter((c) => roleWithout(contract[c].access as Permission))
  it.each(refusable)('%s refuses a logged-in role without its permission', async (channel) => {
    const permission = contract[channel].access as Permission
    const role = roleWithout(permission)!
    const before = dbFingerprint(t.app.store)
    const result = await t.callRaw(role, channel, {})
    expect(result, `${role} lacks ${permission}`).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })

  it('opens no write to every role: a channel no role is refused is a read', () => {
    const everybodys = gated.filter((c) => !roleWithout(contract[c].access as Permission))
    expect(everybodys.filter((c) => contract[c].kind === 'write')).toEqual([])
  })

  it('names the missing permission in the person\'s language', async () => {
    const zh = await t.call('technician', 'customers.create', { name: '张三' })
    expect(zh.ok === false && zh.message).toMatch(/没有权限/)
    const en = await t.call('technician', 'customers.create', { name: '张三' }, { locale: 'en' })
    expect(en.ok === false && en.message).toMatch(/permission/i)
  })
})

describe('files that leave the app', () => {
  const isFile = (c: Channel) => {
    const output = contract[c].output
    return output instanceof z.ZodObject && 'base64' in output.shape && 'fileName' in output.shape
  }

  it('declares every channel that answers with a file as an export, so the file is audited', () => {
    const files = channels.filter(isFile)
    expect(files.length).toBeGreaterThanOrEqual(4)
    expect(files.filter((c) => contract[c].kind !== 'export')).toEqual([])
    expect(channels.filter((c) => contract[c].kind === 'export' && !isFile(c))).toEqual([])
  })

  it('records who took which file with its rows, and nothing for a refused export', async () => {
    const count = () => t.app.store.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE channel = 'audit.export'").get() as { n: number }
    const before = count().n
    const refused = await t.call('service_advisor', 'audit.export', {})
    expect(refused.ok).toBe(false)
    expect(count().n).toBe(before)
    const taken = await t.call('service_manager', 'audit.export', {})
    expect(taken.ok).toBe(true)
    const file = taken.ok ? (taken.data as { fileName: string; rows: number }) : null
    const row = t.app.store.sqlite
      .prepare("SELECT user_id, action, detail FROM audit_log WHERE channel = 'audit.export' ORDER BY id DESC LIMIT 1")
      .get() as { user_id: number; action: string; detail: string }
    expect(count().n).toBe(before + 1)
    expect(row.action).toBe('audit.export')
    expect(row.user_id).toBeGreaterThan(0)
    expect(JSON.parse(row.detail)).toMatchObject({ fileName: file!.fileName, rows: file!.rows })
  })
})

describe('input validation', () => {
  it.each(channels)('%s refuses an unknown field, naming it', async (channel) => {
    const before = dbFingerprint(t.app.store)
    const result = await t.callRaw('administrator', channel, { surpriseField: 1 })
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' })
    const fields = result.ok ? [] : (result.details?.fields ?? []).map((f) => f.field)
    expect(fields).toContain('surpriseField')
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })

  const cases: { name: string; channel: Channel; input: () => unknown; field: string; zh: RegExp; en: RegExp }[] = [
    { name: 'a missing required field', channel: 'customers.create', input: () => ({ mobile: '13812345678' }), field: 'name', zh: /名称.*必填/, en: /Name.*required/i },
    { name: 'a wrong type', channel: 'ro.list', input: () => ({ limit: 'ten' }), field: 'limit', zh: /类型不正确/, en: /type/i },
    { name: 'a text that is too long', channel: 'customers.create', input: () => ({ name: '长'.repeat(101) }), field: 'name', zh: /最多 100 个字符/, en: /100/ },
    {
      name: 'a VIN with a wrong check digit',
      channel: 'vehicles.register',
      input: () => ({ vin: vinWithBadCheckDigit(400001), make: '大众', model: '朗逸', newOwner: { name: '张三' } }),
      field: 'vin',
      zh: /校验位/,
      en: /check digit/,
    },
    {
      name: 'a bad plate',
      channel: 'vehicles.register',
      input: () => ({ vin: testVin(400002), plate: 'XA12345', make: '大众', model: '朗逸', newOwner: { name: '张三' } }),
      field: 'plate',
      zh: /车牌格式不正确/,
      en: /plate/i,
    },
    { name: 'a bad mobile', channel: 'customers.create', input: () => ({ name: '张三', mobile: '1381234' }), field: 'mobile', zh: /电话号码格式不正确/, en: /phone/i },
    {
      name: 'a bad nested field',
      channel: 'vehicles.register',
      input: () => ({ vin: testVin(400003), make: '大众', model: '朗逸', newOwner: { name: '张三', mobile: '12345' } }),
      field: 'newOwner.mobile',
      zh: /电话号码格式不正确/,
      en: /phone/i,
    },
    {
      name: 'a bad value in a list',
      channel: 'ro.saveLines',
      input: () => ({ id: 1, version: 1, lines: [{ kind: 'labour', description: '工时', quantityMilli: 1.5, unitPriceFen: 100, payer: 'customer' }] }),
      field: 'lines.0.quantityMilli',
      zh: /整数/,
      en: /integer|whole/i,
    },
  ]

  it.each(cases)('refuses $name with VALIDATION naming the field, in Chinese or English, changing nothing', async (c) => {
    const before = dbFingerprint(t.app.store)
    const zh = await t.callRaw('administrator', c.channel, c.input())
    expect(zh).toMatchObject({ ok: false, code: 'VALIDATION' })
    if (zh.ok) return
    expect(zh.details?.fields?.map((f) => f.field)).toContain(c.field)
    expect(zh.message).toMatch(c.zh)
    const en = await t.callRaw('administrator', c.channel, c.input(), { locale: 'en' })
    expect(en.ok === false && en.message).toMatch(c.en)
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })
})

describe('control characters', () => {
  // Every string property of every channel's input, with a NUL in front: VALIDATION naming that
  // field, never INTERNAL (the kit throws on INTERNAL) and nothing written.
  const stringFields = (channel: Channel): string[] => {
    const schema = z.toJSONSchema(contract[channel].input, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, { type?: string | string[]; anyOf?: { type?: string }[] }>
    }
    return Object.entries(schema.properties ?? {})
      .filter(([, p]) => p.type === 'string' || (Array.isArray(p.type) && p.type.includes('string')) || p.anyOf?.some((a) => a.type === 'string'))
      .map(([name]) => name)
  }
  const withText = channels.flatMap((channel) => stringFields(channel).map((field) => ({ channel, field })))

  it('finds text fields to try on most areas of the contract', () => {
    expect(new Set(withText.map((c) => c.channel.split('.')[0])).size).toBeGreaterThan(8)
  })

  it.each(withText)('$channel refuses a NUL-led $field, naming it', async ({ channel, field }) => {
    const before = dbFingerprint(t.app.store)
    const result = await t.callRaw('administrator', channel, { [field]: '\u0000abc' })
    expect(result).toMatchObject({ ok: false, code: 'VALIDATION' })
    expect(result.ok ? [] : (result.details?.fields ?? []).map((f) => f.field)).toContain(field)
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })

  it('allows tab and newline in multi-line text but not in a one-line field, and refuses other controls anywhere', async () => {
    const vehicle = await registerVehicle(t, { serial: 400020, plate: '晋A40020' })
    const concerns = '1. 异响\n2.\t刹车软'
    const ro = await t.ok('service_advisor', 'ro.checkIn', { vehicleId: vehicle.id, type: 'repair', odometerKm: 12_000, fuelEighths: 4, concerns })
    expect(ro.concerns).toBe(concerns)
    const name = await t.callRaw('service_advisor', 'customers.create', { name: '张\n三' }, { locale: 'en' })
    expect(name).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'name' }] } })
    expect(name.ok === false && name.message).toMatch(/control characters/)
    for (const bad of ['\u0007', '\u001b[2J', '\u007f', '\u0085']) {
      const multi = await t.callRaw('service_advisor', 'ro.checkIn', { vehicleId: vehicle.id, type: 'repair', odometerKm: 12_000, fuelEighths: 4, concerns: `异响${bad}` })
      expect(multi).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'concerns' }] } })
    }
    const nested = await t.callRaw('service_advisor', 'vehicles.register', { vin: testVin(400021), make: '大众', model: '朗逸', newOwner: { name: '\u0000李四' } })
    expect(nested).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [{ field: 'newOwner.name' }] } })
  })
})

describe('concurrency and language', () => {
  it('refuses a stale repair-order update with CONFLICT', async () => {
    const vehicle = await registerVehicle(t, { serial: 400010, plate: '晋A40010' })
    const ro = await t.ok('service_advisor', 'ro.checkIn', { vehicleId: vehicle.id, type: 'repair', odometerKm: 12_000, fuelEighths: 4, concerns: '异响' })
    const line = { kind: 'labour' as const, description: '检查', quantityMilli: 1000, unitPriceFen: 10000, payer: 'customer' as const }
    await t.ok('service_advisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [line] })
    const before = dbFingerprint(t.app.store)
    const stale = await t.call('front_desk_supervisor', 'ro.saveLines', { id: ro.id, version: ro.version, lines: [line, line] })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(stale.ok === false && stale.message).toBe('该单据已被他人修改，请刷新后重试')
    expect(dbFingerprint(t.app.store)).toEqual(before)
  })

  it('answers in Chinese by default and in English on request', async () => {
    expect(await t.callRaw(null, 'auth.me', {})).toMatchObject({ message: '请先登录' })
    expect(await t.callRaw(null, 'auth.me', {}, { locale: 'en' })).toMatchObject({ message: 'Please log in first' })
    const zh = await t.call('service_advisor', 'customers.get', { id: 99_999 })
    expect(zh).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到客户' })
    const en = await t.call('service_advisor', 'customers.get', { id: 99_999 }, { locale: 'en' })
    expect(en.ok === false && en.message).toMatch(/customer/)
  })

  it('refuses an unknown channel', async () => {
    expect(await t.callRaw('administrator', 'ro.teleport', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' })
  })
})
