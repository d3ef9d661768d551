import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Account, AppApi, Person } from '../../../preload/contract'
import { usePeopleStore } from '../stores/people-store'
import { key, useListHeight } from '../testing/dom'
import { createFakeAppApi, fail, makeAccount, makePerson } from '../testing/fake-app-api'
import { mountWithApp, settle } from '../testing/mount-app'
import PeopleView from './people-view.vue'

let mounted: VueWrapper | null = null

beforeAll(useListHeight)
afterEach(() => {
  mounted?.unmount()
  mounted = null
  document.body.innerHTML = ''
})

/** 1,204 people in two departments, 312 of them without a photo. */
function hrPortal(): Person[] {
  return Array.from({ length: 1204 }, (_, i) =>
    makePerson(i, {
      displayName: i === 7 ? 'Łukasz Żółw' : i === 8 ? 'José Núñez' : `Person ${String(i).padStart(4, '0')}`,
      hasPhoto: i >= 312,
      department: i % 2 === 0 ? 'Sales' : 'IT',
      groups: [i % 2 === 0 ? { id: 'g-s', name: 'Sales' } : { id: 'g-i', name: 'IT' }],
      canEditPhoto: i !== 9,
      role: i === 10 ? 'admin' : 'user'
    })
  )
}

async function mountView(options: { people?: Person[]; account?: Account; locale?: 'en' | 'de'; peopleApi?: Partial<AppApi['people']> } = {}) {
  const api = createFakeAppApi({ people: options.people ?? hrPortal(), ...(options.peopleApi ? { peopleApi: options.peopleApi } : {}) })
  const wrapper = mountWithApp(PeopleView, {
    api,
    props: { account: options.account ?? makeAccount() },
    locale: options.locale,
    attachTo: document.body
  })
  mounted = wrapper
  usePeopleStore().setUrlFactory({ createUrl: (img) => `blob:test/${img.width}`, revokeUrl: () => {} })
  await settle(20)
  return { wrapper, api }
}

