// Deterministic demo organisation: departments, an owner, admins, room admins, users and guests, with
// active, terminated and pending people, names with diacritics and generated portraits.

import { fold, initialOf } from './fold'
import { ticksFromUnixMs } from './dotnet-hash'
import { centredSquare } from '../images/images'
import type { EmployeeType, GroupRecord, PhotoRecord, UserRecord } from './model'
import type { PortraitSpec, Rgb } from '../images/portrait'
import type { DemoAccounts } from '../types'

export interface SeedOptions {
  people: number
  seed: number
  photoShare: number
}

export interface SeedData {
  users: UserRecord[]
  groups: GroupRecord[]
  accounts: DemoAccounts
}

/** Password of every seeded person that is not a demo account. */
export const PERSON_PASSWORD = 'demo-person'
export const TWO_FACTOR_CODE = '123456'
const EMAIL_DOMAIN = 'demo.example'

/** mulberry32: small, fast and deterministic. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function pick<T>(rnd: () => number, list: readonly T[]): T {
  const item = list[Math.floor(rnd() * list.length)]
  if (item === undefined) throw new Error('pick from an empty list')
  return item
}

function randomGuid(rnd: () => number): string {
  const hex: string[] = []
  for (let i = 0; i < 32; i++) hex.push(Math.floor(rnd() * 16).toString(16))
  hex[12] = '4'
  hex[16] = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16)
  const h = hex.join('')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
}

const FIRST_NAMES = [
  'Anna', 'José', 'Zoë', 'Łukasz', 'Søren', 'François', 'Björn', 'Anaïs', 'Jürgen', 'Małgorzata', 'Renée', 'Chloé',
  'Ștefan', 'Çağla', 'Åsa', 'Þóra', 'Oliver', 'Emma', 'Liam', 'Mia', 'Noah', 'Sophia', 'Lucas', 'Amelia', 'Mateo',
  'Isabella', 'Hugo', 'Léa', 'Jakub', 'Zuzana', 'Matěj', 'Inês', 'Pedro', 'Yuki', 'Aiko', 'Ravi', 'Priya', 'Omar',
  'Fatima', 'Kwame', 'Amara', 'Mikael', 'Eeva', 'Niamh', 'Seán', 'Dagný', 'Göran', 'Ingrid', 'Tomasz', 'Agnieszka',
  'Đorđe', 'Nikola', 'Elena', 'Marco', 'Giulia', 'Sven', 'Freja', 'Jonas', 'Hannah', 'Ben', 'Clara', 'Ádám', 'Noémie'
]

const LAST_NAMES = [
  'García', 'Ærøskøbing-Hansen', 'Nowak', 'Kowalski', 'Øvergaard', 'Müller', 'Dvořák', 'Smith', 'Johnson', 'Brown',
  'Lefèvre', 'Núñez', 'Söderström', 'Łęcki', 'Wiśniewska', 'Jørgensen', "O'Brien", 'Novák', 'Šimková', 'Petrović',
  'Yılmaz', 'Çelik', 'Rossi', 'Bianchi', 'Schmidt', 'Weiß', 'Fischer', 'Dubois', 'Moreau', 'Santos', 'Gonçalves',
  'Kim', 'Tanaka', 'Sato', 'Patel', 'Khan', 'Mensah', 'Okafor', 'Virtanen', 'Korhonen', 'Ivanova', 'Horváth',
  'Kovács', 'Björklund', 'Lindqvist', 'Andersson', 'Håkansson', 'Þórsdóttir', 'Ó Súilleabháin', 'van der Berg',
  'de la Cruz', 'Zieliński', 'Ødegård', 'Straße'
]

const TITLES = [
  'HR Specialist', 'Software Engineer', 'Accountant', 'Sales Manager', 'Designer', 'Legal Counsel', 'Support Engineer',
  'Office Manager', 'Data Analyst', 'Product Owner', 'Marketing Lead', 'Recruiter', 'QA Engineer', 'Buyer',
  'Chargée de qualité', 'Técnico de logística'
]

const LOCATIONS = ['Riga', 'Lisboa', 'København', 'Kraków', 'Zürich', 'São Paulo', 'Reykjavík', 'Ærøskøbing', 'London', 'Tōkyō']

const CULTURES = ['en-US', 'en-GB', 'de-DE', 'fr-FR', 'es-ES', 'pl-PL', 'pt-BR']

/** Department names; the "&" shows that `department` is HTML-encoded. */
const DEPARTMENTS = [
  'Human Resources', 'Sales', 'Engineering', 'Marketing', 'Finance', 'Legal', 'Customer Support', 'Operations',
  'Research & Development', 'Design', 'Logística & Compras', 'Qualité'
]

