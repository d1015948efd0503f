import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHANNEL_NAMES_FILE, channelNamesSource } from '../../../scripts/gen-channel-names'
import { contract } from '../../shared/contract'
import { CHANNEL_NAMES } from '../../shared/contract/channel-names'

describe('the generated channel names the preload exposes', () => {
  it('are exactly the contract channels (run `npm run gen:channels` when this fails)', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual(Object.keys(contract).sort())
    expect(readFileSync(CHANNEL_NAMES_FILE, 'utf8')).toBe(channelNamesSource(Object.keys(contract)))
  })
})
