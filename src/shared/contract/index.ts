import { appContract } from './app'
import { receptionContract } from './reception'
import { workshopContract } from './workshop'
import { dataContract } from './data'
import { partsContract } from './parts'
import { settlementContract } from './settlement'
import { rulesContract } from './rules'
import { auditContract } from './audit'
import { terminalSetupContract } from './terminal-setup'
import { warrantyContract } from './warranty'
import { careContract } from './care'
import { departmentContract } from './department'
import { csiContract } from './csi'
import { campaignsContract } from './campaigns'
import type { ApiClientOf } from './types'

/** Every channel of the API. Each area adds its section here. */
export const contract = { ...appContract, ...receptionContract, ...workshopContract, ...dataContract, ...partsContract, ...settlementContract, ...rulesContract, ...auditContract, ...terminalSetupContract, ...warrantyContract, ...careContract, ...departmentContract, ...csiContract, ...campaignsContract } as const
export type Contract = typeof contract
export type Channel = keyof Contract & string
export type ApiClient = ApiClientOf<Contract>

export type { Envelope, ErrorCode } from './errors'
export type { LiveEvent } from './types'
