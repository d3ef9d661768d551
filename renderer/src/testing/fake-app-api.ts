/**
 * A fake AppApi for renderer tests: the same shape main answers through the bridge, with
 * in-memory people and photos, and every call recorded. Override any method per test.
 */
import { createFakeBulkApi } from './fake-bulk-api'
import { createFakeHandoffApi } from './fake-handoff-api'
import type {
  Account,
  AccountsOverview,
  AppApi,
  AppSettings,
  AppError,
  ErrorCode,
  PeoplePage,
  Person,
  PersonPhotos,
  PhotoAction,
  PhotoChange,
  PhotoImage,
  PhotoProgress,
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
  /** Sends a `photos:progress` event to every listener. */
  emitProgress(progress: PhotoProgress): void
  /** The arguments of every call, by channel name, e.g. args['photos.replace'][0]. */
  readonly args: Record<string, unknown[]>
}

/** Per-test replacements of single methods; `peopleApi` because `people` is the fake's data. */
type Overrides = {
  accounts?: Partial<AppApi['accounts']>
  peopleApi?: Partial<AppApi['people']>
  photos?: Partial<AppApi['photos']>
  activity?: Partial<AppApi['activity']>
  settings?: Partial<AppApi['settings']>
}

export function createFakeAppApi(options: { people?: readonly Person[]; overview?: AccountsOverview } & Overrides = {}): FakeAppApi {
  const current = new Map((options.people ?? []).map((p) => [p.id, p]))
  const people = {
    slice: (start: number, end: number) => (options.people ?? []).slice(start, end).map((p) => current.get(p.id) ?? p),
    find: (match: (p: Person) => boolean) => [...current.values()].find(match),
    get length() {
      return current.size
    }
  }
  let overview = options.overview ?? overviewOf([])
  const listeners = new Set<(o: AccountsOverview) => void>()
  const progressListeners = new Set<(p: PhotoProgress) => void>()
  const calls: string[] = []
  const args: Record<string, unknown[]> = {}
  const record = <A extends unknown[], R>(name: string, fn: (...a: A) => R) => (...a: A): R => {
    calls.push(name)
    ;(args[name] ??= []).push(a[0])
    return fn(...a)
  }
  let photoHash = 1
  /** What main answers after a change: the person with a new photo hash (or none), read back. */
  const changed = (action: PhotoAction, userId: string, hasPhoto: boolean): Result<PhotoChange> => {
    const before = current.get(userId)
    if (!before) return fail('portal/not-found')
    photoHash++
    const person: Person = { ...before, hasPhoto, smallPhoto: `/photos/${userId}_small.png?hash=${photoHash}` }
    current.set(userId, person)
    const sizes = (Object.keys(SIZE_PIXELS) as PhotoSize[]).map((size) => ({ size, ref: `/photos/${userId}_${size}.png?hash=${photoHash}` }))
    return ok({ action, userId, person, photos: { userId, hasPhoto, sizes }, verified: true, backupId: `b-${photoHash}` })
  }
  let lastChangedUser: string | null = null

  const accounts: AppApi['accounts'] = {
    overview: record('accounts.overview', async () => ok(overview)),
    signIn: record('accounts.signIn', async () => fail('auth/invalid-credentials')),
    verifyCode: record('accounts.verifyCode', async () => fail('auth/invalid-code')),
    cancelSignIn: record('accounts.cancelSignIn', async () => ok(undefined)),
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
    // No cache unless a test gives one: the list then loads as on a first start.
    cached: record('people.cached', async () => ok(null)),
    ...options.peopleApi
  }

  let openCount = 0
  const framings = new Map<string, ReturnType<AppApi['photos']['frame']>>()
  const photos: AppApi['photos'] = {
    get: record('photos.get', async ({ userId }): Promise<Result<PersonPhotos>> => {
      const p = people.find((x) => x.id === userId)
      if (!p) return fail('portal/not-found')
      const hash = /hash=(\d+)/.exec(p.smallPhoto)?.[1] ?? '1'
      const sizes = (Object.keys(SIZE_PIXELS) as PhotoSize[]).map((size) => ({ size, ref: `/photos/${userId}_${size}.png?hash=${hash}` }))
      return ok({ userId, hasPhoto: p.hasPhoto, sizes })
    }),
    image: record('photos.image', async ({ ref }): Promise<Result<PhotoImage>> => {
      const size = (Object.keys(SIZE_PIXELS) as PhotoSize[]).find((s) => ref.includes(`_${s}.`)) ?? 'small'
      const [width, height] = SIZE_PIXELS[size]
      return ok({ bytes: new Uint8Array([137, 80, 78, 71]), mime: 'image/png', width, height })
    }),
    // Photo editing: answers shaped like main's; a test overrides what it needs.
    inspect: record('photos.inspect', async ({ bytes }) => ok({ format: 'jpeg', width: 1200, height: 900, byteLength: bytes.byteLength, frames: 1, hasAlpha: false })),
    // An upright JPEG "of" the source: main fits it within 2048 px; the test bytes only need to be bytes.
    preview: record('photos.preview', async () => ok({ bytes: new Uint8Array([255, 216, 255, 219]), mime: 'image/jpeg' as const, width: 1200, height: 900 })),
    // No face unless a test says otherwise: the editor keeps its centred square.
    frame: record('photos.frame', async () => ok({ crop: null, turns: 0 as const, faces: 0, rollDegrees: null, warnings: [{ code: 'no-face' as const }] })),
    stage: record('photos.stage', async () => ok({ staged: true as const })),
    // Like main: one call inspects (this fake's inspect), prepares (this fake's preview) and
    // starts the framing (this fake's frame), which photos.framing then answers.
    open: record('photos.open', async ({ bytes, preset }) => {
      const summary = await photos.inspect({ bytes })
      if (!summary.ok) return summary
      const openId = `00000000-0000-4000-8000-${String(++openCount).padStart(12, '0')}`
      framings.set(openId, photos.frame({ bytes, preset }))
      // Main's prepared picture; this fake makes it with its (test-overridable) preview.
      const prepared = await photos.preview({ bytes })
      return ok({ openId, summary: summary.value, ...(prepared.ok ? { preview: prepared.value } : {}) })
    }),
    framing: record('photos.framing', async ({ openId }) => {
      const framing = framings.get(openId)
      if (!framing) return fail('input/invalid')
      const answer = await framing
      return answer.ok ? ok((({ preview: _preview, ...f }) => f)(answer.value)) : answer
    }),
    replace: record('photos.replace', async ({ userId }) => {
      lastChangedUser = userId
      return changed('replace', userId, true)
    }),
    cancel: record('photos.cancel', async () => ok({ cancelled: true })),
    remove: record('photos.remove', async ({ userId }) => {
      lastChangedUser = userId
      return changed('delete', userId, false)
    }),
    setFromUrl: record('photos.setFromUrl', async ({ userId }) => {
      lastChangedUser = userId
      return changed('set-from-url', userId, true)
    }),
    fetchUrl: record('photos.fetchUrl', async ({ url }) => ok({ bytes: new Uint8Array([255, 216, 255, 224]), fileName: url.split('/').pop() || 'photo.jpg' })),
    original: record('photos.original', async ({ userId }) =>
      ok({ bytes: new Uint8Array([255, 216, 255, 224]), mime: 'image/jpeg', fileName: `${current.get(userId)?.displayName ?? userId}-original.jpg` })
    ),
    history: record('photos.history', async () => ok([])),
    restore: record('photos.restore', async ({ userId }) => {
      lastChangedUser = userId
      return changed('restore', userId, true)
    }),
    undo: record('photos.undo', async () => (lastChangedUser ? changed('undo', lastChangedUser, true) : fail('photo/no-backup'))),
    onProgress: (listener) => {
      progressListeners.add(listener)
      return () => progressListeners.delete(listener)
    },
    ...options.photos
  }

  const activity: AppApi['activity'] = {
    list: record('activity.list', async () => ok([])),
    exportCsv: record('activity.exportCsv', async () => ok({ csv: 'at,portal,actor\n', fileName: 'photo-activity.csv' })),
    ...options.activity
  }

  let settings: AppSettings = { language: 'system', theme: 'system' }
  const settingsApi: AppApi['settings'] = {
    get: record('settings.get', async () => ok(settings)),
    update: record('settings.update', async (patch) => {
      settings = { ...settings, ...patch }
      return ok(settings)
    }),
    ...options.settings
  }

  return {
    accounts,
    people: peopleApi,
    photos,
    activity,
    settings: settingsApi,
    // The bulk UI is only switched on where a test hands its stores a bulk api (provideBulkApi).
    bulk: createFakeBulkApi(),
    handoff: createFakeHandoffApi(),
    calls,
    args,
    emitChanged: (next) => {
      overview = next
      for (const l of listeners) l(next)
    },
    emitProgress: (progress) => {
      for (const l of progressListeners) l(progress)
    }
  }
}

/** Replaces one photos method of a running fake (after it was handed to the app), still recording the call. */
export function overridePhoto<K extends keyof AppApi['photos']>(api: FakeAppApi, name: K, fn: AppApi['photos'][K]): void {
  ;(api.photos as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
    api.calls.push(`photos.${String(name)}`)
    ;(api.args[`photos.${String(name)}`] ??= []).push(a[0])
    return (fn as (...x: unknown[]) => unknown)(...a)
  }
}
