/**
 * Mounts the people view with a fake AppApi and a fake BulkApi for the bulk-import tests, with
 * preview URLs and downloads recorded instead of touching the browser.
 */
import type { VueWrapper } from '@vue/test-utils'
import type { Account, BulkJobSummary, BulkRow, Person } from '../../../preload/contract'
import { provideBulkApi } from '../bulk/bulk-api'
import PeopleView from '../components/people-view.vue'
import { useAccountsStore } from '../stores/accounts-store'
import { useBrowserFilesStore } from '../stores/browser-files'
import { usePeopleStore } from '../stores/people-store'
import { createFakeAppApi, makeAccount, makePerson, overviewOf, type FakeAppApi } from './fake-app-api'
import { createFakeBulkApi, type FakeBulkApi } from './fake-bulk-api'
import { useListHeight } from './dom'
import { createTestPinia, mountWithApp, settle } from './mount-app'
import { cropperStub } from './photo-app'

export function bulkPeople(): Person[] {
  return [
    makePerson(1, { displayName: 'Anna Berg', firstName: 'Anna', lastName: 'Berg', email: 'anna.berg@example.com', department: 'Sales' }),
    makePerson(2, { displayName: 'Jo Kim', email: 'jo@example.com', hasPhoto: false }),
    makePerson(3, { displayName: 'Li Wei', email: 'li@example.com', canEditPhoto: false }),
    makePerson(4, { displayName: 'Sam Lee', email: 'sam.lee@north.example.com', department: 'North' }),
    makePerson(5, { displayName: 'Sam Lee', email: 'samuel.lee@south.example.com', department: 'South' }),
    makePerson(6, { displayName: 'Mia Holm', email: 'mia@example.com' }),
    makePerson(7, { displayName: 'Ola Nord', email: 'ola.nord@example.com' })
  ]
}

export interface Download {
  readonly fileName: string
  readonly type: string
}

export interface BulkApp {
  readonly wrapper: VueWrapper
  readonly api: FakeAppApi
  readonly bulk: FakeBulkApi
  readonly downloads: Download[]
  /** A row of the people list by name. */
  personRow(name: string): Element
  /** A row of the plan by file name. */
  planRow(file: string): HTMLElement
  planRows(): HTMLElement[]
  unmount(): void
}

export async function mountBulkApp(
  options: {
    people?: Person[]
    account?: Account
    locale?: 'en' | 'de'
    jobs?: readonly BulkJobSummary[]
    plans?: Record<string, readonly BulkRow[]>
  } = {}
): Promise<BulkApp> {
  useListHeight()
  const account = options.account ?? makeAccount()
  const people = options.people ?? bulkPeople()
  const api = createFakeAppApi({ people, overview: overviewOf([account]) })
  const bulk = createFakeBulkApi({ people, ...(options.jobs ? { jobs: options.jobs } : {}), ...(options.plans ? { plans: options.plans } : {}) })
  const pinia = createTestPinia(api, options.locale ?? 'en')
  provideBulkApi(pinia, bulk)
  const wrapper = mountWithApp(PeopleView, {
    api,
    pinia,
    locale: options.locale ?? 'en',
    props: { account },
    attachTo: document.body,
    stubs: { PhotoCropper: cropperStub([]) }
  })
  usePeopleStore().setUrlFactory({ createUrl: (img) => `blob:photo/${img.width}`, revokeUrl: () => {} })
  const downloads: Download[] = []
  let previews = 0
  useBrowserFilesStore().setDeps({
    urls: { createUrl: () => `blob:file/${++previews}`, revokeUrl: () => {} },
    download: {
      document,
      urls: { createObjectURL: (blob: Blob) => `blob:download/${downloads.push({ fileName: '', type: blob.type })}`, revokeObjectURL: () => {} } as never,
      later: () => {}
    }
  })
  const onClick = (event: Event): void => {
    const a = event.target as HTMLAnchorElement
    if (a?.tagName !== 'A' || !a.download) return
    event.preventDefault()
    const index = Number((a.getAttribute('href') ?? '').split('/').pop()) - 1
    const entry = downloads[index]
    if (entry) downloads[index] = { ...entry, fileName: a.download }
  }
  document.addEventListener('click', onClick)
  await useAccountsStore().init(null)
  await settle(20)
  const find = (selector: string, text: string): HTMLElement => {
    const found = Array.from(document.querySelectorAll<HTMLElement>(selector)).find((r) => r.textContent?.includes(text))
    if (!found) throw new Error(`Nothing like ${selector} with "${text}"`)
    return found
  }
  return {
    wrapper,
    api,
    bulk,
    downloads,
    personRow: (name) => find('[data-testid="person-row"]', name),
    planRow: (file) => find('[data-testid="bulk-row"]', file),
    planRows: () => Array.from(document.querySelectorAll<HTMLElement>('[data-testid="bulk-row"]')),
    unmount: () => {
      document.removeEventListener('click', onClick)
      wrapper.unmount()
      document.body.innerHTML = ''
    }
  }
}

/** A drag or drop event with any DataTransfer-like object (happy-dom's DragEvent ignores it). */
export function dataEvent(type: string, data: DataTransfer, at: { x: number; y: number } = { x: 120, y: 200 }): Event {
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperties(event, { dataTransfer: { value: data }, clientX: { value: at.x }, clientY: { value: at.y } })
  return event
}
