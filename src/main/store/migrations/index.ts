import type { Migration } from './steps'
import { m0001 } from './0001-foundation'
import { m0002 } from './0002-reception'

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002]
