// Small real files for the attachment tests: a 1×1 PNG, a JPEG header and a PDF head.
export const PNG_1PX = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
)
export const PDF_SMALL = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n')
export const TEXT_FILE = Buffer.from('not a photo, a note\n')
export const b64 = (b: Buffer) => b.toString('base64')
