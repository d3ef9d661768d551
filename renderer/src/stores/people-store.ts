/**
 * The people of the active account: paged loading, the local search/filter/sort pipeline, the
 * selection and detail panel, and the photo caches. Everything heavy lives in plain modules under
 * people/ and photos/; this store wires them to Vue's reactivity (shallow: 10,000 rows must not be
 * made deeply reactive).
 */
import { defineStore } from 'pinia'
import { computed, markRaw, reactive, ref, shallowRef, watch } from 'vue'
import { afterIdle, type IdleDeadlineLike } from '../composables/after-idle'
import type { AppError, Person, PhotoSize, Result, SignedInUser } from '../../../preload/contract'
import { useAppApi } from '../api-context'
import { loadAllPeople, PageAccumulator } from '../people/page-loader'
import { parseCachedPeople } from '../people/people-cache-body'
import { applyFresh, fetchEveryone, SUPERSEDED } from '../people/people-refresh'
import {
  buildSearchText,
  collectGroups,
  countPeople,
  tallyPhotos,
  filterPeople,
  indexPerson,
  isFiltered,
  narrows,
  NO_FILTERS,
  sortPeople,
  type IndexedPerson,
  type PeopleFilters,
  type SortSpec
} from '../people/people-index'
import { blobUrlFactory, PhotoCache, type CachedPhoto } from '../photos/photo-cache'
import { ScrollSettle } from '../photos/scroll-settle'
import { listScope, type ListScope } from '../policy/capability'
import { useAccountsStore } from './accounts-store'

/** While pages stream in, the list is rebuilt at most this often (the first page shows at once). */
const FLUSH_INTERVAL_MS = 120
/** ...and at least this many times as long as the last rebuild took. */
const FLUSH_COST_FACTOR = 10
/**
 * A keystroke that narrows the last search filters its result person by person when that result is
 * at most this fraction of everyone; a larger one is searched again in everyone's text, which is
 * faster then (people-index.ts SearchText).
 */
const NARROW_FRACTION = 8
/**
 * Photo caches, in bytes of the files: a row photo (32 px) is 1–4 KB, so 8 MiB keeps a few thousand
 * rows' worth; the detail panel's six sizes of a person reach a few MB (the original), so 48 MiB keeps
 * the last dozen or so people.
 */
const ROW_PHOTO_CACHE = { maxBytes: 8 * 1024 * 1024, maxInFlight: 6 }
const DETAIL_PHOTO_CACHE = { maxBytes: 48 * 1024 * 1024, maxInFlight: 3 }

export type LoadState = 'idle' | 'loading' | 'done' | 'failed'

export interface SizeView {
  readonly size: PhotoSize
  readonly photo: Result<CachedPhoto>
}

