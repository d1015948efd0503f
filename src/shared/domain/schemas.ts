// Input schemas for the values the domain validates. Custom messages are i18n catalog keys, not
// prose: the API layer translates them into the caller's language (see src/shared/i18n).
import { z } from 'zod'
import { checkVin, normaliseVin } from './vin'
import { checkPlate, normalisePlate } from './plate'
import { isLandline, isMobile, normalisePhone } from './phone'

export const FEN_MAX = 100_000_000_000
export const QUANTITY_MILLI_MAX = 1_000_000_000

// One issue per VIN, for the first problem found: a 16-character VIN would otherwise also be
// reported with a wrong check digit, which only confuses the person typing it.
export const VinSchema = z
  .string()
  .transform(normaliseVin)
  .superRefine((vin, ctx) => {
    const problem = checkVin(vin)
    if (problem) ctx.addIssue({ code: 'custom', message: `vin.${problem}` })
  })

export const PlateSchema = z
  .string()
  .transform(normalisePlate)
  .refine((plate) => checkPlate(plate) !== null, { error: 'plate.invalid' })

export const MobileSchema = z
  .string()
  .transform(normalisePhone)
  .refine((phone) => isMobile(phone), { error: 'phone.invalid' })

/** A mobile or landline number, normalised. */
export const PhoneSchema = z
  .string()
  .transform(normalisePhone)
  .refine((phone) => isMobile(phone) || isLandline(phone), { error: 'phone.invalid' })

/** A non-negative amount in fen, up to ¥1,000,000,000.00. */
export const FenSchema = z.number().int({ error: 'validation.notInteger' }).min(0).max(FEN_MAX)

/** A positive quantity in thousandths (1.5 h = 1500), up to one million units. */
export const QuantityMilliSchema = z.number().int({ error: 'validation.notInteger' }).positive().max(QUANTITY_MILLI_MAX)