describe('people view', () => {
  it('counts people and those without a photo, localized', async () => {
    const { wrapper } = await mountView()
    const counts = wrapper.get('[data-testid="counts"]')
    expect(counts.text()).toBe('1,204 people · 312 without a photo')
    expect(counts.attributes('data-without-photo')).toBe('312')

    await wrapper.get('[data-testid="filter-photo"]').setValue('without-photo')
    expect(counts.text()).toBe('312 of 1,204 people · all without a photo')
    await wrapper.get('[data-testid="filter-group"]').setValue('g-i')
    expect(wrapper.get('[data-testid="counts"]').attributes('data-shown')).toBe('156')
    await wrapper.get('[data-testid="filters-clear"]').trigger('click')
    expect(wrapper.get('[data-testid="counts"]').attributes('data-shown')).toBe('1204')
  })

  it('uses German words and number format in German', async () => {
    const { wrapper } = await mountView({ locale: 'de' })
    expect(wrapper.get('[data-testid="counts"]').text()).toBe('1.204 Personen · 312 ohne Foto')
  })

  it('renders only a window of rows, and finds people by folded search', async () => {
    const { wrapper } = await mountView()
    const rows = wrapper.findAll('[data-testid="person-row"]')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.length).toBeLessThan(60)
    await wrapper.get('[data-testid="search"]').setValue('lukasz zolw')
    expect(wrapper.findAll('[data-testid="person-row"]').map((r) => r.attributes('data-person-id'))).toEqual(['u-00007'])
    await wrapper.get('[data-testid="search"]').setValue('JOSE nunez')
    expect(wrapper.findAll('[data-testid="person-row"]').map((r) => r.attributes('data-person-id'))).toEqual(['u-00008'])
    await wrapper.get('[data-testid="search"]').setValue('nobody at all')
    expect(wrapper.find('[data-testid="empty"]').text()).toBe('No one matches this search and these filters. Try another spelling, or clear the filters.')
  })

  it('locks rows the account may not change, saying why', async () => {
    const account = makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' } })
    const { wrapper } = await mountView({ account })
    await wrapper.get('[data-testid="search"]').setValue('Person 0009')
    const row = wrapper.get('[data-testid="person-row"]')
    expect(row.attributes('data-editable')).toBe('false')
    expect(row.get('[data-testid="row-lock"]').attributes('aria-label')).toBe('Read-only: from DocSpace 3.6 on, only Person 0009 can change this photo.')
    await wrapper.get('[data-testid="search"]').setValue('Person 0011')
    expect(wrapper.get('[data-testid="person-row"]').find('[data-testid="row-lock"]').exists()).toBe(false)
  })

  it('sorts by the chosen field and direction', async () => {
    const people = [makePerson(1, { displayName: 'B', email: 'z@example.com' }), makePerson(2, { displayName: 'A', email: 'y@example.com' }), makePerson(3, { displayName: 'C', email: 'x@example.com' })]
    const { wrapper } = await mountView({ people })
    const order = () => wrapper.findAll('[data-testid="person-row"]').map((r) => r.attributes('data-person-id'))
    expect(order()).toEqual(['u-00002', 'u-00001', 'u-00003'])
    await wrapper.get('[data-testid="sort-field"]').setValue('email')
    expect(order()).toEqual(['u-00003', 'u-00002', 'u-00001'])
    await wrapper.get('[data-testid="sort-direction"]').trigger('click')
    expect(order()).toEqual(['u-00001', 'u-00002', 'u-00003'])
  })

  it('moves the selection with the keyboard, opens and closes the detail panel', async () => {
    const { wrapper } = await mountView()
    const list = wrapper.get('[data-testid="people-list"]').element as HTMLElement
    const selected = () => list.getAttribute('aria-activedescendant')
    list.focus()
    await key(list, 'ArrowDown')
    expect(selected()).toBe('person-option-u-00008') // "José Núñez" sorts first
    await key(list, 'ArrowDown')
    expect(selected()).toBe('person-option-u-00007')
    await key(list, 'ArrowUp')
    expect(selected()).toBe('person-option-u-00008')
    await key(list, 'End')
    expect(selected()).toBe('person-option-u-01203')
    await key(list, 'Home')
    expect(selected()).toBe('person-option-u-00008')
    await key(list, 'PageDown')
    const afterPage = selected()
    expect(afterPage).not.toBe('person-option-u-00008')
    await key(list, 'PageUp')
    expect(selected()).toBe('person-option-u-00008')
    expect(wrapper.get(`#${selected()}`).attributes('aria-selected')).toBe('true')

    await key(list, 'Enter')
    await settle(10)
    const panel = wrapper.get('[data-testid="detail-panel"]')
    expect(panel.attributes('data-person-id')).toBe('u-00008')
    await key(list, 'Escape')
    expect(wrapper.find('[data-testid="detail-panel"]').exists()).toBe(false)
    expect(document.activeElement).toBe(list)
  })

  it('focuses search with / and Ctrl+F, Escape clears it', async () => {
    const { wrapper } = await mountView()
    const search = wrapper.get('[data-testid="search"]').element as HTMLInputElement
    await key(document.body, '/')
    expect(document.activeElement).toBe(search)
    ;(document.activeElement as HTMLElement).blur()
    await key(document.body, 'f', { ctrlKey: true })
    expect(document.activeElement).toBe(search)
    await wrapper.get('[data-testid="search"]').setValue('lukasz')
    expect(wrapper.findAll('[data-testid="person-row"]')).toHaveLength(1)
    await key(search, 'Escape')
    expect(search.value).toBe('')
    expect(wrapper.findAll('[data-testid="person-row"]').length).toBeGreaterThan(1)
  })

  it('shows all six stored sizes with their real dimensions, and notes default images', async () => {
    const { wrapper } = await mountView()
    await wrapper.get('[data-testid="search"]').setValue('Person 0500')
    await wrapper.get('[data-testid="person-row"]').trigger('click')
    await settle(10)
    const tiles = wrapper.findAll('[data-testid="size-tile"]')
    expect(tiles.map((t) => [t.attributes('data-size'), t.get('[data-testid="size-dimensions"]').text()])).toEqual([
      ['original', '640 × 480 px'],
      ['retina', '360 × 360 px'],
      ['max', '200 × 200 px'],
      ['big', '82 × 82 px'],
      ['medium', '48 × 48 px'],
      ['small', '32 × 32 px']
    ])
    expect(wrapper.find('[data-testid="detail-default-note"]').exists()).toBe(false)

    await wrapper.get('[data-testid="search"]').setValue('Person 0020')
    await wrapper.get('[data-testid="person-row"]').trigger('click')
    await settle(10)
    expect(wrapper.get('[data-testid="detail-panel"]').attributes('data-person-id')).toBe('u-00020')
    expect(wrapper.get('[data-testid="detail-default-note"]').text()).toBe('Person 0020 has no photo yet: every size shows the portal’s default image.')
    expect(wrapper.findAll('[data-testid="size-tile"]').every((t) => t.attributes('data-default') === 'true')).toBe(true)
  })

  it('as a User on 3.7 says up front that only their own photo can be managed, and shows just their own row, editable', async () => {
    const me = makePerson(42, { displayName: 'Uma User', canEditPhoto: true })
    const account = makeAccount({ user: { id: me.id, displayName: 'Uma User', email: me.email, role: 'user' }, policy: { rule: 'self-only', portalVersion: '3.7.2' } })
    const { wrapper, api } = await mountView({ account, people: [...hrPortal().slice(0, 42), me, ...hrPortal().slice(43)] })
    expect(api.calls).not.toContain('people.page')
    const banner = wrapper.get('[data-testid="capability-banner"]')
    expect(banner.attributes('data-scope')).toBe('self')
    expect(wrapper.get('[data-testid="capability-body"]').text()).toBe(
      "hr.example.com runs DocSpace 3.7.2. As a User on this portal you can't list other people; you can manage your own photo here."
    )
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false)
    const rows = wrapper.findAll('[data-testid="person-row"]')
    expect(rows.map((r) => [r.attributes('data-person-id'), r.attributes('data-editable')])).toEqual([[me.id, 'true']])
    expect(wrapper.get('[data-testid="counts"]').text()).toBe('1 person · with a photo')
    expect(wrapper.find('[data-testid="search"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="load-done"]').text()).toMatch(/^Loaded 1 person in \d/)

    // The detail panel works for that row as for anyone.
    await rows[0]!.trigger('click')
    await settle(10)
    expect(wrapper.get('[data-testid="detail-panel"]').attributes('data-person-id')).toBe(me.id)
    expect(wrapper.findAll('[data-testid="size-tile"]')).toHaveLength(6)
  })

  it('says the same in German for a Guest', async () => {
    const me = makePerson(3, { canEditPhoto: true })
    const account = makeAccount({ user: { id: me.id, displayName: me.displayName, email: me.email, role: 'guest' }, policy: { rule: 'self-only', portalVersion: '3.6.0' } })
    const { wrapper, api } = await mountView({ account, people: [me], locale: 'de' })
    expect(api.calls).not.toContain('people.page')
    expect(wrapper.get('[data-testid="capability-body"]').text()).toBe(
      'hr.example.com läuft mit DocSpace 3.6.0. Als Gast können Sie in diesem Portal keine anderen Personen auflisten; Ihr eigenes Foto können Sie hier verwalten.'
    )
  })

  it('a 403 on the list for another reason (e.g. an API key without accounts:read) says what was refused and what to do', async () => {
    const { wrapper } = await mountView({ peopleApi: { page: async () => fail('portal/forbidden', 'Forbidden', { status: 403, detail: 'Access denied' }) } })
    const error = wrapper.get('[data-testid="load-error"]')
    expect(error.attributes('data-error-code')).toBe('portal/forbidden')
    expect(error.text()).toContain('hr.example.com refused to list its people to this account (access denied).')
    expect(error.text()).toContain('the key needs the accounts:read scope')
    expect(error.text()).not.toContain('Loading stopped')
    expect(wrapper.find('[data-testid="load-retry"]').exists()).toBe(true)
  })

  it('a failure part-way still says how far loading got', async () => {
    let calls = 0
    const page: AppApi['people']['page'] = async ({ startIndex, count }) => {
      calls++
      if (startIndex >= 300) return fail('portal/server-error')
      return { ok: true, value: { people: hrPortal().slice(startIndex, startIndex + count), startIndex, total: 1204 } }
    }
    const { wrapper } = await mountView({ peopleApi: { page } })
    expect(calls).toBeGreaterThan(1)
    expect(wrapper.get('[data-testid="load-error"]').text()).toMatch(/^Loading stopped after \d+ of 1,204 people\./)
  })
})

