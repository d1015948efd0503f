import { describe, expect, it } from 'vitest'
import { ROLE_PERMISSIONS } from '../../shared/domain/roles'
import { deniedReason, userCan } from './permissions'

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
})
