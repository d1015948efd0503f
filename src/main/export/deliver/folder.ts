import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { copyFileDurable, fsyncDir } from '../../files/durable-files'
import { MANIFEST } from '../manifest'
import { DeliveryError, type DeliveryTarget, type LocalBatch } from './target'

// A folder target (a mapped head-office share, a USB disk): the batch is copied into a hidden
// `.incoming-*` folder, manifest last, and renamed to its batch id, so head office never picks
// up half a batch. The root must already exist: writing into an unmounted share's mount point
// would fill the local disk instead.

export function folderTarget(id: string, root: string): DeliveryTarget {
  return {
    id,
    async deliver(batch: LocalBatch) {
      if (!existsSync(root) || !statSync(root).isDirectory()) throw new DeliveryError(`folder not reachable: ${root}`)
      const dest = join(root, batch.id)
      if (existsSync(dest)) {
        const there = join(dest, MANIFEST)
        const sha = existsSync(there) ? createHash('sha256').update(readFileSync(there)).digest('hex') : null
        if (sha === batch.manifestSha256) return
        throw new DeliveryError(`a different batch named ${batch.id} is already in ${root}`)
      }
      const staging = join(root, `.incoming-${batch.id}-${randomBytes(4).toString('hex')}`)
      mkdirSync(staging)
      try {
        for (const f of batch.manifest.files) {
          const digest = await copyFileDurable(join(batch.dir, f.file), join(staging, f.file))
          if (digest.sha256 !== f.sha256) throw new DeliveryError(`${f.file} changed in the outbox (checksum differs)`)
        }
        await copyFileDurable(join(batch.dir, MANIFEST), join(staging, MANIFEST))
        fsyncDir(staging)
        renameSync(staging, dest)
        fsyncDir(root)
      } catch (error) {
        rmSync(staging, { recursive: true, force: true })
        throw error
      }
    },
  }
}
