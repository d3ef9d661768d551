/**
 * Mounts the whole renderer (App) over the fake AppApi for the photo-editing tests, with the
 * cropper replaced by a stub that reports a fixed crop (real cropping is tested in Chromium), and
 * blob URLs, downloads and job ids recorded instead of touching the browser.
 */
import type { VueWrapper } from '@vue/test-utils'
import { defineComponent, h, onMounted } from 'vue'
import type { Account, AppApi, Person } from '../../../preload/contract'
import App from '../App.vue'
import type { CropResult } from '../editor/crop-math'
import { usePeopleStore } from '../stores/people-store'
import { usePhotoStore } from '../stores/photo-store'
import { createFakeAppApi, makeAccount, makePerson, overviewOf, type FakeAppApi } from './fake-app-api'
import { createTestPinia, mountWithApp, settle } from './mount-app'

/** What the stub cropper reports: the right half of the photo turned once. */
export const STUB_CROP: CropResult = { crop: { x: 0.25, y: 0.125, width: 0.5, height: 0.375 }, turns: 1, sourceSide: 450 }

export function cropperStub(calls: string[], crop: CropResult = STUB_CROP) {
  return defineComponent({
    name: 'PhotoCropper',
    props: { src: { type: String, default: '' }, disabled: Boolean, label: { type: String, default: '' }, checkered: Boolean },
    emits: ['change', 'ready', 'error'],
    setup(props, { emit, expose }) {
      onMounted(() => {
        emit('ready', { width: 1200, height: 900 })
        emit('change', crop)
      })
      expose({
        zoom: (direction: number) => calls.push(`zoom ${direction}`),
        rotate: () => calls.push('rotate'),
        reset: () => calls.push('reset'),
        move: (dx: number, dy: number) => calls.push(`move ${dx} ${dy}`)
      })
      return () => h('div', { 'data-testid': 'cropper-stub', 'data-src': props.src, 'data-disabled': props.disabled })
    }
  })
}

export function photoPeople(): Person[] {
  return [
    makePerson(1, { displayName: 'Zoë Ålander', email: 'zoe@example.com' }),
    makePerson(2, { displayName: 'Mia Holm', email: 'mia@example.com', canEditPhoto: false }),
    makePerson(3, { displayName: 'Adam Ng', email: 'adam@example.com', hasPhoto: false })
  ]
}

export interface Download {
  readonly fileName: string
  readonly type: string
  readonly text: Promise<string>
}

export interface PhotoApp {
  readonly wrapper: VueWrapper
  readonly api: FakeAppApi
  readonly cropperCalls: string[]
  readonly downloads: Download[]
  readonly revoked: string[]
  /** The row of a person by display name. */
  row(name: string): Element
  unmount(): void
}

export async function mountPhotoApp(
  options: {
    people?: Person[]
    account?: Account
    locale?: 'en' | 'de'
    api?: (api: FakeAppApi) => FakeAppApi
    overrides?: Parameters<typeof createFakeAppApi>[0]
  } = {}
): Promise<PhotoApp> {
  const account = options.account ?? makeAccount()
  const base = createFakeAppApi({ people: options.people ?? photoPeople(), overview: overviewOf([account]), ...options.overrides })
  const api = options.api ? options.api(base) : base
  // happy-dom has no layout: give the list a height so the virtualizer renders its rows.
  useListHeight()
  const cropperCalls: string[] = []
  const pinia = createTestPinia(api as AppApi, options.locale ?? 'en')
  const wrapper = mountWithApp(App, {
    api,
    pinia,
    locale: options.locale ?? 'en',
    props: { launchPortal: null },
    attachTo: document.body,
    stubs: { PhotoCropper: cropperStub(cropperCalls) }
  })
  usePeopleStore().setUrlFactory({ createUrl: (img) => `blob:photo/${img.width}`, revokeUrl: () => {} })
  const downloads: Download[] = []
  const revoked: string[] = []
  let jobs = 0
  let urls = 0
  usePhotoStore().setDeps({
    urls: { createUrl: () => `blob:editor/${++urls}`, revokeUrl: (url) => void revoked.push(url) },
    newJobId: () => `job-${++jobs}`,
    download: {
      document,
      urls: {
        createObjectURL: (blob: Blob) => {
          downloads.push({ fileName: '', type: blob.type, text: blob.text() })
          return `blob:download/${downloads.length}`
        },
        revokeObjectURL: () => {}
      } as never,
      later: () => {}
    }
  })
  // The <a download> is clicked in the real document: record its name, do not navigate.
  const onClick = (event: Event): void => {
    const a = event.target as HTMLAnchorElement
    if (a?.tagName === 'A' && a.download) {
      event.preventDefault()
      const index = Number((a.getAttribute('href') ?? '').split('/').pop()) - 1
      const entry = downloads[index]
      if (entry) downloads[index] = { ...entry, fileName: a.download }
    }
  }
  document.addEventListener('click', onClick)
  await settle(20)
  const row = (name: string): Element => {
    const found = Array.from(document.querySelectorAll('[data-testid="person-row"]')).find((r) => r.textContent?.includes(name))
    if (!found) throw new Error(`No row for ${name}`)
    return found
  }
  const unmount = (): void => {
    document.removeEventListener('click', onClick)
    wrapper.unmount()
    document.body.innerHTML = ''
  }
  return { wrapper, api, cropperCalls, downloads, revoked, row, unmount }
}

export function imageFile(name = 'portrait.jpg', bytes: number[] = [255, 216, 255, 224, 1, 2, 3]): File {
  return new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' })
}

/** A drag event carrying files (happy-dom's DragEvent ignores dataTransfer in its init). */
export function dragEvent(type: string, files: readonly File[]): Event {
  const data = new DataTransfer()
  for (const file of files) data.items.add(file)
  const event = new Event(type, { bubbles: true, cancelable: true })
  Object.defineProperties(event, { dataTransfer: { value: data }, clientX: { value: 120 }, clientY: { value: 200 } })
  return event
}

/** Drags files over an element (enter + over), without dropping. */
export async function dragOver(target: Element, files: readonly File[]): Promise<void> {
  target.dispatchEvent(dragEvent('dragenter', files))
  target.dispatchEvent(dragEvent('dragover', files))
  await settle(3)
}

/** Drags files over an element and drops them there. */
export async function drop(target: Element, files: readonly File[]): Promise<void> {
  await dragOver(target, files)
  target.dispatchEvent(dragEvent('drop', files))
  await settle(15)
}

export function byTestId(id: string): HTMLElement | null {
  return document.querySelector(`[data-testid="${id}"]`)
}

export function allByTestId(id: string): HTMLElement[] {
  return Array.from(document.querySelectorAll(`[data-testid="${id}"]`))
}

export async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('Nothing to click')
  ;(el as HTMLElement).click()
  await settle(10)
}

export async function key(target: EventTarget, k: string, init: KeyboardEventInit = {}): Promise<void> {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...init }))
  await settle(10)
}

/** A promise the test settles itself, for calls that should stay in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void
  const promise = new Promise<T>((r) => (resolve = r))
  return { promise, resolve }
}

const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight')
let patched = false

/** The people list's scroll box gets 520 px (10 rows), as in a browser. */
function useListHeight(): void {
  if (patched) return
  patched = true
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.getAttribute('role') === 'listbox' ? 520 : (clientHeight?.get?.call(this) ?? 0)
    }
  })
}
