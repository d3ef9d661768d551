import { describe, expect, it } from 'vitest'
import { compareVersions, versionRules } from './version'

describe('version rules', () => {
  it('derives the modes from the version string, leniently', () => {
    expect(compareVersions('3.7.2.1234', '3.7.2')).toBeGreaterThan(0)
    expect(compareVersions('v3.6', '3.6.0')).toBe(0)
    expect(versionRules('3.5.0')).toMatchObject({ legacyAdminWrites: true, deleteRejectsTerminated: true, modernUploadBinding: false, strictCount: true })
    expect(versionRules('3.2.1')).toMatchObject({ legacyAdminWrites: true, deleteRejectsTerminated: false })
    expect(versionRules('3.6.0')).toMatchObject({ legacyAdminWrites: false, visibilityRule: false, ownerIsAdmin: true, legacyProfileFields: true })
    expect(versionRules('3.7.1')).toMatchObject({ modernUploadBinding: true, visibilityRule: true, putUrlChecks: true, ownerIsAdmin: false, legacyProfileFields: false })
    expect(versionRules('3.1.1')).toMatchObject({ strictCount: false, apiKeys: true, communityServer: false })
    expect(versionRules('2.5.0')).toMatchObject({ legacyTypeNames: true, apiKeys: false, communityServer: true })
  })
})
