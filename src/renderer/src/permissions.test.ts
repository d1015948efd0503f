import { describe, expect, it } from 'vitest'
import { ROLE_PERMISSIONS } from '../../shared/domain/roles'
import { translate } from '../../shared/i18n'
import { deniedReason, seesEveryInbox, userCan, whoCan } from './permissions'

const technician = { role: 'technician' as const, permissions: [...ROLE_PERMISSIONS.technician] }
const advisor = { role: 'service_advisor' as const, permissions: [...ROLE_PERMISSIONS.service_advisor] }

describe('the UI permission check', () => {
  it('allows what the role holds and gives no reason then', () => {
    expect(userCan(advisor, 'customers.write')).toBe(true)
    expect(deniedReason(advisor, 'customers.write', 'zh-CN')).toBeNull()
  })

  it('says in words, never as a key, why a technician cannot register a customer', () => {
    expect(userCan(technician, 'customers.write')).toBe(false)
    expect(deniedReason(technician, 'customers.write', 'zh-CN')).toBe('您的岗位（技师）不能登记和修改客户与车辆')
    expect(deniedReason(technician, 'customers.write', 'en')).toBe('Your role (Technician) cannot register and edit customers and vehicles')
    expect(deniedReason(null, 'customers.write', 'zh-CN')).not.toMatch(/\w+\.\w+/)
  })

  it("names the roles that could do it, in the viewer's language", () => {
    const t = ((key: string, params?: Record<string, string | number>) => translate('zh-CN', key as never, params as never)) as Parameters<typeof whoCan>[0]
    expect(whoCan(t, 'workshop.qc')).toContain('技术主管')
    expect(whoCan(t, 'workshop.qc')).not.toMatch(/role\./)
  })

  it('gives every inbox to the roles the host gives it to, and no other', () => {
    expect(seesEveryInbox('service_manager')).toBe(true)
    expect(seesEveryInbox('administrator')).toBe(true)
    expect(seesEveryInbox('service_advisor')).toBe(false)
    expect(seesEveryInbox(null)).toBe(false)
  })
})
