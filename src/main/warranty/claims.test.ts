import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLAIM_ACTIONS, CLAIM_STATES, CLAIM_TRANSITIONS, type ClaimAction, type ClaimState } from '../../shared/domain/warranty'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { claimInput, warrantyRo } from './test-warranty'

// Claims through the real dispatcher: built from an RO's warranty lines, the state machine with
// every legal and illegal move, the status log, optimistic versioning and the audit trail.

let t: TestApp

beforeAll(async () => {
  t = await makeTestApp({ roles: ['service_advisor', 'workshop_supervisor', 'parts_clerk', 'warranty_clerk', 'service_manager', 'cashier'] })
})
afterAll(() => t.close())

const auditActions = (claimId: number) =>
  (t.app.store.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'warranty_claim' AND entity_id = ? ORDER BY id`).all(String(claimId)) as { action: string }[]).map((a) => a.action)

async function newClaim() {
  const ro = await warrantyRo(t)
  const claim = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId })
  return { ro, claim }
}

/** A claim whose narrative is written out, so the pre-check passes. */
async function readyClaim() {
  const { ro, claim } = await newClaim()
  const saved = await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(claim))
  return { ro, claim: saved }
}

describe('building a claim from an RO', () => {
  it("takes the RO's warranty labour and parts, its mileage and concern, and the first part as causal part", async () => {
    const { ro, claim } = await newClaim()
    expect(claim).toMatchObject({ state: 'draft', claimType: 'general', mileageKm: 20_000, version: 1, labourFen: 20_000, partsFen: 50_000, totalFen: 70_000 })
    expect(claim.number).toMatch(/^SP2026\d{6}$/)
    expect(claim.ro.id).toBe(ro.roId)
    expect(claim.causalPart?.id).toBe(ro.partId)
    expect(claim.labour).toEqual([expect.objectContaining({ opCode: 'WX01', hoursMilli: 1000, rateFen: 20_000, amountFen: 20_000, standardHoursMilli: 1000 })])
    expect(claim.parts).toEqual([expect.objectContaining({ partId: ro.partId, quantityMilli: 1000, unitPriceFen: 50_000 })])
    expect(claim.log).toEqual([expect.objectContaining({ fromState: null, toState: 'draft', userName: expect.any(String) })])
    expect(auditActions(claim.id)).toEqual(['warranty.claim.create'])
  })

  it('allows several claims on one RO (one per causal part)', async () => {
    const { ro } = await newClaim()
    const second = await t.ok('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.roId, claimType: 'goodwill' })
    expect(second.claimType).toBe('goodwill')
    const list = await t.ok('warranty_clerk', 'warranty.claim.list', { q: ro.roNumber })
    expect(list).toHaveLength(2)
  })

  it('refuses an RO without warranty lines and an unknown RO', async () => {
    const ro = await t.ok('service_advisor', 'ro.checkIn', { vehicleId: (await warrantyRo(t)).vehicleId, type: 'repair', odometerKm: 30_000, fuelEighths: 4, concerns: '保养' })
    const none = await t.call('warranty_clerk', 'warranty.claim.fromRo', { roId: ro.id })
    expect(none).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    expect(await t.call('warranty_clerk', 'warranty.claim.fromRo', { roId: 999_999 })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('is for the warranty desk: an advisor and a cashier cannot build or read claims', async () => {
    const { ro } = await newClaim()
    expect(await t.call('service_advisor', 'warranty.claim.fromRo', { roId: ro.roId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await t.call('cashier', 'warranty.claim.list', {})).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the way of a claim to the maker and back', () => {
  it('walks draft → checked → submitted → returned → resubmitted → approved → paid, logging who and why', async () => {
    const { claim: draft } = await newClaim()
    // The narrative is missing: the check refuses, naming the field, and changes nothing.
    const refused = await t.call('warranty_clerk', 'warranty.claim.check', { id: draft.id, version: draft.version })
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION' })
    if (!refused.ok) {
      expect(refused.message).toContain('故障原因未填写')
      expect(refused.details?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'narrative', field: 'cause' })]))
    }
    const fixed = await t.ok('warranty_clerk', 'warranty.claim.save', claimInput(draft))
    expect(fixed.findings).toEqual([])
    const checked = await t.ok('warranty_clerk', 'warranty.claim.check', { id: fixed.id, version: fixed.version })
    expect(checked.state).toBe('checked')
    const submitted = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: checked.id, version: checked.version })
    expect(submitted).toMatchObject({ state: 'submitted', submissions: 1, findings: [] })

    const noReason = await t.call('warranty_clerk', 'warranty.claim.decide', { id: submitted.id, version: submitted.version, decision: 'return' })
    expect(noReason).toMatchObject({ ok: false, code: 'VALIDATION', details: { fields: [expect.objectContaining({ field: 'reason' })] } })
    const returned = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: submitted.id, version: submitted.version, decision: 'return', reason: '缺少故障照片' })
    expect(returned.state).toBe('returned')
    // Returned: the clerk corrects it and resubmits.
    const corrected = await t.ok('warranty_clerk', 'warranty.claim.save', { ...claimInput(returned), failureCode: 'B1A2C4' })
    expect(corrected).toMatchObject({ state: 'returned', failureCode: 'B1A2C4' })
    const resubmitted = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: corrected.id, version: corrected.version })
    expect(resubmitted).toMatchObject({ state: 'resubmitted', submissions: 2 })

    const over = await t.call('warranty_clerk', 'warranty.claim.decide', { id: resubmitted.id, version: resubmitted.version, decision: 'approve', approvedFen: 70_001 })
    expect(over).toMatchObject({ ok: false, code: 'VALIDATION' })
    const approved = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: resubmitted.id, version: resubmitted.version, decision: 'approve', approvedFen: 65_000, makerRef: 'FAW-778812' })
    expect(approved).toMatchObject({ state: 'approved', approvedFen: 65_000, makerRef: 'FAW-778812' })
    expect(await t.call('warranty_clerk', 'warranty.claim.pay', { id: approved.id, version: approved.version, paidFen: 65_001 })).toMatchObject({ ok: false, code: 'VALIDATION' })
    const paid = await t.ok('warranty_clerk', 'warranty.claim.pay', { id: approved.id, version: approved.version, paidFen: 65_000, reference: 'PAY-2026-11' })
    expect(paid).toMatchObject({ state: 'paid', paidFen: 65_000 })

    expect(paid.log.map((l) => [l.fromState, l.toState, l.reason])).toEqual([
      [null, 'draft', ''],
      ['draft', 'checked', ''],
      ['checked', 'submitted', ''],
      ['submitted', 'returned', '缺少故障照片'],
      ['returned', 'resubmitted', ''],
      ['resubmitted', 'approved', ''],
      ['approved', 'paid', 'PAY-2026-11'],
    ])
    expect(auditActions(paid.id)).toEqual([
      'warranty.claim.create',
      'warranty.claim.save',
      'warranty.claim.check',
      'warranty.claim.submit',
      'warranty.claim.return',
      'warranty.claim.save',
      'warranty.claim.submit',
      'warranty.claim.approve',
      'warranty.claim.pay',
    ])
    // Paid is final.
    const again = await t.call('warranty_clerk', 'warranty.claim.writeOff', { id: paid.id, version: paid.version, reason: '重复' })
    expect(again).toMatchObject({ ok: false, code: 'INVALID_STATE' })
  })

  it('writes off a rejected claim with a reason', async () => {
    const { claim } = await readyClaim()
    const checked = await t.ok('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version })
    const submitted = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: checked.id, version: checked.version })
    const rejected = await t.ok('warranty_clerk', 'warranty.claim.decide', { id: submitted.id, version: submitted.version, decision: 'reject', reason: '人为损坏，不属于质量问题' })
    expect(rejected).toMatchObject({ state: 'rejected', approvedFen: null })
    const written = await t.ok('warranty_clerk', 'warranty.claim.writeOff', { id: rejected.id, version: rejected.version, reason: '厂家拒赔，经理同意核销' })
    expect(written.state).toBe('written_off')
    expect(written.log.at(-1)).toMatchObject({ fromState: 'rejected', toState: 'written_off', reason: '厂家拒赔，经理同意核销' })
  })

  it('sends a checked claim that is edited back to draft', async () => {
    const { claim } = await readyClaim()
    const checked = await t.ok('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version })
    const edited = await t.ok('warranty_clerk', 'warranty.claim.save', { ...claimInput(checked), mileageKm: 20_100 })
    expect(edited.state).toBe('draft')
    expect(edited.log.at(-1)).toMatchObject({ fromState: 'checked', toState: 'draft' })
  })

  it('refuses a stale version with CONFLICT', async () => {
    const { claim } = await readyClaim()
    const stale = await t.call('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version - 1 })
    expect(stale).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('deletes a draft only', async () => {
    const { claim } = await readyClaim()
    const checked = await t.ok('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version })
    expect(await t.call('warranty_clerk', 'warranty.claim.delete', { id: checked.id, version: checked.version })).toMatchObject({ ok: false, code: 'INVALID_STATE' })
    const { claim: draft } = await newClaim()
    expect(await t.ok('warranty_clerk', 'warranty.claim.delete', { id: draft.id, version: draft.version })).toEqual({ id: draft.id })
    expect(await t.call('warranty_clerk', 'warranty.claim.get', { id: draft.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(auditActions(draft.id).at(-1)).toBe('warranty.claim.delete')
  })
})

describe('every move the state machine does not list', () => {
  const call = (action: ClaimAction, id: number, version: number) => {
    switch (action) {
      case 'check':
        return t.call('warranty_clerk', 'warranty.claim.check', { id, version })
      case 'submit':
        return t.call('warranty_clerk', 'warranty.claim.submit', { id, version })
      case 'approve':
      case 'return':
      case 'reject':
        return t.call('warranty_clerk', 'warranty.claim.decide', { id, version, decision: action, reason: '原因说明' })
      case 'pay':
        return t.call('warranty_clerk', 'warranty.claim.pay', { id, version, paidFen: 1 })
      case 'write_off':
        return t.call('warranty_clerk', 'warranty.claim.writeOff', { id, version, reason: '原因说明' })
    }
  }

  it('is refused with INVALID_STATE naming the state, and every listed move is allowed', async () => {
    const { claim } = await readyClaim()
    const setState = (state: ClaimState) => t.app.store.sqlite.prepare('UPDATE warranty_claims SET state = ?, approved_fen = 70000 WHERE id = ?').run(state, claim.id)
    for (const state of CLAIM_STATES) {
      for (const action of CLAIM_ACTIONS) {
        setState(state)
        const { version } = t.app.store.sqlite.prepare('SELECT version FROM warranty_claims WHERE id = ?').get(claim.id) as { version: number }
        const answer = await call(action, claim.id, version)
        const legal = CLAIM_TRANSITIONS[state][action] !== undefined
        if (legal) expect(answer, `${state} ${action}`).toMatchObject({ ok: true, data: { state: CLAIM_TRANSITIONS[state][action] } })
        else expect(answer, `${state} ${action}`).toMatchObject({ ok: false, code: 'INVALID_STATE' })
      }
    }
  })

  it('refuses editing once the claim is with the maker, and deleting anything but a draft', async () => {
    const { claim } = await readyClaim()
    for (const state of CLAIM_STATES) {
      t.app.store.sqlite.prepare('UPDATE warranty_claims SET state = ? WHERE id = ?').run(state, claim.id)
      const current = await t.ok('warranty_clerk', 'warranty.claim.get', { id: claim.id })
      if (state !== 'draft') {
        const del = await t.call('warranty_clerk', 'warranty.claim.delete', { id: claim.id, version: current.version })
        expect(del, `delete in ${state}`).toMatchObject({ ok: false, code: 'INVALID_STATE' })
      }
      const save = await t.call('warranty_clerk', 'warranty.claim.save', claimInput(current))
      expect(save.ok, `save in ${state}`).toBe(['draft', 'checked', 'returned'].includes(state))
    }
  })
})

describe("the warranty desk's today", () => {
  it('lists claims to check, returned claims with the reason, and completed ROs with no claim yet', async () => {
    const bare = await warrantyRo(t)
    const { claim } = await readyClaim()
    const checked = await t.ok('warranty_clerk', 'warranty.claim.check', { id: claim.id, version: claim.version })
    const submitted = await t.ok('warranty_clerk', 'warranty.claim.submit', { id: checked.id, version: checked.version })
    await t.ok('warranty_clerk', 'warranty.claim.decide', { id: submitted.id, version: submitted.version, decision: 'return', reason: '照片不清晰' })
    const today = await t.ok('warranty_clerk', 'warranty.today', {})
    expect(today.rosWithoutClaim.map((r) => r.roId)).toContain(bare.roId)
    expect(today.rosWithoutClaim.find((r) => r.roId === bare.roId)?.warrantyFen).toBe(70_000)
    expect(today.returned.find((r) => r.id === claim.id)).toMatchObject({ state: 'returned', lastReason: '照片不清晰' })
    expect(today.toCheck.every((r) => r.state === 'draft' || r.state === 'checked')).toBe(true)
  })
})
