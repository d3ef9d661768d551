import { describe, expect, it } from 'vitest'
import type { Person } from '../../../preload/contract'
import { makePerson } from '../testing/fake-app-api'
import { foldText } from './fold'
import { buildSearchText, collectGroups, countPeople, filterPeople, tallyPhotos, indexPerson, isFiltered, narrows, NO_FILTERS, sortPeople, type PeopleFilters } from './people-index'

const SALES = { id: 'g-sales', name: 'Sales' }
const IT = { id: 'g-it', name: 'IT' }

const people: Person[] = [
  makePerson(1, { displayName: 'José Álvarez', firstName: 'José', lastName: 'Álvarez', email: 'jose@example.com', title: 'Sales Lead', department: 'Sales', groups: [SALES], hasPhoto: false }),
  makePerson(2, { displayName: 'Łukasz Nowak', firstName: 'Łukasz', lastName: 'Nowak', email: 'lukasz@example.com', title: 'Engineer', department: 'IT', groups: [IT], role: 'admin' }),
  makePerson(3, { displayName: 'Søren Kierkegaard', firstName: 'Søren', lastName: 'Kierkegaard', email: 'soren@example.com', title: 'Philosopher', department: '', status: 'disabled', hasPhoto: false }),
  makePerson(4, { displayName: 'Ægir Strauß', firstName: 'Ægir', lastName: 'Strauß', email: 'aegir@example.com', title: 'Engineer', department: 'IT', groups: [IT, SALES], status: 'pending', role: 'guest' }),
  makePerson(5, { displayName: 'anna berg', firstName: 'anna', lastName: 'berg', email: 'anna@example.com', title: 'Recruiter', department: 'HR', role: 'owner' })
]
const index = people.map((p, i) => indexPerson(p, i))
const names = (list: { person: Person }[]) => list.map((e) => e.person.displayName)
const search = (query: string, more: Partial<PeopleFilters> = {}) => names(filterPeople(index, { ...NO_FILTERS, query, ...more }))

describe('search', () => {
  it('folds case and diacritics, including letters NFD does not decompose', () => {
    expect(search('jose')).toEqual(['José Álvarez'])
    expect(search('ALVAREZ')).toEqual(['José Álvarez'])
    expect(search('lukasz')).toEqual(['Łukasz Nowak'])
    expect(search('soren')).toEqual(['Søren Kierkegaard'])
    expect(search('aegir')).toEqual(['Ægir Strauß'])
    expect(search('strauss')).toEqual(['Ægir Strauß'])
    expect(search('Strauß')).toEqual(['Ægir Strauß'])
  })

  it('matches email, title and department, and needs every term', () => {
    expect(search('lukasz@example')).toEqual(['Łukasz Nowak'])
    expect(search('engineer')).toEqual(['Łukasz Nowak', 'Ægir Strauß'])
    expect(search('engineer nowak')).toEqual(['Łukasz Nowak'])
    expect(search('hr recruiter')).toEqual(['anna berg'])
    expect(search('nobody')).toEqual([])
  })

  it('does not match across field boundaries', () => {
    // "Sales Lead" + "Sales": "lead sales" must not come from "...Lead\nsales".
    expect(search('leadsales')).toEqual([])
  })
})