describe('people view when the portal cannot be reached', () => {
  it('shows only that the portal cannot be reached, with Retry; Retry with the portal back shows the list', async () => {
    let down = true
    const page: AppApi['people']['page'] = async ({ startIndex, count }) =>
      down
        ? fail('net/unreachable', 'connect ECONNREFUSED', { detail: 'ECONNREFUSED' })
        : { ok: true, value: { people: hrPortal().slice(startIndex, startIndex + count), startIndex, total: 1204 } }
    const { wrapper } = await mountView({ peopleApi: { page } })

    const error = wrapper.get('[data-testid="load-error"]')
    expect(error.attributes('data-error-code')).toBe('net/unreachable')
    expect(error.text()).toContain('Cannot reach hr.example.com.')
    expect(error.text()).not.toContain('Loading stopped')
    expect(wrapper.text()).not.toContain('0 of 0')
    expect(wrapper.find('[data-testid="empty"]').exists()).toBe(false)
    expect(wrapper.text()).not.toContain('This portal has no people you can see')
    expect(wrapper.find('[data-testid="counts"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="search"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="person-row"]')).toHaveLength(0)
    const retry = wrapper.get('[data-testid="load-retry"]')
    expect(retry.text()).toBe('Retry')

    down = false
    await retry.trigger('click')
    await settle(40)
    expect(wrapper.find('[data-testid="load-error"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="person-row"]').length).toBeGreaterThan(0)
    expect(wrapper.get('[data-testid="counts"]').text()).toBe('1,204 people · 312 without a photo')
  })
})
