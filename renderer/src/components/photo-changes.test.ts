import { afterEach, describe, expect, it } from 'vitest'
import type { AppApi, ArgOf, HistoryEntry, PhotoChange, Result, SignInOutcome } from '../../../preload/contract'
import { useAccountsStore } from '../stores/accounts-store'
import { usePeopleStore } from '../stores/people-store'
import { usePhotoChangesStore } from '../stores/photo-changes-store'
import { fail, makeAccount, ok, overridePhoto, overviewOf, type FakeAppApi } from '../testing/fake-app-api'
import { settle } from '../testing/mount-app'
import { allByTestId, byTestId, click, deferred, drop, key } from '../testing/dom'
import { imageFile, mountPhotoApp, STUB_CROP, type PhotoApp } from '../testing/photo-app'

let app: PhotoApp | null = null
afterEach(() => {
  app?.unmount()
  app = null
})

async function start(...args: Parameters<typeof mountPhotoApp>): Promise<PhotoApp> {
  app = await mountPhotoApp(...args)
  return app
}

async function openEditorFor(a: PhotoApp, name: string): Promise<void> {
  await drop(a.row(name), [imageFile('portrait.jpg', [255, 216, 255, 1, 2, 3, 4])])
  expect(byTestId('photo-editor')).not.toBeNull()
}

const toastTexts = () => allByTestId('toast-message').map((t) => t.textContent)

/** Calls of a channel; an override that hands over to the fake's own method records the same argument twice. */
const callsOf = <C extends keyof typeof channelNames>(api: FakeAppApi, name: C) => [...new Set(api.args[channelNames[name]] ?? [])] as ArgOf<C>[]
const channelNames = { 'photos:replace': 'photos.replace', 'photos:history': 'photos.history' } as const

