import type { Ctx, UserCtx } from '../api/context'
import { notFound } from '../api/app-error'
import { coverageStatus, coveragesFor, DEFAULT_COVERAGE_TERMS, type Coverage, type CoverageStatus, type CoverageTerm } from '../../shared/domain/warranty'
import { all, first, run } from '../store/query'
import type { Store } from '../store/open'
import type { In, Out } from './types'

// What a vehicle is covered for: the terms of its make and model (the most specific row wins:
// make+model, then make, then the default row), counted from its warranty start — the delivery or
// invoice date the warranty clerk recorded, else the first registration.

export interface VehicleForCoverage {
  id: number
  make: string
  model: string
  energy: 'fuel' | 'new_energy'
  odometerKm: number
  startsOn: string | null
  startSource: 'delivery' | 'first_registration' | null
}

export function vehicleForCoverage(store: Store, vehicleId: number): VehicleForCoverage | undefined {
  const row = first(
    store,
    store.db
      .selectFrom('vehicles as v')
      .leftJoin('warranty_starts as s', 's.vehicle_id', 'v.id')
      .select(['v.id', 'v.make', 'v.model', 'v.energy', 'v.odometer_km', 'v.first_registered_on', 's.starts_on'])
      .where('v.id', '=', vehicleId),
  )
  if (!row) return undefined
  const startsOn = row.starts_on ?? row.first_registered_on
  return {
    id: row.id,
    make: row.make,
    model: row.model,
    energy: row.energy,
    odometerKm: row.odometer_km,
    startsOn: startsOn === null ? null : startsOn.slice(0, 10),
    startSource: row.starts_on !== null ? 'delivery' : row.first_registered_on !== null ? 'first_registration' : null,
  }
}

/** The terms that apply to a make and model, one per coverage the vehicle's energy has. */
export function termsFor(store: Store, make: string, model: string, energy: 'fuel' | 'new_energy'): CoverageTerm[] {
  const rows = all(
    store,
    store.db
      .selectFrom('warranty_terms')
      .select(['make', 'model', 'coverage', 'months', 'km'])
      .where((eb) => eb.or([eb('make', '=', ''), eb('make', '=', make)]))
      .where((eb) => eb.or([eb('model', '=', ''), eb('model', '=', model)])),
  )
  return pickTerms(rows, make, model, energy)
}

export interface TermRow {
  make: string
  model: string
  coverage: Coverage
  months: number
  km: number
}

/** From the terms rows read once (e.g. for every vehicle), the ones that apply to a make and model. */
export function pickTerms(rows: readonly TermRow[], make: string, model: string, energy: 'fuel' | 'new_energy'): CoverageTerm[] {
  const rank = (r: { make: string; model: string }) => (r.make === '' ? 0 : 1) + (r.model === '' ? 0 : 2)
  const fits = rows.filter((r) => (r.make === '' || r.make === make) && (r.model === '' || r.model === model))
  return coveragesFor(energy).map((coverage) => {
    const best = fits.filter((r) => r.coverage === coverage).sort((a, b) => rank(b) - rank(a))[0]
    return best ? { coverage: best.coverage, months: best.months, km: best.km } : DEFAULT_COVERAGE_TERMS.find((t) => t.coverage === coverage)!
  })
}

/** Every coverage line of a vehicle on `onDate` at `odometerKm`; empty when the start is unknown. */
export function coverageLines(store: Store, vehicle: VehicleForCoverage, onDate: string, odometerKm: number): CoverageStatus[] {
  if (vehicle.startsOn === null) return []
  const start = vehicle.startsOn
  return termsFor(store, vehicle.make, vehicle.model, vehicle.energy).map((term) => coverageStatus(term, start, onDate, odometerKm))
}

export function coverageLine(store: Store, vehicle: VehicleForCoverage, coverage: Coverage, onDate: string, odometerKm: number): CoverageStatus | null {
  return coverageLines(store, vehicle, onDate, odometerKm).find((l) => l.coverage === coverage) ?? null
}

export function vehicleCoverage(ctx: Ctx, input: In<'warranty.coverage'>): Out<'warranty.coverage'> {
  const vehicle = vehicleForCoverage(ctx.store, input.vehicleId)
  if (!vehicle) throw notFound('entity.vehicle', input.vehicleId)
  const asOf = ctx.nowIso().slice(0, 10)
  return {
    vehicleId: vehicle.id,
    make: vehicle.make,
    model: vehicle.model,
    odometerKm: vehicle.odometerKm,
    startsOn: vehicle.startsOn,
    startSource: vehicle.startSource,
    asOf,
    lines: coverageLines(ctx.store, vehicle, asOf, vehicle.odometerKm),
  }
}

export function setWarrantyStart(ctx: UserCtx, input: In<'warranty.setStart'>): Out<'warranty.setStart'> {
  const before = vehicleForCoverage(ctx.store, input.vehicleId)
  if (!before) throw notFound('entity.vehicle', input.vehicleId)
  const at = ctx.nowIso()
  run(
    ctx.store,
    ctx.store.db
      .insertInto('warranty_starts')
      .values({ vehicle_id: input.vehicleId, starts_on: input.startsOn, recorded_by: ctx.user.id, recorded_at: at })
      .onConflict((oc) => oc.column('vehicle_id').doUpdateSet({ starts_on: input.startsOn, recorded_by: ctx.user.id, recorded_at: at })),
  )
  ctx.audit({ action: 'warranty.setStart', entity: 'vehicle', entityId: input.vehicleId, detail: { before: before.startsOn, after: input.startsOn } })
  ctx.events.emit({ type: 'vehicle.changed', id: input.vehicleId })
  return vehicleCoverage(ctx, { vehicleId: input.vehicleId })
}
