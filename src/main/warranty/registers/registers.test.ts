import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import ExcelJS from 'exceljs'
import { REGISTER_ACTIONS, REGISTER_STATES, REGISTER_TRANSITIONS, type RegisterAction, type RegisterState } from '../../../shared/domain/warranty-register'
import { makeTestApp, type TestApp } from '../../test-support/test-app'
import { claimInput, warrantyRo } from '../test-warranty'

// The registers with the maker: over-authority requests and quality feedback reports, every legal
// and illegal move of their flow, the status log, versions, permissions and the audit trail; and the
// pre-check's authority rule a claim above the dealer's authority meets.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'service_manager', 'cashier'] })
})
afterAll(() => t.close())

const auditOf = (id: number) =>
  t.app.store.sqlite.prepare(`SELECT action, user_id, detail FROM audit_log WHERE entity = 'warranty_register' AND entity_id = ? ORDER BY id`).all(String(id)) as {
    action: string
    user_id: number
    detail: string
  }[]

async function overAuthority(requestedFen = 800_000, extra: { claimNumber?: string } = {}) {
  const ro = await warrantyRo(t)
  const entry = await t.ok('warranty_clerk', 'warranty.register.save', { kind: 'over_authority', roNumber: ro.roNumber, requestedFen, note: '更换变速箱总成，超出授权额度', ...extra })
  return { ro, entry }
}

/** Brings a fresh over-authority request to `state` along the shortest legal path. */
async function entryIn(state: RegisterState) {
  const { entry } = await overAuthority()
  const paths: Record<RegisterState, RegisterAction[]> = {
    draft: [],
    submitted: ['submit'],
    approved: ['submit', 'approve'],
    returned: ['submit', 'return'],
    rejected: ['submit', 'reject'],
    resubmitted: ['submit', 'return', 'submit'],
    closed: ['submit', 'approve', 'close'],
  }
  let current = entry
  for (const action of paths[state]) current = await t.ok('warranty_clerk', 'warranty.register.move', { id: current.id, version: current.version, action, reason: '厂家意见' })
  expect(current.state).toBe(state)
  return current
}