export interface PersonPhotosView {
  readonly hasPhoto: boolean
  readonly sizes: readonly SizeView[]
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Work slices in idle time take at least this long, so a busy page still makes progress. */
const IDLE_SLICE_MS = 8

function whenIdle(run: (deadline?: IdleDeadlineLike) => void): void {
  afterIdle(run, 1000)
}

function withHaystack(entry: IndexedPerson): IndexedPerson {
  void entry.haystack
  return entry
}

export const usePeopleStore = defineStore('people', () => {
  const api = useAppApi()
  const accounts = useAccountsStore()

  const accountId = ref<string | null>(null)
  /** 'self' for Users and Guests, whom the portal refuses the list (CONTRACT.md §2.3): only their own row. */
  const scope = ref<ListScope>('everyone')
  const all = shallowRef<readonly IndexedPerson[]>([])
  const total = ref(0)
  const loadState = ref<LoadState>('idle')
  const loadError = shallowRef<AppError | null>(null)
  const loadMs = ref<number | null>(null)
  /** The cached list is on screen and the portal's is loading behind it. */
  const refreshing = ref(false)

  const filters = reactive<Mutable<PeopleFilters>>({ ...NO_FILTERS })
  const sort = ref<SortSpec>({ field: 'name', direction: 'asc' })

  const selectedId = ref<string | null>(null)
  const detailOpen = ref(false)
  /** Goes up whenever a person's photo changed here, so views showing photo sizes reload them. */
  const photoRevision = ref(0)

  // Sorting runs when the data or the sort change; a keystroke only filters the sorted list.
  const sorted = computed(() => sortPeople(all.value, sort.value))
  /** The last filtering: a keystroke that only narrows it filters its result, not everyone again. */
  let lastFilter: { source: readonly IndexedPerson[]; filters: PeopleFilters; result: IndexedPerson[] } | null = null
  /** The sorted list's haystacks in one string, for a search over everyone (built at the first search). */
  const sortedText = computed(() => buildSearchText(sorted.value))
  const visible = computed(() => {
    const source = sorted.value
    const next: PeopleFilters = { ...filters }
    // Nothing narrows the list (the search box cleared): everyone, without a pass over them.
    if (!isFiltered(next)) {
      lastFilter = null
      return source
    }
    const narrowed = lastFilter !== null && lastFilter.source === source && narrows(lastFilter.filters, next) ? lastFilter.result : null
    // A small earlier result is checked person by person; a large one costs more that way than one
    // scan of everyone's text.
    const result =
      narrowed !== null && narrowed.length * NARROW_FRACTION <= source.length
        ? filterPeople(narrowed, next)
        : filterPeople(source, next, next.query.trim() !== '' ? sortedText.value : undefined)
    lastFilter = { source, filters: next, result }
    return result
  })
  // Everyone's tally changes with the data only; a keystroke tallies just the rows it shows.
  const allTally = computed(() => tallyPhotos(all.value))
  const counts = computed(() => countPeople(allTally.value, visible.value === sorted.value ? allTally.value : tallyPhotos(visible.value)))
  const groups = computed(() => collectGroups(all.value))
  const filtered = computed(() => isFiltered(filters))
  const byId = computed(() => new Map(all.value.map((e) => [e.person.id, e])))
  const selected = computed(() => (selectedId.value === null ? null : (byId.value.get(selectedId.value)?.person ?? null)))
  const selectedIndex = computed(() => visible.value.findIndex((e) => e.person.id === selectedId.value))

  let abort: AbortController | null = null
  let rowPhotos: PhotoCache | null = null
  let detailPhotos: PhotoCache | null = null
  let urls = blobUrlFactory()
  /** Row photos wait while the list scrolls fast (people-list reports its scroll position). */
  const scrolling = markRaw(new ScrollSettle())
  /**
   * Row photos also wait while pages stream in: they took the page's 6 connections and main's
   * portal slots from the pages (10,000 people: full list 4.6 s -> 3.7 s), and each flush re-sorts
   * the list, so rows on screen may change anyway. Released when the load ends, however it ends.
   */
  const listLoading = new Set<() => void>()
  // Each key of a search puts other people in the rows: their photos wait until typing pauses, as
  // while flinging, instead of being fetched for rows the next key replaces.
  watch(
    () => filters.query,
    () => scrolling.hold()
  )
  const releaseRowPhotos = (): void => {
    for (const release of [...listLoading]) release()
  }

  /** Tests and non-browser hosts may replace how photo bytes become URLs. */
  function setUrlFactory(factory: ReturnType<typeof blobUrlFactory>): void {
    urls = factory
  }

  function newCaches(id: string): void {
    rowPhotos?.dispose()
    detailPhotos?.dispose()
    const load = (ref: string) => api.photos.image({ accountId: id, ref })
    rowPhotos = markRaw(new PhotoCache({ load, ...urls, ...ROW_PHOTO_CACHE }))
    detailPhotos = markRaw(new PhotoCache({ load, ...urls, ...DETAIL_PHOTO_CACHE }))
  }

  /**
   * Loads everyone for an account (only the user's own row for Users and Guests); a second call for
   * another account cancels the first. `user` is the signed-in user; by default the accounts store's.
   */
  async function load(id: string, user?: Pick<SignedInUser, 'id' | 'role'>): Promise<Result<{ total: number }>> {
    abort?.abort()
    const controller = new AbortController()
    abort = controller
    if (accountId.value !== id) {
      selectedId.value = null
      detailOpen.value = false
      newCaches(id)
    }
    accountId.value = id
    all.value = []
    total.value = 0
    loadError.value = null
    loadMs.value = null
    refreshing.value = false
    loadState.value = 'loading'
    const started = performance.now()
    try {
      return await loadPeople(id, user, controller, started)
    } finally {
      // A superseded load leaves the photos held for the load that replaced it.
      if (abort === controller) releaseRowPhotos()
    }
  }

  async function loadPeople(id: string, user: Pick<SignedInUser, 'id' | 'role'> | undefined, controller: AbortController, started: number): Promise<Result<{ total: number }>> {
    const me = user ?? accounts.accounts.find((a) => a.id === id)?.user
    scope.value = me ? listScope(me.role) : 'everyone'
    if (me && scope.value === 'self') return loadSelf(id, me.id, controller, started)
    if (await showCached(id, controller)) return refresh(id, controller, started)

    const pages = new PageAccumulator<IndexedPerson>((e) => e.person.id)
    let timer: ReturnType<typeof setTimeout> | null = null
    let interval = FLUSH_INTERVAL_MS
    const flush = (): void => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      if (controller.signal.aborted) return
      const started = performance.now()
      all.value = markRaw(pages.inPortalOrder())
      // The sort runs here rather than in the render, so its cost is known. Flushes are spaced at
      // least ten times their cost apart: at 50,000 people re-sorting every 120 ms would take the
      // window (and the CPU main needs for the pages) away from the load itself.
      void sorted.value
      interval = Math.max(FLUSH_INTERVAL_MS, FLUSH_COST_FACTOR * (performance.now() - started))
    }

    const result = await loadAllPeople({
      signal: controller.signal,
      fetchPage: (startIndex, count) => api.people.page({ accountId: id, startIndex, count }),
      onPage: (page) => {
        if (page.startIndex === 0) total.value = page.total
        pages.add(
          page.startIndex,
          // The haystacks as the pages arrive, so the search is ready when the list is.
          page.people.map((p, i) => withHaystack(indexPerson(p, page.startIndex + i)))
        )
        // First rows at once; later pages are batched so the list is not re-sorted 100 times.
        if (all.value.length === 0) flush()
        else timer ??= setTimeout(flush, interval)
      }
    })
    if (controller.signal.aborted) return { ok: false, error: { code: 'app/cancelled', message: 'Superseded by another load.' } }
    flush()
    loadMs.value = performance.now() - started
    if (!result.ok) {
      loadState.value = 'failed'
      loadError.value = result.error
      return result
    }
    // The loader's count, not the first page's claim: a list that ended early has only what arrived.
    total.value = result.value.total
    loadState.value = 'done'
    prepareSearch()
    return { ok: true, value: { total: result.value.total } }
  }

  /** A second start: main's cached list on screen before the portal's first page (people-refresh.ts). */
  async function showCached(id: string, controller: AbortController): Promise<boolean> {
    // Marks on the page's timeline, so a benchmark or a profile can split the second start's time.
    performance.mark('people-cache:asked')
    const cached = await api.people.cached({ accountId: id })
    performance.mark('people-cache:answered')
    const people = cached.ok && cached.value !== null ? parseCachedPeople(cached.value.body) : null
    if (controller.signal.aborted || people === null || people.length === 0) return false
    // Only the current sort's key is folded before the first paint; the haystacks follow in idle time.
    const entries = markRaw(people.map((p, i) => indexPerson(p, i)))
    performance.mark('people-cache:parsed')
    all.value = entries
    // Sorted here rather than in the first render, so the mark after it tells the sort's cost.
    void sorted.value
    performance.mark('people-cache:sorted')
    total.value = entries.length
    refreshing.value = true
    prepareCachedSearch(entries, controller)
    // The rows are there: their photos need not wait for the refresh.
    releaseRowPhotos()
    return true
  }

  /** Loads everyone behind the cached list, then applies only what changed. */
  async function refresh(id: string, controller: AbortController, started: number): Promise<Result<{ total: number }>> {
    const fresh = await fetchEveryone({ signal: controller.signal, fetchPage: (startIndex, count) => api.people.page({ accountId: id, startIndex, count }) })
    if (controller.signal.aborted) return { ok: false, error: SUPERSEDED }
    refreshing.value = false
    loadMs.value = performance.now() - started
    if (!fresh.ok) {
      loadState.value = 'failed'
      loadError.value = fresh.error
      return fresh
    }
    all.value = markRaw(applyFresh(all.value, fresh.value).list)
    total.value = all.value.length
    loadState.value = 'done'
    prepareSearch()
    return { ok: true, value: { total: total.value } }
  }

  /**
   * Builds the search text of the loaded list while the page is idle, so the first keystroke does
   * not pay for it (50,000 people: several ms). A later change of data or sort simply builds it again.
   */
  function prepareSearch(): void {
    whenIdle(() => void sortedText.value)
  }

  /**
   * The cached list's haystacks, a slice at a time while the page is idle, then its search text. A
   * search before they are all done still works: it folds the rest on demand. Stops once the list
   * was replaced (the refresh reuses these entries and prepares its own search).
   */
  function prepareCachedSearch(entries: readonly IndexedPerson[], controller: AbortController): void {
    let next = 0
    const step = (deadline?: IdleDeadlineLike): void => {
      if (controller.signal.aborted || all.value !== entries) return
      const until = performance.now() + Math.max(IDLE_SLICE_MS, deadline?.timeRemaining() ?? 0)
      while (next < entries.length && performance.now() < until) {
        for (const end = Math.min(entries.length, next + 500); next < end; next++) void (entries[next] as IndexedPerson).haystack
      }
      if (next < entries.length) whenIdle(step)
      else prepareSearch()
    }
    whenIdle(step)
  }

  /** Users and Guests: their own row from people:get, without ever calling people:page (which answers 403). */
  async function loadSelf(id: string, userId: string, controller: AbortController, started: number): Promise<Result<{ total: number }>> {
    const me = await api.people.get({ accountId: id, userId })
    if (controller.signal.aborted) return { ok: false, error: { code: 'app/cancelled', message: 'Superseded by another load.' } }
    loadMs.value = performance.now() - started
    if (!me.ok) {
      loadState.value = 'failed'
      loadError.value = me.error
      return me
    }
    all.value = markRaw([indexPerson(me.value, 0)])
    total.value = 1
    loadState.value = 'done'
    return { ok: true, value: { total: 1 } }
  }

  function reset(): void {
    abort?.abort()
    abort = null
    releaseRowPhotos()
    rowPhotos?.dispose()
    detailPhotos?.dispose()
    rowPhotos = null
    detailPhotos = null
    accountId.value = null
    scope.value = 'everyone'
    all.value = []
    total.value = 0
    loadState.value = 'idle'
    refreshing.value = false
    loadError.value = null
    selectedId.value = null
    detailOpen.value = false
  }

  /**
   * Drops the cached photos of people whose photo changed here. Their refs may not change (the real
   * server can repeat the old ?hash= for 20 minutes), and the files behind them hold the new picture.
   */
  function forgetPhotos(userIds: readonly string[]): void {
    if (userIds.length === 0) return
    const ids = userIds.map((id) => id.toLowerCase())
    const matches = (ref: string): boolean => {
      const file = (ref.split(/[?#]/)[0] ?? '').toLowerCase()
      return ids.some((id) => file.includes(`/${id}_`))
    }
    rowPhotos?.forget(matches)
    detailPhotos?.forget(matches)
    photoRevision.value++
  }

  /** Puts a changed person in place (the photo editor calls this after a replace). */
  function replacePerson(person: Person): void {
    forgetPhotos([person.id])
    const index = all.value.findIndex((e) => e.person.id === person.id)
    if (index < 0) return
    const next = [...all.value]
    const old = next[index] as IndexedPerson
    next[index] = indexPerson(person, old.order)
    all.value = markRaw(next)
    photoRevision.value++
  }

  function personById(id: string): Person | null {
    return byId.value.get(id)?.person ?? null
  }

  function clearFilters(): void {
    Object.assign(filters, NO_FILTERS)
  }

  function select(id: string | null): void {
    selectedId.value = id
  }

  function openDetail(id: string): void {
    selectedId.value = id
    detailOpen.value = true
  }

  function closeDetail(): void {
    detailOpen.value = false
  }

  /**
   * The small photo for a row; only rows on screen ask, and a row that scrolls away aborts. While the
   * list scrolls fast the request waits until scrolling settles, so rows flying past cost nothing
   * (no IPC, no Blob, no object URL); a cached photo is still answered at once.
   */
  async function rowPhoto(ref: string, signal?: AbortSignal): Promise<Result<CachedPhoto>> {
    const cached = rowPhotos?.peek(ref)
    if (cached) return { ok: true, value: cached }
    if (!(await listLoaded(signal)) || !(await scrolling.whenSettled(signal))) return { ok: false, error: { code: 'app/cancelled', message: 'The row scrolled away.' } }
    if (!rowPhotos) return { ok: false, error: { code: 'auth/not-signed-in', message: 'No account.' } }
    return rowPhotos.get(ref, signal)
  }

  /** True once no load is streaming pages (at once when none is), false when `signal` aborts first. */
  function listLoaded(signal?: AbortSignal): Promise<boolean> {
    if (signal?.aborted) return Promise.resolve(false)
    if (loadState.value !== 'loading' || refreshing.value) return Promise.resolve(true)
    return new Promise<boolean>((resolve) => {
      const finish = (value: boolean): void => {
        listLoading.delete(release)
        signal?.removeEventListener('abort', cancel)
        resolve(value)
      }
      const release = (): void => finish(true)
      const cancel = (): void => finish(false)
      listLoading.add(release)
      signal?.addEventListener('abort', cancel, { once: true })
    })
  }

  /** The list's scroll position, from its scroll events. */
  function noteScroll(scrollTop: number): void {
    scrolling.onScroll(scrollTop)
  }

  function peekRowPhoto(ref: string): CachedPhoto | undefined {
    return rowPhotos?.peek(ref)
  }

  /** Every stored size of a person with its real pixel size (photos:get, then photos:image per size). */
  async function photoSizes(userId: string, signal?: AbortSignal): Promise<Result<PersonPhotosView>> {
    const id = accountId.value
    const cache = detailPhotos
    if (id === null || cache === null) return { ok: false, error: { code: 'auth/not-signed-in', message: 'No account.' } }
    const photos = await api.photos.get({ accountId: id, userId })
    if (!photos.ok) return photos
    const sizes = await Promise.all(
      photos.value.sizes.map(async ({ size, ref }) => ({ size, photo: await cache.get(ref, signal) }))
    )
    return { ok: true, value: { hasPhoto: photos.value.hasPhoto, sizes } }
  }

  return {
    accountId,
    scope,
    all,
    total,
    loadState,
    loadError,
    loadMs,
    refreshing,
    filters,
    sort,
    sorted,
    visible,
    counts,
    groups,
    filtered,
    selectedId,
    selected,
    selectedIndex,
    detailOpen,
    load,
    reset,
    replacePerson,
    forgetPhotos,
    personById,
    photoRevision,
    clearFilters,
    select,
    openDetail,
    closeDetail,
    rowPhoto,
    noteScroll,
    peekRowPhoto,
    photoSizes,
    setUrlFactory
  }
})