const PALETTE: readonly Rgb[] = [
  [231, 76, 60], [46, 134, 193], [39, 174, 96], [142, 68, 173], [243, 156, 18], [22, 160, 133], [211, 84, 0],
  [52, 73, 94], [192, 57, 43], [41, 128, 185], [26, 188, 156], [155, 89, 182], [230, 126, 34], [127, 140, 141],
  [233, 30, 99], [0, 150, 136], [121, 85, 72], [63, 81, 181], [205, 220, 57], [255, 87, 34]
]

const PHOTO_SHAPES: ReadonlyArray<readonly [number, number]> = [
  [480, 480], [480, 480], [480, 480], [640, 480], [480, 640]
]

function portraitFor(rnd: () => number, firstName: string, lastName: string): PhotoRecord {
  const background = pick(rnd, PALETTE)
  let accent = pick(rnd, PALETTE)
  if (accent === background) accent = [Math.round(background[0] * 0.55), Math.round(background[1] * 0.55), Math.round(background[2] * 0.55)]
  const spec: PortraitSpec = {
    initials: `${initialOf(firstName) || 'X'}${initialOf(lastName) || 'X'}`,
    background,
    accent,
    pattern: Math.floor(rnd() * 4)
  }
  const [width, height] = pick(rnd, PHOTO_SHAPES)
  // Generated portraits are PNG, so their files are named .png.
  return { ext: 'png', width, height, crop: centredSquare(width, height), source: { kind: 'painted', spec }, sizes: {} }
}

function searchText(u: Pick<UserRecord, 'firstName' | 'lastName' | 'email' | 'userName'>, folder: (s: string) => string = fold): string {
  return `${folder(u.firstName)} ${folder(u.lastName)} ${folder(u.email)} ${folder(u.userName)}`
}

/** Names repeat a lot in a large organisation, so their folded forms are cached while seeding. */
function cachedFold(): (s: string) => string {
  const cache = new Map<string, string>()
  return (s) => {
    let hit = cache.get(s)
    if (hit === undefined) {
      hit = fold(s)
      if (cache.size < 10000) cache.set(s, hit)
    }
    return hit
  }
}

interface DemoSpec {
  key: keyof DemoAccounts
  id: string
  local: string
  password: string
  firstName: string
  lastName: string
  type: EmployeeType
  title?: string
  department?: string
  photo: boolean
}

