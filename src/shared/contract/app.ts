import { z } from 'zod'
import { ROLES } from '../domain/roles'
import { LOCALES } from '../i18n'
import { parseDayHours } from '../domain/opening-hours'
import { RO_TYPES } from '../domain/ro-type'
import type { ContractSection } from './types'

// Set-up, sessions, users and settings.

const Username = z
  .string()
  .trim()
  .min(2)
  .max(32)
  .regex(/^[A-Za-z0-9_.-]+$/, { message: 'field.usernameFormat' })
const Password = z.string().min(8).max(128)
const DealerCode = z
  .string()
  .trim()
  .min(2)
  .max(20)
  .regex(/^[A-Za-z0-9-]+$/, { message: 'field.dealerCodeFormat' })

/** Seven day entries, Monday first, each "HH:mm-HH:mm" (closing after opening) or "closed". */
const OpeningHoursText = z
  .string()
  .trim()
  .refine((text) => {
    const days = text.split(/\s+/)
    return days.length === 7 && days.every((d) => parseDayHours(d) !== 'invalid')
  }, { message: 'field.openingHoursFormat' })

export const SessionUserOut = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  permissions: z.array(z.string()),
})

export const SetupStatus = z.object({
  initialised: z.boolean(),
  dealerName: z.string().nullable(),
  dealerCode: z.string().nullable(),
  demo: z.boolean(),
})

export const Settings = z.object({
  dealerName: z.string(),
  dealerCode: z.string(),
  vatRateBp: z.number().int(),
  labourRateFen: z.number().int(),
  timeZone: z.string(),
  demo: z.boolean(),
  /** Reception opening hours, Monday … Sunday: "08:00-18:00 … closed" (shared/domain/opening-hours). */
  openingHours: z.string(),
  /** Clock segments shorter than this wait for the workshop supervisor before counting for efficiency. */
  clockMinSegmentMinutes: z.number().int(),
  /** 维修质量保证期 per RO type: days or km, whichever comes first. */
  repairWarranty: z.record(z.enum(RO_TYPES), z.object({ days: z.number().int(), km: z.number().int() })),
})

export const UserRow = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
})

export const appContract = {
  'setup.status': { input: z.strictObject({}), output: SetupStatus, access: 'public', kind: 'read' },
  /** A new PC looking for the dealership's host on the LAN (only before this copy is set up). */
  'setup.discoverHosts': {
    input: z.strictObject({}),
    output: z.array(z.object({ url: z.string(), dealerName: z.string() })),
    access: 'public',
    kind: 'read',
  },
  'setup.initialise': {
    input: z.strictObject({
      dealerName: z.string().trim().min(2).max(60),
      dealerCode: DealerCode,
      admin: z.strictObject({ username: Username, displayName: z.string().trim().min(1).max(40), password: Password }),
    }),
    output: SetupStatus,
    access: 'public',
    kind: 'write',
  },
  'setup.demo': {
    input: z.strictObject({ password: Password, scale: z.enum(['small', 'standard']).default('small') }),
    output: SetupStatus.extend({ usernames: z.array(z.object({ username: z.string(), role: z.enum(ROLES) })) }),
    access: 'public',
    kind: 'write',
  },
  'auth.login': {
    input: z.strictObject({ username: z.string().trim().min(1).max(32), password: z.string().min(1).max(128) }),
    output: z.object({ token: z.string(), user: SessionUserOut }),
    access: 'public',
    kind: 'write',
  },
  'auth.logout': { input: z.strictObject({}), output: z.object({ ok: z.literal(true) }), access: 'session', kind: 'write' },
  'auth.me': { input: z.strictObject({}), output: SessionUserOut, access: 'session', kind: 'read' },
  'auth.setLocale': {
    input: z.strictObject({ locale: z.enum(LOCALES) }),
    output: SessionUserOut,
    access: 'session',
    kind: 'write',
  },
  'auth.changePassword': {
    input: z.strictObject({ current: z.string().min(1).max(128), next: Password }),
    output: z.object({ ok: z.literal(true) }),
    access: 'session',
    kind: 'write',
  },
  /** Staff accounts with their user names: only for those who manage staff. */
  'users.list': { input: z.strictObject({}), output: z.array(UserRow), access: 'users.manage', kind: 'read' },
  /** The active service advisors an appointment can be booked with: names only, no accounts. */
  'appointments.advisors': {
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.number(), displayName: z.string() })),
    access: 'reception.read',
    kind: 'read',
  },
  /** User names and client addresses locked out by failed logins, now. */
  'auth.lockouts': {
    input: z.strictObject({}),
    output: z.array(z.object({ scope: z.enum(['user', 'address']), key: z.string(), lockedUntil: z.string(), failures: z.number() })),
    access: 'users.manage',
    kind: 'read',
  },
  'auth.unlock': {
    input: z.strictObject({ scope: z.enum(['user', 'address']), key: z.string().trim().min(1).max(64) }),
    output: z.object({ ok: z.literal(true) }),
    access: 'users.manage',
    kind: 'write',
  },
  'users.create': {
    input: z.strictObject({
      username: Username,
      displayName: z.string().trim().min(1).max(40),
      role: z.enum(ROLES),
      password: Password,
    }),
    output: UserRow,
    access: 'users.manage',
    kind: 'write',
  },
  'users.update': {
    input: z.strictObject({
      id: z.number().int().positive(),
      displayName: z.string().trim().min(1).max(40).optional(),
      role: z.enum(ROLES).optional(),
      active: z.boolean().optional(),
      password: Password.optional(),
    }),
    output: UserRow,
    access: 'users.manage',
    kind: 'write',
  },
  'devices.list': {
    input: z.strictObject({}),
    output: z.array(z.object({ id: z.number(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })),
    access: 'users.manage',
    kind: 'read',
  },
  'devices.pair': {
    input: z.strictObject({ name: z.string().trim().min(1).max(60) }),
    /** The token is shown once: the workstation stores it (terminal mode) or opens /pair?code=token. */
    output: z.object({ id: z.number(), name: z.string(), token: z.string() }),
    access: 'users.manage',
    kind: 'write',
  },
  'devices.revoke': {
    input: z.strictObject({ id: z.number().int().positive() }),
    output: z.object({ ok: z.literal(true) }),
    access: 'users.manage',
    kind: 'write',
  },
  'settings.get': { input: z.strictObject({}), output: Settings, access: 'session', kind: 'read' },
  'settings.update': {
    input: z.strictObject({
      dealerName: z.string().trim().min(2).max(60).optional(),
      vatRateBp: z.number().int().min(0).max(10000).optional(),
      labourRateFen: z.number().int().min(0).max(10_000_00).optional(),
      openingHours: OpeningHoursText.optional(),
      clockMinSegmentMinutes: z.number().int().min(0).max(60).optional(),
      repairWarranty: z
        .partialRecord(z.enum(RO_TYPES), z.strictObject({ days: z.number().int().min(0).max(3650), km: z.number().int().min(0).max(500_000) }))
        .optional(),
    }),
    output: Settings,
    access: 'settings.manage',
    kind: 'write',
  },
} as const satisfies ContractSection