describe('filters and counts', () => {
  it('filters by group, status, role and photo', () => {
    expect(search('', { groupId: 'g-sales' })).toEqual(['José Álvarez', 'Ægir Strauß'])
    expect(search('', { status: 'disabled' })).toEqual(['Søren Kierkegaard'])
    expect(search('', { role: 'admin' })).toEqual(['Łukasz Nowak'])
    expect(search('', { photo: 'without-photo' })).toEqual(['José Álvarez', 'Søren Kierkegaard'])
    expect(search('', { photo: 'with-photo' })).toEqual(['Łukasz Nowak', 'Ægir Strauß', 'anna berg'])
    expect(search('engineer', { groupId: 'g-it', status: 'pending' })).toEqual(['Ægir Strauß'])
  })

  it('counts shown people and those without a photo', () => {
    const shown = filterPeople(index, { ...NO_FILTERS, groupId: 'g-sales' })
    expect(countPeople(tallyPhotos(index), tallyPhotos(shown))).toEqual({ total: 5, shown: 2, shownWithoutPhoto: 1, totalWithoutPhoto: 2 })
    expect(countPeople(tallyPhotos(index), tallyPhotos(index))).toEqual({ total: 5, shown: 5, shownWithoutPhoto: 2, totalWithoutPhoto: 2 })
  })

  it('knows when anything narrows the list', () => {
    expect(isFiltered(NO_FILTERS)).toBe(false)
    expect(isFiltered({ ...NO_FILTERS, query: '  ' })).toBe(false)
    expect(isFiltered({ ...NO_FILTERS, photo: 'without-photo' })).toBe(true)
  })

  it('lists the groups that occur, by name', () => {
    expect(collectGroups(index)).toEqual([IT, SALES])
  })
})

describe('sort', () => {
  it('sorts by folded name, either way', () => {
    expect(names(sortPeople(index, { field: 'name', direction: 'asc' }))).toEqual([
      'Ægir Strauß',
      'anna berg',
      'José Álvarez',
      'Łukasz Nowak',
      'Søren Kierkegaard'
    ])
    expect(names(sortPeople(index, { field: 'name', direction: 'desc' }))[0]).toBe('Søren Kierkegaard')
  })

  it('sorts by last name, email and department, empty values last', () => {
    expect(names(sortPeople(index, { field: 'last-name', direction: 'asc' }))).toEqual([
      'José Álvarez',
      'anna berg',
      'Søren Kierkegaard',
      'Łukasz Nowak',
      'Ægir Strauß'
    ])
    expect(names(sortPeople(index, { field: 'email', direction: 'asc' }))[0]).toBe('Ægir Strauß')
    const byDept = names(sortPeople(index, { field: 'department', direction: 'asc' }))
    expect(byDept).toEqual(['anna berg', 'Łukasz Nowak', 'Ægir Strauß', 'José Álvarez', 'Søren Kierkegaard'])
    expect(names(sortPeople(index, { field: 'department', direction: 'desc' })).at(-1)).toBe('Søren Kierkegaard')
  })

  it('keeps portal order for ties and does not touch the input', () => {
    const same = [0, 1, 2].map((i) => indexPerson(makePerson(i, { displayName: 'Same Name' }), i))
    expect(sortPeople(same, { field: 'name', direction: 'desc' }).map((e) => e.order)).toEqual([0, 1, 2])
    const before = index.map((e) => e.order)
    sortPeople(index, { field: 'email', direction: 'desc' })
    expect(index.map((e) => e.order)).toEqual(before)
  })
})

describe('at HR scale', () => {
  it('indexes, sorts and filters 10,000 people (timings printed, not asserted)', () => {
    const first = ['José', 'Łukasz', 'Søren', 'Ægir', 'Anna', 'Müller', 'Zoë', 'Björn', 'Chloé', 'Mateus']
    const last = ['García', 'Kowalski', 'Ødegaard', 'Strauß', 'Novák', 'Smith', 'Dubois', 'Łoś', 'Håkansson', 'Ng']
    const depts = ['Sales', 'IT', 'HR', 'Finance', 'Légal', 'Operations']
    const big = Array.from({ length: 10_000 }, (_, i) => {
      const f = first[i % first.length] as string
      const l = last[Math.floor(i / 10) % last.length] as string
      return makePerson(i, {
        displayName: `${f} ${l}`,
        firstName: f,
        lastName: l,
        email: `${f}.${l}.${i}@example.com`.toLowerCase(),
        title: i % 7 === 0 ? 'Team Lead' : 'Specialist',
        department: depts[i % depts.length] as string,
        groups: [{ id: `g${i % 20}`, name: `Group ${i % 20}` }],
        hasPhoto: i % 4 !== 0
      })
    })
    let t0 = performance.now()
    const idx = big.map((p, i) => indexPerson(p, i))
    const everyone = tallyPhotos(idx)
    const indexMs = performance.now() - t0
    t0 = performance.now()
    const sorted = sortPeople(idx, { field: 'name', direction: 'asc' })
    const sortMs = performance.now() - t0

    const queries = ['l', 'lu', 'luk', 'lukasz', 'lukasz kow', 'soren legal', 'zzz']
    const times: number[] = []
    let lastCount = 0
    for (const query of queries) {
      t0 = performance.now()
      const shown = filterPeople(sorted, { ...NO_FILTERS, query, photo: 'without-photo' })
      countPeople(everyone, tallyPhotos(shown))
      times.push(performance.now() - t0)
      lastCount = shown.length
    }
    const lukasz = filterPeople(sorted, { ...NO_FILTERS, query: 'lukasz' })
    expect(lukasz.length).toBe(1000)
    expect(lastCount).toBe(0)
    console.log(
      `[people-index] 10,000 people: index ${indexMs.toFixed(1)} ms, sort ${sortMs.toFixed(1)} ms, ` +
        `filter+count per keystroke ${times.map((t) => t.toFixed(2)).join(' / ')} ms (max ${Math.max(...times).toFixed(2)} ms)`
    )
  })
})