/** Fixed ids so that docs and curl walkthroughs stay valid for every seed. */
const DEMO: readonly DemoSpec[] = [
  { key: 'owner', id: '0e5a7d39-7c1f-4b4e-9d5a-000000000001', local: 'owner', password: 'demo-owner', firstName: 'Olivia', lastName: 'Bennett', type: 'DocSpaceAdmin', title: 'Managing Director', photo: true },
  { key: 'admin', id: '0e5a7d39-7c1f-4b4e-9d5a-000000000002', local: 'admin', password: 'demo-admin', firstName: 'Adam', lastName: 'Kowalski', type: 'DocSpaceAdmin', title: 'HR Manager', department: 'Human Resources', photo: true },
  { key: 'roomAdmin', id: '0e5a7d39-7c1f-4b4e-9d5a-000000000003', local: 'roomadmin', password: 'demo-roomadmin', firstName: 'Rita', lastName: 'Søndergaard', type: 'RoomAdmin', title: 'Sales Manager', department: 'Sales', photo: false },
  { key: 'user', id: '0e5a7d39-7c1f-4b4e-9d5a-000000000004', local: 'user', password: 'demo-user', firstName: 'Ulrich', lastName: 'Müller', type: 'User', title: 'Software Engineer', department: 'Engineering', photo: true },
  { key: 'guest', id: '0e5a7d39-7c1f-4b4e-9d5a-000000000005', local: 'guest', password: 'demo-guest', firstName: 'Gemma', lastName: 'Núñez', type: 'Guest', photo: false },
  { key: 'twoFactor', id: '0e5a7d39-7c1f-4b4e-9d5a-000000000006', local: '2fa', password: 'demo-2fa', firstName: 'Tomasz', lastName: 'Łukaszewski', type: 'DocSpaceAdmin', title: 'HR Specialist', department: 'Human Resources', photo: true },
  { key: 'disabled', id: '0e5a7d39-7c1f-4b4e-9d5a-000000000007', local: 'disabled', password: 'demo-disabled', firstName: 'Doris', lastName: 'Ærøskøbing', type: 'User', title: 'Accountant', department: 'Finance', photo: false }
]

