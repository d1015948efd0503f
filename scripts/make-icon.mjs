// Draws the app icon (resources/icon.png, 512×512): a white gear on a blue rounded square.
// Plain Node (zlib) so it runs anywhere without image tools: `node scripts/make-icon.mjs`.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SAMPLES = 4 // per axis: 16 samples a pixel give smooth edges

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(bytes) {
  let c = 0xffffffff
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** Inside the rounded square that forms the tile. */
function inTile(x, y) {
  const margin = 16
  const radius = 96
  const cx = Math.min(Math.max(x, margin + radius), SIZE - margin - radius)
  const cy = Math.min(Math.max(y, margin + radius), SIZE - margin - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= margin && y >= margin && x <= SIZE - margin && y <= SIZE - margin
}

/** Inside the gear: a ring with eight teeth and a hub. */
function inGear(x, y) {
  const dx = x - SIZE / 2
  const dy = y - SIZE / 2
  const r = Math.hypot(dx, dy)
  if (r <= 44) return true
  if (r < 88) return false
  if (r <= 150) return true
  if (r > 196) return false
  const teeth = 8
  const angle = Math.atan2(dy, dx) + Math.PI / teeth
  const step = (2 * Math.PI) / teeth
  const offset = angle - Math.round(angle / step) * step
  return Math.abs(Math.sin(offset) * r) <= 30
}

function pixel(x, y) {
  let tile = 0
  let gear = 0
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const px = x + (sx + 0.5) / SAMPLES
      const py = y + (sy + 0.5) / SAMPLES
      if (inTile(px, py)) {
        tile++
        if (inGear(px, py)) gear++
      }
    }
  }
  const n = SAMPLES * SAMPLES
  if (tile === 0) return [0, 0, 0, 0]
  // Vertical gradient of the tile: antd blue to a deeper blue.
  const t = y / SIZE
  const blue = [Math.round(22 + (9 - 22) * t), Math.round(119 + (80 - 119) * t), Math.round(255 + (200 - 255) * t)]
  const g = gear / tile
  const rgb = blue.map((c) => Math.round(c * (1 - g) + 255 * g))
  return [...rgb, Math.round((255 * tile) / n)]
}

export function drawIcon() {
  const rows = []
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4)
    for (let x = 0; x < SIZE; x++) row.set(pixel(x, y), 1 + x * 4)
    rows.push(row)
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const out = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'resources', 'icon.png')
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, drawIcon())
console.log(`Wrote ${out}`)
