import { describe, expect, it } from 'vitest'
import { rolesWith, roleHas } from './roles'

describe('who can do what, for hints on screens', () => {
  it('names the technical supervisor for the final inspection, never the administrator', () => {
    expect(rolesWith('workshop.qc')).toContain('technical_supervisor')
    expect(rolesWith('workshop.qc')).not.toContain('administrator')
    expect(roleHas('workshop_supervisor', 'workshop.qc')).toBe(false)
  })

  it('names only roles that really hold the permission', () => {
    for (const role of rolesWith('settlement.partsOverride')) expect(roleHas(role, 'settlement.partsOverride')).toBe(true)
    expect(rolesWith('settlement.partsOverride')).toEqual(['service_manager', 'front_desk_supervisor'])
  })
})
