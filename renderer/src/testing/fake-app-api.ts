/**
 * A fake AppApi for renderer tests: the same shape main answers through the bridge, with
 * in-memory people and photos, and every call recorded. Override any method per test.
 */
import type {
  Account,
  AccountsOverview,
  AppApi,
  AppError,
  ErrorCode,
  PeoplePage,
  Person,
  PersonPhotos,
  PhotoImage,
  PhotoSize,
  Result
} from '../../../preload/contract'

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string = code, extra: Partial<AppError> = {}): Result<never> => ({
  ok: false,
  error: { code, message, ...extra }
})

export function makePerson(i: number, overrides: Partial<Person> = {}): Person {
  const id = `u-${String(i).padStart(5, '0')}`
  return {
    id,
    displayName: `Person ${i}`,
    firstName: 'Person',
    lastName: String(i),
    email: `person${i}@example.com`,
    title: '',
    department: '',
    groups: [],
    status: 'active',
    role: 'user',
    hasPhoto: true,
    smallPhoto: `/photos/${id}_32.png?hash=1`,
    canEditPhoto: true,
    ...overrides
  }
}

export function makeAccount(overrides: Partial<Account> = {}): Account {
  return {
    id: 'acc-1',
    portalUrl: 'https://hr.example.com',
    user: { id: 'u-00000', displayName: 'Ada Admin', email: 'ada@example.com', role: 'admin' },
    state: 'signed-in',
    tokenStorage: 'keychain',
    policy: { rule: 'admin-may-edit-others', portalVersion: '3.5.0' },
    lastSignedInAt: '2026-11-29T08:00:00.000Z',
    ...overrides
  }
}

export function overviewOf(accounts: readonly Account[], activeAccountId: string | null = accounts[0]?.id ?? null, keychainAvailable = true): AccountsOverview {
  return { accounts, activeAccountId, keychainAvailable }
}

const SIZE_PIXELS: Record<PhotoSize, [number, number]> = {
  original: [640, 480],
  retina: [360, 360],
  max: [200, 200],
  big: [82, 82],
  medium: [48, 48],
  small: [32, 32]
}

export interface FakeAppApi extends AppApi {
  /** Channel names in call order, e.g. "people.page". */
  readonly calls: string[]
  /** Sends an `accounts:changed` event to every listener. */
  emitChanged(overview: AccountsOverview): void
}

/** Per-test replacements of single methods; `peopleApi` because `people` is the fake's data. */
type Overrides = {
  accounts?: Partial<AppApi['accounts']>
  peopleApi?: Partial<AppApi['people']>
  photos?: Partial<AppApi['photos']>
  activity?: Partial<AppApi['activity']>
}

const notFaked = fail('app/internal', 'Not part of this fake AppApi.')

export function createFakeAppApi(options: { people?: readonly Person[]; overview?: AccountsOverview } & Overrides = {}): FakeAppApi {
  const people = options.people ?? []
  let overview = options.overview ?? overviewOf([])
  const listeners = new Set<(o: AccountsOverview) => void>()
  const calls: string[] = []
  const record = <A extends unknown[], R>(name: string, fn: (...args: A) => R) => (...args: A): R => {
    calls.push(name)
    return fn(...args)
  }

  const accounts: AppApi['accounts'] = {
    overview: record('accounts.overview', async () => ok(overview)),
    signIn: record('accounts.signIn', async () => fail('auth/invalid-credentials')),
    verifyCode: record('accounts.verifyCode', async () => fail('auth/invalid-code')),
    switchTo: record('accounts.switchTo', async ({ accountId }) => {
      overview = { ...overview, activeAccountId: accountId }
      return ok(overview)
    }),
    signOut: record('accounts.signOut', async ({ accountId }) => {
      overview = { ...overview, accounts: overview.accounts.map((a) => (a.id === accountId ? { ...a, state: 'signed-out' as const } : a)) }
      return ok(overview)
    }),
    forget: record('accounts.forget', async ({ accountId }) => {
      const rest = overview.accounts.filter((a) => a.id !== accountId)
      overview = { ...overview, accounts: rest, activeAccountId: overview.activeAccountId === accountId ? null : overview.activeAccountId }
      return ok(overview)
    }),
    onChanged: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    ...options.accounts
  }

  const peopleApi: AppApi['people'] = {
    page: record('people.page', async ({ startIndex, count }): Promise<Result<PeoplePage>> =>
      ok({ people: people.slice(startIndex, startIndex + count), startIndex, total: people.length })
    ),
    get: record('people.get', async ({ userId }) => {
      const p = people.find((x) => x.id === userId)
      return p ? ok(p) : fail('portal/not-found')
    }),
    ...options.peopleApi
  }

  const photos: AppApi['photos'] = {
    get: record('photos.get', async ({ userId }): Promise<Result<PersonPhotos>> => {
      const p = people.find((x) => x.id === userId)
      if (!p) return fail('portal/not-found')
      const sizes = (Object.keys(SIZE_PIXELS) as PhotoSize[]).map((size) => ({ size, ref: `/photos/${userId}_${size}.png?hash=1` }))
      return ok({ userId, hasPhoto: p.hasPhoto, sizes })
    }),
    image: record('photos.image', async ({ ref }): Promise<Result<PhotoImage>> => {
      const size = (Object.keys(SIZE_PIXELS) as PhotoSize[]).find((s) => ref.includes(`_${s}.`)) ?? 'small'
      const [width, height] = SIZE_PIXELS[size]
      return ok({ bytes: new Uint8Array([137, 80, 78, 71]), mime: 'image/png', width, height })
    }),
    // Photo editing (issue 4) is not faked here; a test that needs it overrides these.
    inspect: record('photos.inspect', async () => notFaked),
    replace: record('photos.replace', async () => notFaked),
    cancel: record('photos.cancel', async () => notFaked),
    remove: record('photos.remove', async () => notFaked),
    setFromUrl: record('photos.setFromUrl', async () => notFaked),
    original: record('photos.original', async () => notFaked),
    history: record('photos.history', async () => notFaked),
    restore: record('photos.restore', async () => notFaked),
    undo: record('photos.undo', async () => notFaked),
    onProgress: () => () => {},
    ...options.photos
  }

  const activity: AppApi['activity'] = {
    list: record('activity.list', async () => ok([])),
    exportCsv: record('activity.exportCsv', async () => notFaked),
    ...options.activity
  }

  return {
    accounts,
    people: peopleApi,
    photos,
    activity,
    calls,
    emitChanged: (next) => {
      overview = next
      for (const l of listeners) l(next)
    }
  }
}
