import type { Permission } from './roles'

// Attachments: files (photos, scans, PDFs) kept for a document of any area — a warranty claim's
// photos and scans, a 5S finding's photo, a training session's material. One store for the app.

/** The documents a file can belong to, and the permissions that read and add to each. */
export const ATTACHMENT_OWNERS = {
  warranty_claim: { read: 'warranty.read', write: 'warranty.write' },
  fives_finding: { read: 'department.read', write: 'department.fiveS' },
  training_session: { read: 'department.read', write: 'department.training' },
  insurance_claim: { read: 'reception.read', write: 'insurance.write' },
} as const satisfies Record<string, { read: Permission; write: Permission }>
export type AttachmentOwnerKind = keyof typeof ATTACHMENT_OWNERS
export const ATTACHMENT_OWNER_KINDS = Object.keys(ATTACHMENT_OWNERS) as [AttachmentOwnerKind, ...AttachmentOwnerKind[]]

/** One file at most this big (a phone photo is 2–5 MB; a scanned multi-page PDF fits too). */
export const ATTACHMENT_MAX_BYTES = 8 * 1024 * 1024

/** Base64 text of a file of at most ATTACHMENT_MAX_BYTES. */
export const ATTACHMENT_MAX_BASE64 = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4

/** The types accepted, told by the file's first bytes (never by its name or what the sender says). */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf'] as const
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

/** Extensions the file picker offers. */
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.webp,.gif,.pdf'

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/** The file's type from its first bytes, or null when it is none of the accepted ones. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp'
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif'
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf'
  return null
}

export const isImageType = (mime: string) => mime.startsWith('image/')
