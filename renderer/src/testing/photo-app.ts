/**
 * Mounts the whole renderer (App) over the fake AppApi for the photo-editing tests, with the
 * cropper replaced by a stub that reports a fixed crop (real cropping is tested in Chromium), and
 * blob URLs, downloads and job ids recorded instead of touching the browser.
 */
import type { VueWrapper } from '@vue/test-utils'
import { defineComponent, h, onMounted, type PropType } from 'vue'
import type { Account, AppApi, Person } from '../../../preload/contract'
import App from '../App.vue'
import type { CropResult } from '../editor/crop-math'
import { usePeopleStore } from '../stores/people-store'
import { useBrowserFilesStore } from '../stores/browser-files'
import { usePhotoChangesStore } from '../stores/photo-changes-store'
import { createFakeAppApi, makeAccount, makePerson, overviewOf, type FakeAppApi } from './fake-app-api'
import { useListHeight } from './dom'
import { createTestPinia, mountWithApp, settle } from './mount-app'

/** What the stub cropper reports: the right half of the photo turned once. */
export const STUB_CROP: CropResult = { crop: { x: 0.25, y: 0.125, width: 0.5, height: 0.375 }, turns: 1, sourceSide: 450 }

type StartingCrop = Pick<CropResult, 'crop' | 'turns'>

/** Reports STUB_CROP, or the starting crop it is given untouched (as the real one reads it back). */
export function cropperStub(calls: string[], crop: CropResult = STUB_CROP) {
  return defineComponent({
    name: 'PhotoCropper',
    props: {
      src: { type: String, default: '' },
      disabled: Boolean,
      label: { type: String, default: '' },
      checkered: Boolean,
      initial: { type: Object as PropType<StartingCrop | null>, default: null }
    },
    emits: ['change', 'ready', 'error'],
    setup(props, { emit, expose }) {
      onMounted(() => {
        emit('ready', { width: 1200, height: 900 })
        emit('change', props.initial ? { ...props.initial, sourceSide: crop.sourceSide } : crop)
      })
      expose({
        zoom: (direction: number) => calls.push(`zoom ${direction}`),
        rotate: () => calls.push('rotate'),
        reset: () => calls.push('reset'),
        move: (dx: number, dy: number) => calls.push(`move ${dx} ${dy}`),
        // Starting over on a crop (auto-frame): reported back as the real cropper would.
        place: (start: StartingCrop | null) => {
          calls.push(`place ${start ? JSON.stringify(start) : 'centred'}`)
          emit('change', start ? { ...start, sourceSide: crop.sourceSide } : { ...crop, turns: 0 })
        }
      })
      return () =>
        h('div', { 'data-testid': 'cropper-stub', 'data-src': props.src, 'data-disabled': props.disabled, 'data-initial': props.initial ? JSON.stringify(props.initial) : undefined })
    }
  })
}

function photoPeople(): Person[] {
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
  usePhotoChangesStore().setDeps({ newJobId: () => `job-${++jobs}` })
  useBrowserFilesStore().setDeps({
    urls: { createUrl: () => `blob:editor/${++urls}`, revokeUrl: (url) => void revoked.push(url) },
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