describe('the registers', () => {
  it('numbers each kind in its own series and names the RO, the vehicle and the claim', async () => {
    const { ro, entry } = await overAuthority()
    expect(entry).toMatchObject({ kind: 'over_authority', state: 'draft', roNumber: ro.roNumber, requestedFen: 800_000, approvedFen: null, version: 1, actions: ['submit'] })
    expect(entry.number).toMatch(/^CQ2026\d{6}$/)
    const report = await t.ok('warranty_clerk', 'warranty.register.save', {
      kind: 'quality_feedback',
      vin: entry.vin,
      partText: '6R0-959-801',
      failure: '车窗升降器导轨断裂',
      occurrences: 3,
      severity: 'function',
    })
    expect(report.number).toMatch(/^ZL2026000001$/)
    expect(report).toMatchObject({ roNumber: null, vin: entry.vin, occurrences: 3, severity: 'function', requestedFen: null })
    const claim = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
    const linked = await t.ok('warranty_clerk', 'warranty.register.save', { kind: 'over_authority', claimNumber: claim.number, requestedFen: 600_000 })
    expect(linked).toMatchObject({ claimId: claim.id, claimNumber: claim.number, roNumber: ro.roNumber })
    const list = await t.ok('warranty_clerk', 'warranty.register.list', { kind: 'quality_feedback' })
    expect(list.map((r) => r.id)).toContain(report.id)
    expect(list.every((r) => r.kind === 'quality_feedback')).toBe(true)
    expect((await t.ok('warranty_clerk', 'warranty.register.list', { q: claim.number })).map((r) => r.id)).toEqual([linked.id])
  })

  it('refuses an entry without a vehicle, with an unknown RO or VIN, a mismatch, or without its kind’s content, naming the field', async () => {
    const { ro } = await overAuthority()
    const field = async (input: Parameters<typeof t.call<'warranty.register.save'>>[2]) => {
      const answer = await t.call('warranty_clerk', 'warranty.register.save', input, { locale: 'en' })
      expect(answer.ok).toBe(false)
      return answer.ok ? null : { code: answer.code, message: answer.message, field: (answer.details as { fields?: { field: string }[] } | undefined)?.fields?.[0]?.field }
    }
    expect(await field({ kind: 'over_authority', requestedFen: 1 })).toMatchObject({ code: 'VALIDATION', field: 'roNumber', message: 'Enter an RO number or a VIN' })
    expect(await field({ kind: 'over_authority', roNumber: 'RO0000', requestedFen: 1 })).toMatchObject({ field: 'roNumber', message: expect.stringContaining('RO0000') })
    expect(await field({ kind: 'over_authority', vin: 'LSVXX0000000ZZZZZ', requestedFen: 1 })).toMatchObject({ field: 'vin' })
    const other = await warrantyRo(t)
    const otherVin = (await t.ok('warranty_clerk', 'warranty.register.save', { kind: 'over_authority', roNumber: other.roNumber, requestedFen: 1 })).vin
    expect(await field({ kind: 'over_authority', roNumber: ro.roNumber, vin: otherVin, requestedFen: 1 })).toMatchObject({ field: 'vin' })
    expect(await field({ kind: 'over_authority', roNumber: ro.roNumber })).toMatchObject({ field: 'requestedFen' })
    expect(await field({ kind: 'quality_feedback', roNumber: ro.roNumber, failure: '异响' })).toMatchObject({ field: 'severity' })
    expect(await field({ kind: 'quality_feedback', roNumber: ro.roNumber, severity: 'safety' })).toMatchObject({ field: 'failure' })
    expect(await field({ kind: 'quality_feedback', roNumber: ro.roNumber, severity: 'safety', failure: '异响', claimNumber: 'SP1' })).toMatchObject({ field: 'claimNumber' })
  })

  it('allows every move of the transition table and logs who, when and why', async () => {
    for (const from of REGISTER_STATES) {
      for (const action of REGISTER_ACTIONS) {
        const to = REGISTER_TRANSITIONS[from][action]
        if (!to) continue
        const entry = await entryIn(from)
        const moved = await t.ok('warranty_clerk', 'warranty.register.move', { id: entry.id, version: entry.version, action, reason: '厂家意见', makerRef: 'M-1' })
        expect({ from, action, to: moved.state }).toEqual({ from, action, to })
        expect(moved.version).toBe(entry.version + 1)
        const last = moved.log.at(-1)!
        expect(last).toMatchObject({ fromState: from, toState: to, reason: '厂家意见' })
        expect(last.user.length).toBeGreaterThan(0)
        const audit = auditOf(entry.id).at(-1)!
        expect(audit.action).toBe(`warranty.register.${action}`)
        expect(audit.user_id).toBe(t.userIds.warranty_clerk)
        expect(JSON.parse(audit.detail)).toMatchObject({ before: from, after: to, reason: '厂家意见' })
      }
    }
  })

  it('refuses every move the table does not list, leaving the entry as it was', async () => {
    for (const from of REGISTER_STATES) {
      const entry = await entryIn(from)
      for (const action of REGISTER_ACTIONS) {
        if (REGISTER_TRANSITIONS[from][action]) continue
        const answer = await t.call('warranty_clerk', 'warranty.register.move', { id: entry.id, version: entry.version, action, reason: '厂家意见' }, { locale: 'en' })
        expect({ from, action, code: answer.ok ? 'ok' : answer.code }).toEqual({ from, action, code: 'INVALID_STATE' })
        if (!answer.ok) expect(answer.message).toContain(entry.number)
      }
      const after = await t.ok('warranty_clerk', 'warranty.register.get', { id: entry.id })
      expect(after).toMatchObject({ state: from, version: entry.version })
    }
  })

  it('needs a reason to return, reject or close, and approves at most the amount requested (default: all of it)', async () => {
    const submitted = await entryIn('submitted')
    for (const action of ['return', 'reject'] as const) {
      const answer = await t.call('warranty_clerk', 'warranty.register.move', { id: submitted.id, version: submitted.version, action })
      expect(answer.ok ? 'ok' : answer.code).toBe('VALIDATION')
    }
    const over = await t.call('warranty_clerk', 'warranty.register.move', { id: submitted.id, version: submitted.version, action: 'approve', approvedFen: 800_001 })
    expect(over.ok ? 'ok' : over.code).toBe('VALIDATION')
    const approved = await t.ok('warranty_clerk', 'warranty.register.move', { id: submitted.id, version: submitted.version, action: 'approve', makerRef: 'SQ-88' })
    expect(approved).toMatchObject({ approvedFen: 800_000, makerRef: 'SQ-88' })
    expect(JSON.parse(auditOf(submitted.id).at(-1)!.detail)).toMatchObject({ approvedFen: 800_000, makerRef: 'SQ-88' })
    const close = await t.call('warranty_clerk', 'warranty.register.move', { id: approved.id, version: approved.version, action: 'close' })
    expect(close.ok ? 'ok' : close.code).toBe('VALIDATION')
    const noNote = await t.ok('warranty_clerk', 'warranty.register.save', { kind: 'over_authority', vin: approved.vin, requestedFen: 5 })
    const refused = await t.call('warranty_clerk', 'warranty.register.move', { id: noNote.id, version: noNote.version, action: 'submit' }, { locale: 'en' })
    expect(refused.ok ? null : [refused.code, refused.message]).toEqual(['VALIDATION', expect.stringContaining('reason for the request')])
  })

  it('edits only in draft or returned, refuses a stale version, and deletes only a draft', async () => {
    const draft = await entryIn('draft')
    const edited = await t.ok('warranty_clerk', 'warranty.register.save', { id: draft.id, version: draft.version, kind: 'over_authority', vin: draft.vin, requestedFen: 900_000, note: '改为 9000 元' })
    expect(edited).toMatchObject({ requestedFen: 900_000, version: draft.version + 1, roNumber: null })
    const stale = await t.call('warranty_clerk', 'warranty.register.save', { id: draft.id, version: draft.version, kind: 'over_authority', vin: draft.vin, requestedFen: 1 })
    expect(stale.ok ? 'ok' : stale.code).toBe('CONFLICT')
    const returned = await entryIn('returned')
    expect((await t.ok('warranty_clerk', 'warranty.register.save', { id: returned.id, version: returned.version, kind: 'over_authority', vin: returned.vin, requestedFen: 700_000, note: '按厂家意见修改' })).state).toBe('returned')
    for (const state of ['submitted', 'approved', 'closed'] as const) {
      const e = await entryIn(state)
      const edit = await t.call('warranty_clerk', 'warranty.register.save', { id: e.id, version: e.version, kind: 'over_authority', vin: e.vin, requestedFen: 1 })
      expect({ state, code: edit.ok ? 'ok' : edit.code }).toEqual({ state, code: 'INVALID_STATE' })
      const del = await t.call('warranty_clerk', 'warranty.register.delete', { id: e.id, version: e.version })
      expect({ state, code: del.ok ? 'ok' : del.code }).toEqual({ state, code: 'INVALID_STATE' })
    }
    const kind = await t.call('warranty_clerk', 'warranty.register.save', { id: edited.id, version: edited.version, kind: 'quality_feedback', vin: draft.vin, severity: 'safety', failure: '异响' })
    expect(kind.ok ? 'ok' : kind.code).toBe('VALIDATION')
    await t.ok('warranty_clerk', 'warranty.register.delete', { id: edited.id, version: edited.version })
    expect((await t.call('warranty_clerk', 'warranty.register.get', { id: edited.id })).ok).toBe(false)
    expect(auditOf(edited.id).map((a) => a.action)).toEqual(['warranty.register.create', 'warranty.register.update', 'warranty.register.delete'])
  })

  it('lets only warranty.read read and only warranty.write write', async () => {
    const entry = await entryIn('draft')
    expect((await t.call('cashier', 'warranty.register.list', {})).ok ? 'ok' : 'refused').toBe('refused')
    const read = await t.call('cashier', 'warranty.register.get', { id: entry.id })
    expect(read.ok ? 'ok' : read.code).toBe('FORBIDDEN')
    const exported = await t.call('cashier', 'warranty.register.export', {})
    expect(exported.ok ? 'ok' : exported.code).toBe('FORBIDDEN')
    const write = await t.call('service_advisor', 'warranty.register.save', { kind: 'over_authority', vin: entry.vin, requestedFen: 1 })
    expect(write.ok ? 'ok' : write.code).toBe('FORBIDDEN')
    const move = await t.call('service_advisor', 'warranty.register.move', { id: entry.id, version: entry.version, action: 'submit' })
    expect(move.ok ? 'ok' : move.code).toBe('FORBIDDEN')
    const del = await t.call('service_advisor', 'warranty.register.delete', { id: entry.id, version: entry.version })
    expect(del.ok ? 'ok' : del.code).toBe('FORBIDDEN')
    expect((await t.ok('service_manager', 'warranty.register.get', { id: entry.id })).state).toBe('draft')
  })

  it('exports the filtered register as XLSX with one row per entry, and audits the file', async () => {
    const rows = await t.ok('warranty_clerk', 'warranty.register.list', { kind: 'over_authority', state: 'approved' })
    expect(rows.length).toBeGreaterThan(0)
    const file = await t.ok('warranty_clerk', 'warranty.register.export', { kind: 'over_authority', state: 'approved' })
    expect(file.rows).toBe(rows.length)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(rows.length + 1)
    const numbers = new Set<string>()
    sheet.eachRow((row, i) => {
      if (i > 1) numbers.add(String(row.getCell(1).value))
    })
    expect(numbers).toEqual(new Set(rows.map((r) => r.number)))
    const audit = t.app.store.sqlite.prepare(`SELECT detail FROM audit_log WHERE action = 'warranty.register.export' ORDER BY id DESC LIMIT 1`).get() as { detail: string }
    expect(JSON.parse(audit.detail)).toMatchObject({ fileName: file.fileName, rows: rows.length })
  })
})