describe('narrowing a search as it is typed', () => {
  const f = (query: string, more: Partial<PeopleFilters> = {}): PeopleFilters => ({ ...NO_FILTERS, query, ...more })

  it('filtering the last result gives what filtering everyone gives, key by key', () => {
    for (const typed of ['engineer nowak', 'Strauß', 'hr recruiter', 'example.com  a']) {
      let last = filterPeople(index, f(''))
      let prev = f('')
      for (let n = 1; n <= typed.length; n++) {
        const next = f(typed.slice(0, n))
        expect(narrows(prev, next)).toBe(true)
        last = filterPeople(last, next)
        expect(names(last)).toEqual(names(filterPeople(index, next)))
        prev = next
      }
    }
  })

  it('does not narrow when a term got shorter or went, or another filter changed', () => {
    expect(narrows(f('jose'), f('jos'))).toBe(false)
    expect(narrows(f('engineer nowak'), f('engineer'))).toBe(false)
    expect(narrows(f('jo'), f('ajo'))).toBe(true)
    expect(narrows(f('jo'), f('jose', { status: 'active' }))).toBe(false)
    expect(narrows(f('jo', { groupId: IT.id }), f('jose'))).toBe(false)
    expect(narrows(f('jo', { photo: 'with-photo' }), f('jose', { photo: 'with-photo' }))).toBe(true)
  })
})

describe('searching everyone through one joined text', () => {
  const f = (query: string, more: Partial<PeopleFilters> = {}): PeopleFilters => ({ ...NO_FILTERS, query, ...more })
  const text = buildSearchText(index)

  it('finds exactly what the person-by-person search finds, in the same order', () => {
    const queries = ['jose', 'e', 'engineer', 'engineer nowak', 'nowak engineer', 'a a', 'example.com', 'strauss', 'lead sales', 'x', 'anna@example.com', '\n', 'sales']
    const more: Partial<PeopleFilters>[] = [{}, { photo: 'without-photo' }, { status: 'disabled' }, { role: 'admin' }, { groupId: SALES.id }]
    for (const query of queries) {
      for (const m of more) expect(names(filterPeople(index, f(query, m), text))).toEqual(names(filterPeople(index, f(query, m))))
    }
  })

  it('never matches across two people, and finds the last person too', () => {
    // "berg" ends the last haystack's last line; "Recruiter\nHR" then the next person must not join.
    expect(names(filterPeople(index, f('hr'), text))).toEqual(['anna berg'])
    expect(names(filterPeople(index, f('aegir'), text))).toEqual(['Ægir Strauß'])
    const last = index[index.length - 1]?.haystack.split('\n').pop() ?? ''
    expect(names(filterPeople(index, f(last), text))).toContain('anna berg')
    const acrossTwo = `${index[0]?.haystack.slice(-3) ?? ''}${index[1]?.haystack.slice(0, 3) ?? ''}`
    expect(filterPeople(index, f(acrossTwo), text)).toEqual(filterPeople(index, f(acrossTwo)))
  })

  it('is ignored for another list than the one it was built from', () => {
    const sorted = sortPeople(index, { field: 'email', direction: 'asc' })
    expect(names(filterPeople(sorted, f('engineer'), text))).toEqual(names(filterPeople(sorted, f('engineer'))))
    expect(buildSearchText([]).text).toBe('')
    expect(filterPeople([], f('a'), buildSearchText([]))).toEqual([])
  })
})

