import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Person } from '../../../preload/contract'
import { usePeopleStore } from '../stores/people-store'
import { useListHeight } from '../testing/dom'
import { createFakeAppApi, makeAccount, makePerson } from '../testing/fake-app-api'
import { mountWithApp, settle } from '../testing/mount-app'
import PeopleView from './people-view.vue'

let mounted: VueWrapper | null = null

beforeAll(useListHeight)
afterEach(() => {
  mounted?.unmount()
  mounted = null
  document.body.innerHTML = ''
})

/** An admin on 3.5.0 sees a disabled user, another admin and the owner, each locked for its own reason. */
function people(): Person[] {
  return [
    makePerson(1, { displayName: 'Tom Gone', status: 'disabled', role: 'user', canEditPhoto: false, refusal: 'terminated' }),
    makePerson(2, { displayName: 'Anna Admin', role: 'admin', canEditPhoto: false, refusal: 'other-admin' }),
    makePerson(3, { displayName: 'Olga Owner', role: 'owner', canEditPhoto: false, refusal: 'owner' }),
    makePerson(4, { displayName: 'Uwe User', role: 'user' })
  ]
}

async function mountView(locale: 'en' | 'de' = 'en') {
  const api = createFakeAppApi({ people: people() })
  const wrapper = mountWithApp(PeopleView, { api, props: { account: makeAccount() }, locale, attachTo: document.body })
  mounted = wrapper
  usePeopleStore().setUrlFactory({ createUrl: (img) => `blob:test/${img.width}`, revokeUrl: () => {} })
  await settle(20)
  return wrapper
}

function lockOf(wrapper: VueWrapper, name: string): string {
  const row = wrapper.findAll('[data-testid="person-row"]').find((r) => r.text().includes(name))
  if (!row) throw new Error(`no row for ${name}`)
  return row.find('[data-testid="row-lock"]').exists() ? (row.get('[data-testid="row-lock"]').attributes('aria-label') ?? '') : ''
}

describe('the lock on a row names its real rule', () => {
  it('says a disabled user is terminated and an admin row is another administrator', async () => {
    const wrapper = await mountView()
    const gone = lockOf(wrapper, 'Tom Gone')
    expect(gone).toBe('Tom Gone is disabled (terminated): the portal does not change disabled people’s photos.')
    expect(gone).not.toMatch(/administrator/)
    expect(lockOf(wrapper, 'Anna Admin')).toBe("Read-only: only the owner may change another administrator's photo.")
    expect(lockOf(wrapper, 'Olga Owner')).toBe("Read-only: only the owner may change the owner's photo.")
    expect(lockOf(wrapper, 'Uwe User')).toBe('')

    // The detail panel says the same before any attempt.
    const row = wrapper.findAll('[data-testid="person-row"]').find((r) => r.text().includes('Tom Gone'))!
    await row.trigger('click')
    await settle(10)
    expect(wrapper.get('[data-testid="detail-panel"]').text()).toContain('Tom Gone is disabled (terminated)')

    // The banner lists every exception that applies on this portal.
    expect(wrapper.get('[data-testid="capability-body"]').text()).toMatch(/owner's photo, to other administrators' photos and to disabled \(terminated\) people's photos/)
  })

  it('says it in German too', async () => {
    const wrapper = await mountView('de')
    expect(lockOf(wrapper, 'Tom Gone')).toBe('Tom Gone ist deaktiviert (ausgeschieden): Das Portal ändert die Fotos deaktivierter Personen nicht.')
    expect(lockOf(wrapper, 'Anna Admin')).toBe('Schreibgeschützt: Nur der Besitzer darf das Foto eines anderen Administrators ändern.')
  })
})
