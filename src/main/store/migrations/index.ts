import type { Migration } from './steps'
import { m0001 } from './0001-foundation'
import { m0002 } from './0002-reception'
import { m0003 } from './0003-export-backup'
import { m0004 } from './0004-parts'
import { m0005 } from './0005-workshop'
import { m0006 } from './0006-settlement-rules'
import { m0007 } from './0007-gates-clock-cash'
import { m0008 } from './0008-login-history'
import { m0009 } from './0009-mobile-tail'
import { m0010 } from './0010-month-figures'
import { m0011 } from './0011-warranty'
import { m0012 } from './0012-customer-care'
import { m0013 } from './0013-department'
import { m0014 } from './0014-figure-indexes'
import { m0015 } from './0015-warranty-money-parts'

/** Every migration, in order. Add new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015]