describe('saving the editor', () => {
  it('sends the crop as fractions with the turns and a job id of its own', async () => {
    const a = await start()
    await openEditorFor(a, 'Zoë Ålander')
    expect(byTestId('photo-editor')?.querySelector('[data-crop]')?.getAttribute('data-rotate')).toBe('1')
    await click(byTestId('editor-save'))
    const arg = a.api.args['photos.replace']?.[0] as ArgOf<'photos:replace'>
    expect(arg).toMatchObject({ accountId: 'acc-1', userId: 'u-00001', jobId: 'job-1', rotate: 1, crop: STUB_CROP.crop })
    expect(Array.from(arg.bytes)).toEqual([255, 216, 255, 1, 2, 3, 4])
  })

  it('shows the phases and the upload percent, cancels while main still can, and keeps the editor open', async () => {
    const a = await start()
    const answer = deferred<Result<PhotoChange>>()
    overridePhoto(a.api, 'replace', () => answer.promise)
    await openEditorFor(a, 'Zoë Ålander')
    await click(byTestId('editor-save'))
    const progress = () => byTestId('photo-progress') as HTMLElement
    expect(progress().dataset.phase).toBe('starting')
    expect(byTestId('editor-save')).toBeNull()

    a.api.emitProgress({ jobId: 'job-1', userId: 'u-00001', phase: 'backing-up', cancellable: true })
    await settle(3)
    expect(progress().dataset.phase).toBe('backing-up')
    expect(byTestId('photo-progress-label')?.textContent).toBe('Saving the current photo…')
    a.api.emitProgress({ jobId: 'job-1', userId: 'u-00001', phase: 'uploading', percent: 0.42, cancellable: true })
    // Another job's events are not this one's.
    a.api.emitProgress({ jobId: 'job-other', userId: 'u-00002', phase: 'verifying', cancellable: false })
    await settle(3)
    expect(progress().dataset.phase).toBe('uploading')
    expect(progress().textContent).toContain('Uploading…')
    expect(progress().textContent).toContain('42%')
    expect(progress().querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow')).toBe('41')

    await click(byTestId('progress-cancel'))
    expect(a.api.args['photos.cancel']).toEqual([{ jobId: 'job-1' }])
    expect(byTestId('progress-cancel')?.textContent?.trim()).toBe('Cancelling…')
    answer.resolve(fail('app/cancelled', 'Cancelled. Zoë Ålander keeps the old photo.'))
    await settle(10)
    expect(byTestId('photo-editor')).not.toBeNull()
    const error = byTestId('photo-error') as HTMLElement
    expect(error.dataset.errorCode).toBe('app/cancelled')
    expect(byTestId('photo-error-message')?.textContent).toBe('Cancelled. Zoë Ålander keeps the old photo.')
    expect(byTestId('editor-save')).not.toBeNull()
  })

  it('offers no Cancel after the point of no return, and says when a cancel came too late', async () => {
    const a = await start()
    const answer = deferred<Result<PhotoChange>>()
    overridePhoto(a.api, 'replace', () => answer.promise)
    overridePhoto(a.api, 'cancel', async () => ok({ cancelled: false }))
    await openEditorFor(a, 'Zoë Ålander')
    await click(byTestId('editor-save'))
    a.api.emitProgress({ jobId: 'job-1', userId: 'u-00001', phase: 'uploading', percent: 1, cancellable: true })
    await settle(3)
    await click(byTestId('progress-cancel'))
    expect(byTestId('cancel-too-late')?.textContent).toBe('Too late to cancel: the portal has already switched to the new photo.')
    a.api.emitProgress({ jobId: 'job-1', userId: 'u-00001', phase: 'cropping', cancellable: false })
    await settle(3)
    expect(byTestId('progress-cancel')).toBeNull()
    // Escape cannot close the editor now either.
    await key(byTestId('photo-editor') as HTMLElement, 'Escape')
    expect(byTestId('photo-editor')).not.toBeNull()
    answer.resolve(ok({ action: 'replace', userId: 'u-00001', person: usePeopleStore().personById('u-00001')!, photos: { userId: 'u-00001', hasPhoto: true, sizes: [] }, verified: true }))
    await settle(10)
    expect(byTestId('photo-editor')).toBeNull()
  })

  it('on success updates the row and the detail panel at once and offers Undo', async () => {
    const a = await start()
    await click(a.row('Adam Ng'))
    expect(a.row('Adam Ng').getAttribute('data-has-photo')).toBe('false')
    expect(byTestId('detail-default-note')).not.toBeNull()
    await openEditorFor(a, 'Adam Ng')
    await click(byTestId('editor-save'))
    await settle(10)
    expect(byTestId('photo-editor')).toBeNull()
    expect(a.revoked).toEqual(['blob:editor/1'])
    // The row: new photo, new ref (the fake's hash went up).
    expect(a.row('Adam Ng').getAttribute('data-has-photo')).toBe('true')
    expect(usePeopleStore().personById('u-00003')?.smallPhoto).toContain('hash=2')
    // The panel: every size read again, from the new refs.
    const images = (a.api.args['photos.image'] ?? []) as { ref: string }[]
    const sizes = images.filter((i) => i.ref.startsWith('/photos/u-00003_') && i.ref.endsWith('hash=2')).map((i) => /_(\w+)\.png/.exec(i.ref)?.[1])
    expect(new Set(sizes)).toEqual(new Set(['original', 'retina', 'max', 'big', 'medium', 'small']))
    expect(byTestId('detail-default-note')).toBeNull()
    expect(toastTexts()).toContain('Photo of Adam Ng replaced')
    expect(byTestId('toast-undo')?.textContent?.trim()).toBe('Undo')
  })
})

describe('undo', () => {
  it('from the toast, then with Ctrl+Z, but not while typing in a field', async () => {
    const a = await start()
    await openEditorFor(a, 'Zoë Ålander')
    await click(byTestId('editor-save'))
    await click(byTestId('toast-undo'))
    expect(a.api.args['photos.undo']).toEqual([{ accountId: 'acc-1' }])
    expect(toastTexts()).toContain('Undone: Zoë Ålander’s photo is back as it was')
    expect(byTestId('toast-undo')?.textContent?.trim()).toBe('Redo')

    await key(document.body, 'z', { ctrlKey: true })
    expect(a.api.args['photos.undo']).toHaveLength(2)
    await key(byTestId('search') as HTMLElement, 'z', { ctrlKey: true })
    expect(a.api.args['photos.undo']).toHaveLength(2)
  })

  it('says when there is nothing to undo', async () => {
    const a = await start()
    await key(document.body, 'z', { metaKey: true })
    expect(a.api.calls).toContain('photos.undo')
    const toast = allByTestId('toast').find((t) => t.dataset.errorCode === 'photo/no-backup')
    expect(toast?.textContent).toContain('Nothing to undo yet on hr.example.com.')
  })
})

describe('detail panel actions', () => {
  it('delete needs a confirmation that names the person', async () => {
    const a = await start()
    await click(a.row('Zoë Ålander'))
    await click(byTestId('delete-photo'))
    const dialog = byTestId('delete-confirm-dialog') as HTMLElement
    expect(dialog.textContent).toContain('Delete Zoë Ålander’s photo?')
    expect(a.api.calls).not.toContain('photos.remove')
    await click(byTestId('delete-cancel'))
    expect(byTestId('delete-confirm-dialog')).toBeNull()
    await click(byTestId('delete-photo'))
    await key(byTestId('delete-confirm-dialog') as HTMLElement, 'Escape')
    expect(byTestId('delete-confirm-dialog')).toBeNull()
    expect(a.api.calls).not.toContain('photos.remove')

    await click(byTestId('delete-photo'))
    await click(byTestId('delete-confirm'))
    expect(a.api.args['photos.remove']).toEqual([{ accountId: 'acc-1', userId: 'u-00001' }])
    expect(a.row('Zoë Ålander').getAttribute('data-has-photo')).toBe('false')
    expect(toastTexts()).toContain('Photo of Zoë Ålander deleted')
  })

  it('a delete runs with progress outside any dialog', async () => {
    const a = await start()
    const answer = deferred<Result<PhotoChange>>()
    overridePhoto(a.api, 'remove', () => answer.promise)
    await click(a.row('Zoë Ålander'))
    await click(byTestId('delete-photo'))
    await click(byTestId('delete-confirm'))
    expect(byTestId('job-toast')?.textContent).toContain('Deleting Zoë Ålander’s photo')
    expect(byTestId('delete-photo')?.hasAttribute('disabled')).toBe(true)
    answer.resolve(
      fail('net/connection-lost', 'The connection to the portal was lost, and the change was not made. Zoë Ålander keeps the old photo.', {
        facts: { step: 'write', photoNow: 'old', personName: 'Zoë Ålander' }
      })
    )
    await settle(10)
    expect(byTestId('job-toast')).toBeNull()
    const toast = allByTestId('toast').find((t) => t.dataset.errorCode === 'net/connection-lost')
    expect(toast?.querySelector('[data-testid="toast-message"]')?.textContent).toBe('The connection to hr.example.com was lost, and the change was not made. Zoë Ålander keeps the old photo.')
    expect(toast?.querySelector('[data-testid="retry-change"]')?.textContent?.trim()).toBe('Try again')
  })

  it('Set from URL shows the downloaded picture in the editor and sets it only on Save, with the crop; failures say what is wrong with the address', async () => {
    const account = makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' }, user: { id: 'u-00001', displayName: 'Zoë Ålander', email: 'zoe@example.com', role: 'user' } })
    const a = await start({ account })
    let answer: 'not-a-url' | 'dead' | 'ok' = 'not-a-url'
    overridePhoto(a.api, 'fetchUrl', async () =>
      answer === 'not-a-url'
        ? fail('url/invalid', 'the photo address is not a URL', { facts: { urlProblem: 'not-a-url' } })
        : answer === 'dead'
          ? fail('url/download-failed', 'could not download', { facts: { downloadProblem: 'unreachable', urlHost: 'photos.example' } })
          : ok({ bytes: new Uint8Array([255, 216, 255, 224, 1, 2]), fileName: 'me.jpg' })
    )
    await click(a.row('Zoë Ålander'))
    await click(byTestId('set-url'))
    const input = byTestId('set-url-input') as HTMLInputElement
    expect(document.activeElement).toBe(input)
    await click(byTestId('set-url-submit'))
    expect(byTestId('set-url-dialog')?.textContent).toContain('Enter the address of the image.')
    expect(a.api.calls).not.toContain('photos.fetchUrl')

    const submit = async (address: string) => {
      input.value = address
      input.dispatchEvent(new Event('input'))
      await click(byTestId('set-url-submit'))
      return byTestId('set-url-dialog')?.querySelector('[data-testid="photo-error"]') as HTMLElement | null
    }
    const notUrl = await submit('not a url')
    expect(notUrl?.textContent?.trim()).toBe('This is not a web address. Paste the full address of the image, starting with https://.')
    answer = 'dead'
    const dead = await submit('https://photos.example/me.jpg')
    expect(dead?.dataset.errorCode).toBe('url/download-failed')
    expect(dead?.querySelectorAll('p')).toHaveLength(1)
    expect(dead?.textContent).toContain('Could not download the image')
    expect(a.api.calls).not.toContain('photos.replace')

    answer = 'ok'
    await submit('https://photos.example/me.jpg')
    expect(byTestId('set-url-dialog')).toBeNull()
    expect(byTestId('photo-editor')).not.toBeNull()
    expect(a.api.calls).not.toContain('photos.replace')
    await click(byTestId('editor-save'))
    await settle(5)
    expect(a.api.args['photos.replace']?.[0]).toMatchObject({ userId: 'u-00001', sourceUrl: 'https://photos.example/me.jpg' })
    expect(a.api.calls).not.toContain('photos.setFromUrl')
  })

  it('downloads the original as a file', async () => {
    const a = await start()
    await click(a.row('Zoë Ålander'))
    await click(byTestId('download-original'))
    expect(a.api.args['photos.original']).toEqual([{ accountId: 'acc-1', userId: 'u-00001' }])
    expect(a.downloads.map((d) => [d.fileName, d.type])).toEqual([['Zoë Ålander-original.jpg', 'image/jpeg']])
    // No photo, nothing to download.
    await click(a.row('Adam Ng'))
    expect(byTestId('download-original')?.hasAttribute('disabled')).toBe(true)
  })

  it('lists the history newest first with previews, and restores an entry after asking', async () => {
    const entries: HistoryEntry[] = [
      { id: 'h-old', userId: 'u-00001', savedAt: '2026-11-20T10:00:00.000Z', before: 'set-from-url', hadPhoto: false },
      { id: 'h-new', userId: 'u-00001', savedAt: '2026-11-29T09:12:00.000Z', before: 'replace', hadPhoto: true, width: 1280, height: 960, preview: new Uint8Array([255, 216]) }
    ]
    const a = await start()
    overridePhoto(a.api, 'history', async () => ok(entries))
    await click(a.row('Zoë Ålander'))
    await click(byTestId('history-toggle'))
    await settle(5)
    const rows = allByTestId('history-entry')
    expect(rows.map((r) => [r.dataset.entryId, r.dataset.before])).toEqual([
      ['h-new', 'replace'],
      ['h-old', 'set-from-url']
    ])
    expect(rows[0]?.querySelector('img')?.getAttribute('src')).toMatch(/^blob:editor\//)
    expect(rows[0]?.textContent).toContain('Saved before a replace')
    expect(rows[0]?.textContent).toContain('1,280 × 960 px')
    expect(rows[1]?.textContent).toContain('Had no photo: restoring removes the current one.')

    await click(rows[0]?.querySelector('[data-testid="history-restore"]') ?? null)
    const ask = byTestId('restore-confirm-dialog')
    expect(ask?.querySelector('h2')?.textContent).toMatch(/^Restore Zoë Ålander’s photo of (29 November|November 29)\?$/)
    expect(a.api.args['photos.restore']).toBeUndefined()
    await click(Array.from(ask?.querySelectorAll('button') ?? []).find((b) => b.textContent?.includes('Restore photo')) ?? null)
    await settle(5)
    expect(a.api.args['photos.restore']).toEqual([{ accountId: 'acc-1', userId: 'u-00001', entryId: 'h-new' }])
    expect(toastTexts().join('\n')).toMatch(/Zoë Ålander’s photo of (29 November|November 29) is back/)
    // The list reloads after the change.
    expect(callsOf(a.api, 'photos:history').length).toBeGreaterThanOrEqual(2)
  })
})

describe('activity', () => {
  it('lists the log from the header and exports it as a CSV download', async () => {
    const a = await start({
      overrides: {
        activity: {
          list: async () =>
            ok([
              { at: '2026-11-29T09:01:00.000Z', portalUrl: 'https://hr.example.com', actor: 'ada@example.com', userId: 'u-00002', personName: 'Mia Holm', action: 'replace', result: 'failed', detail: 'portal/forbidden' },
              { at: '2026-11-29T09:12:00.000Z', portalUrl: 'https://hr.example.com', actor: 'ada@example.com', userId: 'u-00001', personName: 'Zoë Ålander', action: 'delete', result: 'ok' }
            ]),
          exportCsv: async () => ok({ csv: 'at,portal,actor,person\n2026-11-29,hr,ada,Zoë\n', fileName: 'photo-activity-2026-11-29.csv' })
        }
      }
    })
    await click(byTestId('open-activity'))
    expect(byTestId('activity-view')).not.toBeNull()
    const rows = allByTestId('activity-entry')
    expect(rows.map((r) => [r.dataset.action, r.dataset.result])).toEqual([
      ['delete', 'ok'],
      ['replace', 'failed']
    ])
    expect(rows[1]?.textContent).toContain('Mia Holm')
    expect(rows[1]?.textContent).toContain('Failed')
    await click(byTestId('activity-export'))
    expect(a.downloads.map((d) => d.fileName)).toEqual(['photo-activity-2026-11-29.csv'])
    expect(a.downloads[0]?.type).toBe('text/csv;charset=utf-8')
    expect(await a.downloads[0]?.text).toBe('at,portal,actor,person\n2026-11-29,hr,ada,Zoë\n')
  })
})

describe('errors by name', () => {
  it('auth/expired: sign in again, then the same change is sent again by itself', async () => {
    const account = makeAccount()
    const a = await start({ account })
    let first = true
    const replace = a.api.photos.replace
    overridePhoto(a.api, 'replace', async (arg) => {
      if (first) {
        first = false
        // Main drops the token and says so.
        a.api.emitChanged(overviewOf([{ ...account, state: 'expired' }]))
        return fail('auth/expired', 'The session on this portal has expired.', { status: 401 })
      }
      return replace(arg)
    })
    ;(a.api.accounts as { signIn: AppApi['accounts']['signIn'] }).signIn = async (): Promise<Result<SignInOutcome>> => {
      a.api.emitChanged(overviewOf([account]))
      return ok({ kind: 'signed-in', account })
    }

    await openEditorFor(a, 'Zoë Ålander')
    await click(byTestId('editor-save'))
    const accounts = useAccountsStore()
    expect(accounts.showSignIn).toBe(true)
    expect(byTestId('photo-editor')).toBeNull()
    expect(usePhotoChangesStore().pending?.kind).toBe('replace')
    expect(toastTexts()).toContain('Sign in to hr.example.com again: the change to Zoë Ålander’s photo then continues by itself.')

    await accounts.signIn({ method: 'password', portalUrl: account.portalUrl, email: 'ada@example.com', password: 'pw' })
    await settle(20)
    const calls = callsOf(a.api, 'photos:replace')
    expect(calls).toHaveLength(2)
    const [before, after] = calls as [ArgOf<'photos:replace'>, ArgOf<'photos:replace'>]
    expect({ ...after, jobId: '' }).toEqual({ ...before, jobId: '' })
    expect(after.jobId).not.toBe(before.jobId)
    expect(usePhotoChangesStore().pending).toBeNull()
    expect(toastTexts()).toContain('Photo of Zoë Ålander replaced')
    expect(toastTexts()).not.toContain('Sign in to hr.example.com again: the change to Zoë Ålander’s photo then continues by itself.')
  })

  it('photo/partly-applied: says the new photo is there with a centred crop, shows it, and applies the crop again', async () => {
    const a = await start()
    let first = true
    const replace = a.api.photos.replace
    overridePhoto(a.api, 'replace', async (arg) => {
      if (!first) return replace(arg)
      first = false
      return fail('photo/partly-applied', 'Zoë Ålander now has the new photo, but with the portal’s centred square crop: applying your crop failed (timeout).', {
        detail: 'timeout',
        facts: { step: 'crop', photoNow: 'new-centred', personName: 'Zoë Ålander', cause: 'net/timeout' }
      })
    })
    ;(a.api.people as { get: AppApi['people']['get'] }).get = async ({ userId }) =>
      ok({ ...usePeopleStore().personById(userId)!, smallPhoto: `/photos/${userId}_small.png?hash=77` })
    await openEditorFor(a, 'Zoë Ålander')
    await click(byTestId('editor-save'))
    const error = byTestId('photo-error') as HTMLElement
    expect(error.dataset.errorCode).toBe('photo/partly-applied')
    expect(byTestId('photo-error-message')?.textContent).toBe(
      'Zoë Ålander’s new photo is on hr.example.com, but with the portal’s centred square crop: applying your crop did not finish.'
    )
    expect(byTestId('photo-error-detail')?.textContent).toContain('applying your crop failed (timeout)')
    // The row already shows the portal's new photo.
    expect(usePeopleStore().personById('u-00001')?.smallPhoto).toContain('hash=77')

    await click(byTestId('apply-crop-again'))
    const calls = callsOf(a.api, 'photos:replace')
    expect(calls).toHaveLength(2)
    expect(calls[1]).toMatchObject({ rotate: calls[0]?.rotate, crop: calls[0]?.crop, userId: 'u-00001' })
    expect(byTestId('photo-editor')).toBeNull()
    expect(toastTexts()).toContain('Photo of Zoë Ålander replaced')
  })

  it('net/*, portal/not-found, portal/rejected and portal/forbidden each say what happened in the editor', async () => {
    const a = await start()
    const answers: Result<PhotoChange>[] = [
      fail('net/connection-lost', 'The connection to the portal was lost while uploading the photo. Zoë Ålander keeps the old photo. Check the connection and try again.', {
        facts: { step: 'upload', photoNow: 'old', personName: 'Zoë Ålander' }
      }),
      fail('portal/not-found', 'This person is no longer on the portal. Refresh the list.', { status: 404, facts: { step: 'read' } }),
      fail('portal/rejected', 'The portal refused the photo.', { detail: 'Image size is too large', facts: { step: 'upload', photoNow: 'old', portalReason: 'too-large' } }),
      fail('portal/forbidden', 'On DocSpace 3.5.0 ... only the owner may change another admin’s photo.', {
        status: 403,
        facts: { step: 'check', photoNow: 'old', refusal: 'other-admin', role: 'admin', portalVersion: '3.5.0' }
      })
    ]
    overridePhoto(a.api, 'replace', async () => answers.shift() ?? fail('app/internal'))
    await openEditorFor(a, 'Zoë Ålander')
    const save = async () => {
      await click(byTestId('editor-save'))
      return { code: byTestId('photo-error')?.dataset.errorCode, text: byTestId('photo-error-message')?.textContent, detail: byTestId('photo-error-detail')?.textContent }
    }
    expect(await save()).toEqual({
      code: 'net/connection-lost',
      text: 'The connection to hr.example.com was lost while the photo was uploading. Zoë Ålander keeps the old photo.',
      detail: undefined
    })
    expect((await save()).text).toBe('Zoë Ålander is no longer on hr.example.com. Refresh the list.')
    const pages = a.api.calls.filter((c) => c === 'people.page').length
    await click(byTestId('refresh-people'))
    expect(a.api.calls.filter((c) => c === 'people.page').length).toBeGreaterThan(pages)
    expect((await save()).text).toBe('hr.example.com refused the photo: “Image size is too large”. Use a smaller image. Zoë Ålander keeps the old photo.')
    const forbidden = await save()
    expect(forbidden.text).toContain('On DocSpace 3.5.0 admins may change other people’s photos, but not the owner’s')
    expect(forbidden.detail).toContain('only the owner may change another admin’s photo')
  })

  it('says the same in German', async () => {
    const a = await start({ locale: 'de' })
    overridePhoto(a.api, 'replace', async () => fail('net/timeout', 'timeout'))
    await openEditorFor(a, 'Zoë Ålander')
    expect(byTestId('editor-title')?.textContent).toBe('Neues Foto für Zoë Ålander')
    await click(byTestId('editor-save'))
    expect(byTestId('photo-error-message')?.textContent).toBe('Die Verbindung zu hr.example.com wurde unterbrochen; Zoë Ålander hat weiterhin das alte Foto.')
  })
})