export function seedOrganisation(options: SeedOptions): SeedData {
  const rnd = createRandom(options.seed * 7919 + 17)
  const total = Math.max(options.people, DEMO.length)
  const users: UserRecord[] = []
  const groups: GroupRecord[] = DEPARTMENTS.map((name) => ({ id: randomGuid(rnd), name, memberIds: [] }))
  const groupByName = new Map(groups.map((g) => [g.name, g]))
  const fastFold = cachedFold()
  const start = Date.UTC(2019, 0, 1)
  const span = Date.UTC(2025, 5, 1) - start
  const usedLocals = new Set<string>()
  const nextSuffix = new Map<string, number>()

  const addToGroup = (user: UserRecord, group: GroupRecord, manager = false): void => {
    group.memberIds.push(user.id)
    user.groupIds.push(group.id)
    if (manager && !group.managerId) group.managerId = user.id
  }

  const owner = DEMO[0]
  for (const d of DEMO) {
    usedLocals.add(d.local)
    const email = `${d.local}@${EMAIL_DOMAIN}`
    const registrationMs = Date.UTC(2019, 0, 2) + DEMO.indexOf(d) * 86400000
    const u: UserRecord = {
      id: d.id,
      userName: d.local,
      email,
      firstName: d.firstName,
      lastName: d.lastName,
      title: d.title,
      type: d.type,
      isOwner: d.key === 'owner',
      status: d.key === 'disabled' ? 2 : 1,
      activationStatus: 1,
      groupIds: [],
      location: 'Riga',
      cultureName: 'en-US',
      createdBy: d.key === 'owner' ? undefined : d.key === 'guest' ? DEMO[2]?.id : owner?.id,
      registrationMs,
      terminatedMs: d.key === 'disabled' ? Date.UTC(2024, 10, 30) : undefined,
      lastModifiedTicks: ticksFromUnixMs(registrationMs + 3600000),
      usedSpace: Math.floor(rnd() * 5e8),
      password: d.password,
      tfaCode: d.key === 'twoFactor' ? TWO_FACTOR_CODE : undefined,
      search: '',
      firstFolded: fastFold(d.firstName),
      lastFolded: fastFold(d.lastName)
    }
    u.search = searchText(u, fastFold)
    if (d.photo) u.photo = portraitFor(rnd, u.firstName, u.lastName)
    users.push(u)
    const group = d.department ? groupByName.get(d.department) : undefined
    if (group) addToGroup(u, group, d.key === 'admin' || d.key === 'roomAdmin')
  }

  const inviters = [DEMO[0]?.id ?? '', DEMO[1]?.id ?? '']
  const guestInviters = [DEMO[2]?.id ?? '', DEMO[1]?.id ?? '']
  for (let i = users.length; i < total; i++) {
    const firstName = pick(rnd, FIRST_NAMES)
    const lastName = pick(rnd, LAST_NAMES)
    const base = `${fastFold(firstName)}.${fastFold(lastName)}`.replace(/[^a-z0-9.]+/g, '')
    let local = base
    let n = nextSuffix.get(base) ?? 2
    while (usedLocals.has(local)) local = `${base}${n++}`
    nextSuffix.set(base, n)
    usedLocals.add(local)
    const roll = rnd()
    const type: EmployeeType = roll < 0.02 ? 'DocSpaceAdmin' : roll < 0.12 ? 'RoomAdmin' : roll < 0.77 ? 'User' : 'Guest'
    const statusRoll = rnd()
    const terminated = statusRoll < 0.05
    const pending = !terminated && statusRoll < 0.09
    const registrationMs = start + Math.floor(rnd() * span)
    const id = randomGuid(rnd)
    const u: UserRecord = {
      id,
      userName: local,
      email: `${local}@${EMAIL_DOMAIN}`,
      firstName,
      lastName,
      title: type === 'Guest' || rnd() < 0.15 ? undefined : pick(rnd, TITLES),
      type,
      isOwner: false,
      status: terminated ? 2 : 1,
      activationStatus: pending ? 2 : 1,
      groupIds: [],
      location: rnd() < 0.7 ? pick(rnd, LOCATIONS) : undefined,
      notes: rnd() < 0.05 ? 'Works part-time; prefers e-mail.' : undefined,
      mobilePhone: rnd() < 0.3 ? `+371${String(20000000 + Math.floor(rnd() * 9999999))}` : undefined,
      cultureName: pick(rnd, CULTURES),
      createdBy: type === 'Guest' ? pick(rnd, guestInviters) : pick(rnd, inviters),
      registrationMs,
      terminatedMs: terminated ? registrationMs + Math.floor(rnd() * 3e10) : undefined,
      lastModifiedTicks: ticksFromUnixMs(registrationMs + Math.floor(rnd() * 2.6e10)),
      usedSpace: type === 'Guest' ? 0 : Math.floor(rnd() * 2e9),
      password: pending ? undefined : PERSON_PASSWORD,
      search: '',
      firstFolded: fastFold(firstName),
      lastFolded: fastFold(lastName)
    }
    u.search = `${fastFold(firstName)} ${fastFold(lastName)} ${u.email} ${local}`
    if (rnd() < options.photoShare && !pending) u.photo = portraitFor(rnd, firstName, lastName)
    if (type !== 'Guest') {
      const groupRoll = rnd()
      if (groupRoll < 0.95) addToGroup(u, pick(rnd, groups), type === 'RoomAdmin' || type === 'DocSpaceAdmin')
      if (groupRoll < 0.1) {
        const second = pick(rnd, groups)
        if (!u.groupIds.includes(second.id)) addToGroup(u, second)
      }
      // A few active admins and room admins invite others, so createdBy and guest relations vary.
      if (!terminated && !pending && type === 'RoomAdmin' && guestInviters.length < 40) guestInviters.push(id)
      if (!terminated && !pending && type === 'DocSpaceAdmin' && inviters.length < 40) inviters.push(id)
    }
    users.push(u)
  }

  const account = (key: keyof DemoAccounts) => {
    const d = DEMO.find((x) => x.key === key)
    if (!d) throw new Error(`no demo account ${key}`)
    return { id: d.id, email: `${d.local}@${EMAIL_DOMAIN}`, password: d.password, displayName: `${d.firstName} ${d.lastName}` }
  }
  const accounts: DemoAccounts = {
    owner: account('owner'),
    admin: account('admin'),
    roomAdmin: account('roomAdmin'),
    user: account('user'),
    guest: account('guest'),
    twoFactor: { ...account('twoFactor'), code: TWO_FACTOR_CODE },
    disabled: account('disabled')
  }
  return { users, groups, accounts }
}