describe('index built on first read', () => {
  const odd = makePerson(9, { displayName: '', firstName: 'Zoë\nAnn', lastName: 'Ørsted', email: 'ZOE@Example.com', title: 'Chef\nde projet', department: 'Страна' })

  it('gives each sort key, read before the haystack, exactly as the haystack holds it', () => {
    const entry = indexPerson(odd, 0)
    const keys = { ...Object.fromEntries((['name', 'last-name', 'email', 'department', 'title'] as const).map((f) => [f, entry.sortKeys[f]])) }
    const [name, first, last, email, title, department] = entry.haystack.split('\n')
    expect(entry.haystack.split('\n')).toHaveLength(6)
    expect(keys).toEqual({ name, 'last-name': `${last ?? ''}\n${first ?? ''}`, email, department, title })
    expect(name).toBe('zoe ann orsted')
    expect(department).toBe('strana')
  })

  it('sorts and searches the same whether or not anything was read first', () => {
    const cold = people.map((p, i) => indexPerson(p, i))
    const warm = people.map((p, i) => indexPerson(p, i))
    for (const e of warm) void e.haystack
    for (const field of ['name', 'last-name', 'email', 'department', 'title'] as const) {
      for (const direction of ['asc', 'desc'] as const) expect(names(sortPeople(cold, { field, direction }))).toEqual(names(sortPeople(warm, { field, direction })))
    }
    expect(names(filterPeople(cold, { ...NO_FILTERS, query: 'strauss' }, buildSearchText(cold)))).toEqual(['Ægir Strauß'])
  })

  it('folds a "First Last" name from its parts exactly as the whole display name', () => {
    const cases: Partial<Person>[] = [
      { displayName: 'Zoë Ørsted', firstName: 'Zoë', lastName: 'Ørsted' },
      { displayName: 'Иван Петров', firstName: 'Иван', lastName: 'Петров' },
      { displayName: 'ΣΟΦΙΑ ΠΑΠΑΣ', firstName: 'ΣΟΦΙΑ', lastName: 'ΠΑΠΑΣ' },
      { displayName: 'Ann\nMarie Łoś', firstName: 'Ann\nMarie', lastName: 'Łoś' },
      { displayName: 'Ægir Strauß', firstName: 'Ægir', lastName: 'Strauß' },
      // Not "First Last": the display name itself is folded.
      { displayName: 'Dr. José Núñez', firstName: 'José', lastName: 'Núñez' },
      { displayName: 'Núñez José', firstName: 'José', lastName: 'Núñez' },
      { displayName: '', firstName: 'Łukasz', lastName: 'Żak' },
      { displayName: 'Only', firstName: '', lastName: '' }
    ]
    for (const [i, c] of cases.entries()) {
      const p = makePerson(i, c)
      const whole = foldText((p.displayName || `${p.firstName} ${p.lastName}`).replace(/\n/g, ' '))
      // Twice: the second read of the parts comes from the memo.
      expect(indexPerson(p, i).sortKeys.name).toBe(whole)
      expect(indexPerson(p, i).sortKeys.name).toBe(whole)
    }
  })

  it('entries are never made reactive, without marking each one', async () => {
    const { isReactive, reactive } = await import('vue')
    const entry = indexPerson(makePerson(1, {}), 0)
    expect(Object.prototype.hasOwnProperty.call(entry, '__v_skip')).toBe(false)
    expect(isReactive(reactive({ list: [entry] }).list[0])).toBe(false)
  })
})