describe('the pre-check rule authority', () => {
  /** A claim of ¥700.00 (the test repair) against an authority of `authorityFen`. */
  async function claimAbove(authorityFen: number) {
    t.app.store.sqlite.prepare(`UPDATE warranty_check_rules SET param = ? WHERE rule = 'authority'`).run(authorityFen)
    const ro = await warrantyRo(t)
    const claim = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
    const saved = await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(claim))
    expect(saved.totalFen).toBe(70_000)
    return { ro, claim: saved }
  }
  const authority = <F extends { rule: string }>(findings: F[]) => findings.filter((f) => f.rule === 'authority')
  async function approve(input: { claimNumber?: string; roNumber?: string }, requestedFen: number, approvedFen: number) {
    const entry = await t.ok('warranty_clerk', 'warranty.register.save', { kind: 'over_authority', requestedFen, note: '超出授权额度', ...input })
    const submitted = await t.ok('warranty_clerk', 'warranty.register.move', { id: entry.id, version: entry.version, action: 'submit' })
    return t.ok('warranty_clerk', 'warranty.register.move', { id: submitted.id, version: submitted.version, action: 'approve', approvedFen, makerRef: 'SQ-1' })
  }
  afterAll(() => t.app.store.sqlite.prepare(`UPDATE warranty_check_rules SET param = 500000 WHERE rule = 'authority'`).run())

  it('is seeded blocking at ¥5,000 and does not fire on a claim within the authority', async () => {
    const row = t.app.store.sqlite.prepare(`SELECT enabled, severity, param FROM warranty_check_rules WHERE rule = 'authority'`).get()
    expect(row).toEqual({ enabled: 1, severity: 'block', param: 500_000 })
    const { claim } = await claimAbove(500_000)
    expect(authority(claim.findings)).toEqual([])
    const { claim: exact } = await claimAbove(70_000)
    expect(authority(exact.findings)).toEqual([])
  })

  it('blocks a claim above the authority without an approved request, naming the total and how to fix it', async () => {
    const { claim } = await claimAbove(50_000)
    expect(authority(claim.findings)).toEqual([expect.objectContaining({ severity: 'block', field: 'totalFen' })])
    expect(authority(claim.findings)[0]!.text).toContain('¥700.00')
    expect(authority(claim.findings)[0]!.text).toContain('¥500.00')
    const check = await t.call('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version, overrides: [] }, { locale: 'en' })
    expect(check.ok ? null : [check.code, check.message]).toEqual(['VALIDATION', expect.stringContaining('over-authority request')])
  })

  it('still blocks while the request is only submitted, returned or rejected', async () => {
    const { claim } = await claimAbove(50_000)
    const entry = await t.ok('warranty_clerk', 'warranty.register.save', { kind: 'over_authority', claimNumber: claim.number, requestedFen: 80_000, note: '超出授权额度' })
    const submitted = await t.ok('warranty_clerk', 'warranty.register.move', { id: entry.id, version: entry.version, action: 'submit' })
    expect(authority((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).findings)).toHaveLength(1)
    await t.ok('warranty_clerk', 'warranty.register.move', { id: submitted.id, version: submitted.version, action: 'reject', reason: '不属于质量问题' })
    expect(authority((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).findings)).toHaveLength(1)
  })

  it('passes with an approved request linked to the claim for at least its total, and the claim can be checked', async () => {
    const { claim } = await claimAbove(50_000)
    await approve({ claimNumber: claim.number }, 80_000, 70_000)
    const now = await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })
    expect(authority(now.findings)).toEqual([])
    expect((await t.ok('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: now.version, overrides: [] })).state).toBe('checked')
  })

  it('passes with an approved request on the claim’s RO that names no other claim', async () => {
    const { ro, claim } = await claimAbove(50_000)
    await approve({ roNumber: ro.roNumber }, 100_000, 90_000)
    expect(authority((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).findings)).toEqual([])
  })

  it('blocks when the approved amount is below the claim total, naming the request and both amounts', async () => {
    const { claim } = await claimAbove(50_000)
    const entry = await approve({ claimNumber: claim.number }, 80_000, 60_000)
    const findings = authority((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).findings)
    expect(findings).toEqual([expect.objectContaining({ field: 'totalFen', severity: 'block' })])
    expect(findings[0]!.text).toContain(entry.number)
    expect(findings[0]!.text).toContain('¥600.00')
  })

  it('does not count a request approved for another claim on the same RO; a request closed after approval still counts for its own claim', async () => {
    const { ro, claim } = await claimAbove(50_000)
    const other = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
    const forOther = await approve({ claimNumber: other.number }, 100_000, 100_000)
    expect(authority((await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })).findings)).toHaveLength(1)
    // Closed after approval: the approval still counts for its own claim.
    await t.ok('warranty_clerk', 'warranty.register.move', { id: forOther.id, version: forOther.version, action: 'close', reason: '已结案' })
    expect(authority((await t.ok('warranty_clerk', 'warranty.claim.get', { id: other.id })).findings)).toEqual([])
  })

  it('is off when disabled', async () => {
    t.app.store.sqlite.prepare(`UPDATE warranty_check_rules SET enabled = 0 WHERE rule = 'authority'`).run()
    const { claim } = await claimAbove(50_000)
    expect(authority(claim.findings)).toEqual([])
    t.app.store.sqlite.prepare(`UPDATE warranty_check_rules SET enabled = 1 WHERE rule = 'authority'`).run()
  })
})
