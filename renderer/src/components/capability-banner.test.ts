import { describe, expect, it } from 'vitest'
import type { Account } from '../../../preload/contract'
import { createFakeAppApi, makeAccount } from '../testing/fake-app-api'
import { mountWithApp } from '../testing/mount-app'
import CapabilityBanner from './capability-banner.vue'

function bannerText(account: Account, locale: 'en' | 'de' = 'en') {
  const wrapper = mountWithApp(CapabilityBanner, { api: createFakeAppApi(), props: { account }, locale })
  const banner = wrapper.get('[data-testid="capability-banner"]')
  return { rule: banner.attributes('data-rule'), title: wrapper.get('[data-testid="capability-title"]').text(), body: wrapper.get('[data-testid="capability-body"]').text() }
}

describe('capability banner', () => {
  it('on 3.6+ says only your own photo, and why', () => {
    const text = bannerText(makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' }, user: { id: 'u1', displayName: 'Olga Owner', email: 'o@example.com', role: 'owner' } }))
    expect(text.rule).toBe('self-only')
    expect(text.title).toBe('You can change only your own photo')
    expect(text.body).toContain('hr.example.com runs DocSpace 3.7.2')
    expect(text.body).toContain('From DocSpace 3.6 on, each person may change only their own photo, administrators and the owner included')
    expect(text.body).toContain('included. Other people\'s photos are shown read-only. Rows with a lock are read-only.')
  })

  it("on 3.5 as an admin says other people's photos, except the owner's, other admins' and disabled people's", () => {
    const text = bannerText(makeAccount({ policy: { rule: 'admin-may-edit-others', portalVersion: '3.5.0' } }))
    expect(text.title).toBe("You can change other people's photos")
    expect(text.body).toContain("refuses changes to the owner's photo, to other administrators' photos and to disabled (terminated) people's photos")
  })

  it('on 3.5 as the owner says everyone', () => {
    const text = bannerText(
      makeAccount({ policy: { rule: 'admin-may-edit-others', portalVersion: '3.5.0' }, user: { id: 'u1', displayName: 'O', email: 'o@example.com', role: 'owner' } })
    )
    expect(text.title).toBe("You can change everyone's photo")
    expect(text.body).toContain('except a disabled (terminated) person’s')
  })

  it('on 3.5 with a lesser role names the role', () => {
    const text = bannerText(
      makeAccount({ policy: { rule: 'own-only-by-role', portalVersion: '3.5.0' }, user: { id: 'u1', displayName: 'R', email: 'r@example.com', role: 'room-admin' } })
    )
    expect(text.title).toBe('You can change only your own photo')
    expect(text.body).toContain('your role is Room admin')
  })

  it('speaks German', () => {
    const text = bannerText(makeAccount({ policy: { rule: 'self-only', portalVersion: '3.6.0' } }), 'de')
    expect(text.title).toBe('Sie können nur Ihr eigenes Foto ändern')
    expect(text.body).toContain('DocSpace 3.6.0')
  })

  it('as a User or Guest (who cannot list people) says only their own row is shown, without the locked-rows note', () => {
    for (const [rule, version] of [['self-only', '3.7.2'], ['own-only-by-role', '3.5.0']] as const) {
      const text = bannerText(makeAccount({ policy: { rule, portalVersion: version }, user: { id: 'u1', displayName: 'U', email: 'u@example.com', role: 'user' } }))
      expect(text.title).toBe('You can change only your own photo')
      expect(text.body).toBe(`hr.example.com runs DocSpace ${version}. As a User on this portal you can't list other people; you can manage your own photo here.`)
    }
    const guest = bannerText(makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' }, user: { id: 'g1', displayName: 'G', email: 'g@example.com', role: 'guest' } }), 'de')
    expect(guest.body).toContain('Als Gast können Sie in diesem Portal keine anderen Personen auflisten')
  })
})
