import ExcelJS from 'exceljs'
import type { Ctx } from '../api/context'
import { attachmentsOf } from '../attachments/attachments'
import { getSetting } from '../settings/settings'
import { ClaimPackage, PACKAGE_FORMAT, PACKAGE_SHEETS, PACKAGE_VERSION, type PackageClaim, type PackageSheet } from '../../shared/domain/warranty-package'
import { getClaim } from './claim-read'
import type { In, Out } from './package-types'
import { XLSX_MIME } from '../../shared/domain/file-types'

// The claim package (索赔资料包) of selected claims, as the maker's portal takes it: JSON (money in
// fen) or an XLSX workbook with one sheet per part of a claim (money in yuan, hours and quantities
// as decimals), columns as PACKAGE_SHEETS names them.

function packageClaims(ctx: Ctx, ids: readonly number[]): PackageClaim[] {
  const files = attachmentsOf(ctx, 'warranty_claim', ids)
  return ids.map((id) => {
    const c = getClaim(ctx, id)
    return {
      number: c.number,
      claimType: c.claimType,
      state: c.state,
      roNumber: c.ro.number,
      roCompletedAt: c.ro.completedAt,
      vin: c.vehicle.vin,
      plate: c.vehicle.plate,
      make: c.vehicle.make,
      model: c.vehicle.model,
      mileageKm: c.mileageKm,
      causalPart: c.causalPart ? { partNumber: c.causalPart.partNumber, name: c.causalPart.name } : null,
      failureCode: c.failureCode,
      concern: c.concern,
      cause: c.cause,
      correction: c.correction,
      labour: c.labour.map((l) => ({ opCode: l.opCode, description: l.description, hoursMilli: l.hoursMilli, standardHoursMilli: l.standardHoursMilli, rateFen: l.rateFen, amountFen: l.amountFen })),
      parts: c.parts.map((p) => ({ partNumber: p.partNumber, description: p.description, quantityMilli: p.quantityMilli, unitPriceFen: p.unitPriceFen, amountFen: p.amountFen })),
      expenses: c.expenses.map((e) => ({ kind: e.kind, description: e.description, amountFen: e.amountFen })),
      labourFen: c.labourFen,
      partsFen: c.partsFen,
      otherFen: c.otherFen,
      totalFen: c.totalFen,
      submissions: c.submissions,
      makerRef: c.makerRef,
      attachments: files
        .filter((f) => f.ownerId === id)
        .map((f) => ({ fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, sha256: f.sha256, addedAt: f.createdAt, missing: f.missing })),
    }
  })
}

type Cell = string | number | boolean | null
const yuan = (fen: number) => fen / 100
const decimal = (milli: number) => milli / 1000

/** Each sheet's rows, in PACKAGE_SHEETS' column order. */
function sheetRows(claims: PackageClaim[], dealerCode: string): Record<PackageSheet, Cell[][]> {
  return {
    claims: claims.map((c) => [
      c.number, c.claimType, c.state, dealerCode, c.roNumber, c.roCompletedAt, c.vin, c.plate, c.make, c.model, c.mileageKm,
      c.causalPart?.partNumber ?? null, c.causalPart?.name ?? null, c.failureCode, c.concern, c.cause, c.correction,
      yuan(c.labourFen), yuan(c.partsFen), yuan(c.otherFen), yuan(c.totalFen), c.submissions, c.makerRef,
    ]),
    labour: claims.flatMap((c) =>
      c.labour.map((l, i) => [c.number, i + 1, l.opCode, l.description, decimal(l.hoursMilli), l.standardHoursMilli === null ? null : decimal(l.standardHoursMilli), yuan(l.rateFen), yuan(l.amountFen)]),
    ),
    parts: claims.flatMap((c) => c.parts.map((p, i) => [c.number, i + 1, p.partNumber, p.description, decimal(p.quantityMilli), yuan(p.unitPriceFen), yuan(p.amountFen)])),
    expenses: claims.flatMap((c) => c.expenses.map((e, i) => [c.number, i + 1, e.kind, e.description, yuan(e.amountFen)])),
    attachments: claims.flatMap((c) => c.attachments.map((a, i) => [c.number, i + 1, a.fileName, a.mimeType, a.sizeBytes, a.sha256, a.addedAt, a.missing])),
  }
}

const MONEY_COLUMNS = /_yuan$/

async function workbookOf(claims: PackageClaim[], dealerCode: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const rows = sheetRows(claims, dealerCode)
  for (const [name, columns] of Object.entries(PACKAGE_SHEETS) as [PackageSheet, readonly string[]][]) {
    const sheet = workbook.addWorksheet(name)
    sheet.columns = columns.map((key) => ({ header: key, key, width: Math.max(12, key.length + 2), ...(MONEY_COLUMNS.test(key) ? { style: { numFmt: '0.00' } } : {}) }))
    sheet.getRow(1).font = { bold: true }
    for (const row of rows[name]) sheet.addRow(row)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export async function exportClaimPackage(ctx: Ctx, input: In<'warranty.package.export'>): Promise<Out<'warranty.package.export'>> {
  const claims = packageClaims(ctx, input.ids)
  const dealer = { code: getSetting(ctx.store, 'dealer.code'), name: getSetting(ctx.store, 'dealer.name') }
  const stamp = ctx.nowIso().slice(0, 10)
  const base = claims.length === 1 ? `warranty-claim-${claims[0]!.number}` : `warranty-claims-${stamp}-${claims.length}`
  if (input.format === 'json') {
    const json = ClaimPackage.parse({ format: PACKAGE_FORMAT, version: PACKAGE_VERSION, dealer, exportedAt: ctx.nowIso(), claims })
    return { fileName: `${base}.json`, mimeType: 'application/json', base64: Buffer.from(JSON.stringify(json, null, 2)).toString('base64'), claims: claims.length }
  }
  const xlsx = await workbookOf(claims, dealer.code)
  return { fileName: `${base}.xlsx`, mimeType: XLSX_MIME, base64: xlsx.toString('base64'), claims: claims.length }
}
