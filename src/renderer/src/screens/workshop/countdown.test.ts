import { describe, expect, it } from 'vitest'
import { translate, type MessageKey, type MessageParams } from '../../../../shared/i18n'
import { countdownText, efficiencyText, hostNow, jobClockedMs, minutesLeft, percentText, shopClock } from './countdown'

const t = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params)
const at = '2026-11-28T10:00:00+08:00'
const host = Date.parse(at)

describe('time on the board', () => {
  it('runs the host clock on from the read, whatever the PC clock says', () => {
    // The PC is two hours behind; 90 s have passed on it since the board arrived.
    const receivedAt = host - 2 * 3_600_000
    expect(hostNow(at, receivedAt, receivedAt + 90_000)).toBe(host + 90_000)
  })

  it('counts down to the promised time and up once it has passed', () => {
    expect(minutesLeft('2026-11-28T11:05:00+08:00', host)).toBe(65)
    expect(countdownText(t, 65)).toBe('剩1小时05分')
    expect(countdownText(t, 40)).toBe('剩40分')
    expect(minutesLeft('2026-11-28T09:48:00+08:00', host)).toBe(-12)
    expect(countdownText(t, -12)).toBe('超时12分')
    expect(minutesLeft(null, host)).toBeNull()
  })

  it('adds the running stretch to a job\'s clocked time', () => {
    expect(jobClockedMs({ clockedMs: 600_000, runningSince: '2026-11-28T09:30:00+08:00' }, host)).toBe(600_000 + 30 * 60_000)
    expect(jobClockedMs({ clockedMs: 600_000, runningSince: null }, host)).toBe(600_000)
  })

  it('shows efficiency as sold over clocked hours, and nothing before any time is clocked', () => {
    expect(efficiencyText(1500, 3_600_000)).toBe('150%')
    expect(efficiencyText(1000, 0)).toBe('—')
    expect(percentText(8750)).toBe('87.5%')
    expect(percentText(null)).toBe('—')
  })

  it('tells the shop\'s wall-clock time in the offset the host writes', () => {
    expect(shopClock(at, Date.parse('2026-11-28T01:07:00Z'))).toBe('09:07')
    expect(shopClock('2026-07-01T10:00:00-05:00', Date.parse('2026-07-01T16:30:00Z'))).toBe('11:30')
  })
})
