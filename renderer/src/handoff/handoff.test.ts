import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Account, AppApi, Handoff, HandoffState, Person, WaitingPhoto } from '../../../preload/contract'
import { fail, makeAccount, makePerson, ok, type FakeAppApi } from '../testing/fake-app-api'
import { createFakeHandoffApi } from '../testing/fake-handoff-api'
import { settle } from '../testing/mount-app'
import { allByTestId, byTestId, click, drop } from '../testing/dom'
import { imageFile, mountPhotoApp, type PhotoApp } from '../testing/photo-app'

let app: PhotoApp | null = null
afterEach(() => {
  app?.unmount()
  app = null
})

const HR = makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' }, user: { id: 'u-00001', displayName: 'Zoë Ålander', email: 'zoe@example.com', role: 'admin' } })

function handoffOf(userId: string, personName: string, state: HandoffState, extra: Partial<Handoff> = {}): Handoff {
  return {
    userId,
    personName,
    state,
    fileId: 7,
    title: `avatar-for-${userId}.jpg`,
    sha256: 'ab'.repeat(32),
    width: 1200,
    height: 900,
    crop: { x: 0.125, y: 0, width: 0.75, height: 1 },
    preparedAt: '2026-12-01T10:00:00.000Z',
    ...extra
  }
}

/** The app over a fake api whose hand-over methods record their arguments. */
async function start(options: { account?: Account; people?: Person[]; locale?: 'en' | 'de'; handoff?: Partial<AppApi['handoff']> }) {
  const calls: { name: string; arg: unknown }[] = []
  const methods = createFakeHandoffApi(options.handoff)
  const recorded = Object.fromEntries(
    Object.entries(methods).map(([name, fn]) => [name, (arg: unknown) => (calls.push({ name, arg }), (fn as (a: unknown) => unknown)(arg))])
  ) as unknown as AppApi['handoff']
  app = await mountPhotoApp({
    ...(options.account ? { account: options.account } : {}),
    ...(options.people ? { people: options.people } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    api: (base: FakeAppApi) => Object.assign(base, { handoff: recorded })
  })
  const argsOf = (name: string) => calls.filter((c) => c.name === name).map((c) => c.arg)
  return { app, calls, argsOf }
}

function rowChip(app: PhotoApp, name: string): string | undefined {
  return app.row(name).querySelector<HTMLElement>('[data-testid="row-handoff"]')?.textContent?.trim()
}

describe('hand-over, the sharer’s side', () => {
  it('a photo dropped on a locked row is cropped in the editor and handed over; the row then shows it waiting, and Withdraw takes it back', async () => {
    const { app, argsOf } = await start({
      account: HR,
      handoff: {
        prepare: async (arg) => ok(handoffOf(arg.userId, 'Mia Holm', 'waiting', { crop: arg.crop })),
        withdraw: async (arg) => ok(handoffOf(arg.userId, 'Mia Holm', 'withdrawn', { decidedAt: '2026-12-01T11:00:00.000Z' }))
      }
    })
    expect(byTestId('capability-body')?.textContent).toContain('“Prepare for …” shares the finished photo with that person through DocSpace')
    await drop(app.row('Mia Holm'), [imageFile()])
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Mia Holm (to hand over)')
    await click(byTestId('editor-save'))
    await settle(10)
    const [sent] = argsOf('prepare') as { accountId: string; userId: string; bytes: Uint8Array; rotate: number; crop: unknown }[]
    // The fake inspection says 1200 × 900: the editor starts from the centred square and hands it over as chosen.
    expect(sent).toMatchObject({ accountId: 'acc-1', userId: 'u-00002', rotate: 0, crop: { x: 0.125, y: 0, width: 0.75, height: 1 } })
    expect(Array.from(sent!.bytes)).toEqual([255, 216, 255, 224, 1, 2, 3])
    expect(app.api.calls).not.toContain('photos.replace')
    expect(byTestId('photo-editor')).toBeNull()
    expect(rowChip(app, 'Mia Holm')).toBe('Waiting')
    expect(byTestId('toast-message')?.textContent).toBe('Photo shared with Mia Holm. They were notified and can apply it in one click.')

    await click(app.row('Mia Holm'))
    expect(byTestId('handoff-status')?.textContent).toContain('Waiting')
    await click(byTestId('handoff-withdraw'))
    await settle(5)
    expect(argsOf('withdraw')).toEqual([{ accountId: 'acc-1', userId: 'u-00002' }])
    expect(rowChip(app, 'Mia Holm')).toBe('Withdrawn')
    expect(byTestId('handoff-withdraw')).toBeNull()
  })

  it('is not offered to a guest, nor on rows the account may change', async () => {
    await start({ account: { ...HR, user: { ...HR.user, role: 'guest' } }, people: [makePerson(1, { displayName: 'Zoë Ålander' })] })
    expect(byTestId('handoff-bar')).toBeNull()
    await click(app!.row('Zoë Ålander'))
    expect(byTestId('handoff-actions')).toBeNull()
  })

  it('filters the list by hand-over status, lists hand-overs with their dates, and checks the portal on request', async () => {
    let checked = false
    const { app, argsOf } = await start({
      account: HR,
      handoff: {
        list: async () => ok([handoffOf('u-00002', 'Mia Holm', 'waiting'), handoffOf('u-00003', 'Adam Ng', 'declined', { decidedAt: '2026-12-01T12:00:00.000Z' })]),
        status: async () => {
          checked = true
          return ok([handoffOf('u-00002', 'Mia Holm', 'applied', { decidedAt: '2026-12-01T13:00:00.000Z' }), handoffOf('u-00003', 'Adam Ng', 'declined')])
        }
      }
    })
    expect(rowChip(app, 'Mia Holm')).toBe('Waiting')
    expect(rowChip(app, 'Adam Ng')).toBe('Declined')
    const select = byTestId('filter-handoff') as HTMLSelectElement
    select.value = 'declined'
    select.dispatchEvent(new Event('change'))
    await settle(5)
    expect(allByTestId('person-row').map((r) => r.dataset.personId)).toEqual(['u-00003'])
    // The counts line follows the rows shown, and "clear filters" clears this filter too.
    expect(byTestId('counts')?.dataset).toMatchObject({ shown: '1', total: '3' })
    expect(byTestId('counts')?.textContent).toContain('1 of 3')
    await click(byTestId('filters-clear'))
    expect(allByTestId('person-row')).toHaveLength(3)
    expect(select.value).toBe('')
    select.value = 'none'
    select.dispatchEvent(new Event('change'))
    await settle(5)
    expect(allByTestId('person-row').map((r) => r.dataset.personId)).toEqual(['u-00001'])

    await click(byTestId('handoff-open'))
    expect(allByTestId('handoff-row').map((r) => `${r.dataset.userId}:${r.dataset.state}`)).toEqual(['u-00002:waiting', 'u-00003:declined'])
    expect(byTestId('handoff-row-remind')).not.toBeNull()
    await click(byTestId('handoff-refresh'))
    await settle(5)
    expect(checked).toBe(true)
    expect(argsOf('asked')).toContainEqual({ accountId: 'acc-1', refresh: true })
    expect(allByTestId('handoff-row').map((r) => r.dataset.state)).toEqual(['applied', 'declined'])
    expect(allByTestId('handoff-row-state')[0]?.textContent).toBe('Applied')
    await click(byTestId('handoff-export'))
    expect(app.downloads.map((d) => d.fileName)).toEqual(['photo-handovers.csv'])
  })

  it('checks the statuses again on window focus, at most once a minute, while a hand-over is open', async () => {
    let checks = 0
    const { app } = await start({
      account: HR,
      handoff: {
        list: async () => ok([handoffOf('u-00002', 'Mia Holm', 'waiting')]),
        status: async () => {
          checks++
          return ok([handoffOf('u-00002', 'Mia Holm', 'applied')])
        }
      }
    })
    const start0 = Date.now()
    window.dispatchEvent(new Event('focus'))
    await settle(5)
    expect(checks, 'just loaded: not yet').toBe(0)
    const clock = vi.spyOn(Date, 'now').mockReturnValue(start0 + 61_000)
    try {
      window.dispatchEvent(new Event('focus'))
      await settle(5)
      expect(checks).toBe(1)
      expect(rowChip(app, 'Mia Holm')).toBe('Applied')
      clock.mockReturnValue(start0 + 200_000)
      window.dispatchEvent(new Event('focus'))
      await settle(5)
      expect(checks, 'nothing open any more: no further checks').toBe(1)
    } finally {
      clock.mockRestore()
    }
  })

  it('asks the people shown without a photo to add their own, and shows who has one since', async () => {
    let asked = false
    const { argsOf } = await start({
      account: HR,
      handoff: {
        ask: async (arg) => ((asked = true), ok(arg.userIds.map((userId) => ({ userId, ok: true })))),
        asked: async () => ok(asked ? [{ userId: 'u-00003', personName: 'Adam Ng', askedAt: '2026-12-01T10:00:00.000Z', hasPhoto: true, photoSince: '2026-12-01T12:00:00.000Z' }] : [])
      }
    })
    expect(byTestId('handoff-ask')).toBeNull()
    const photo = byTestId('filter-photo') as HTMLSelectElement
    photo.value = 'without-photo'
    photo.dispatchEvent(new Event('change'))
    await settle(5)
    expect(byTestId('handoff-ask')?.textContent?.trim()).toBe('Ask 1 person to add a photo')
    await click(byTestId('handoff-ask'))
    await click(byTestId('handoff-ask-confirm'))
    await settle(5)
    expect(argsOf('ask')).toEqual([{ accountId: 'acc-1', userIds: ['u-00003'] }])
    await click(byTestId('handoff-open'))
    expect(byTestId('handoff-asked-count')?.textContent).toBe('1 of 1 asked have a photo now')
    expect(byTestId('handoff-asked-row')?.dataset.hasPhoto).toBe('true')
  })
})

describe('hand-over, the person’s side', () => {
  const ME = makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' }, user: { id: 'u-00003', displayName: 'Adam Ng', email: 'adam@example.com', role: 'user' } })
  const people = [makePerson(3, { displayName: 'Adam Ng', email: 'adam@example.com', hasPhoto: false })]
  const from = { id: 'u-00001', displayName: 'Zoë Ålander' }
  const good: WaitingPhoto = { fileId: 11, title: 'avatar-for-u-00003.jpg', from, byteLength: 1000 }
  const bogus: WaitingPhoto = { fileId: 12, title: 'avatar-for-u-00003.jpg', from: { id: 'u-00009', displayName: 'Eve Other' }, byteLength: 20 }
  const image = async (arg: { fileId: number }) =>
    arg.fileId === 11
      ? ok({ fileId: 11, bytes: new Uint8Array([255, 216, 255]), mime: 'image/jpeg', width: 1200, height: 900, crop: { x: 0.125, y: 0, width: 0.75, height: 1 } })
      : fail('image/unsupported', 'not an image')

  it('after sign-in shows the waiting photo at every size, refuses a file that is not a photo, and applies the photo with Undo', async () => {
    const { app, argsOf } = await start({
      account: ME,
      people,
      handoff: {
        waiting: async () => ok([good, bogus]),
        image,
        accept: async () => ok({ action: 'replace', userId: 'u-00003', person: { ...people[0]!, hasPhoto: true }, photos: { userId: 'u-00003', hasPhoto: true, sizes: [] }, verified: true, backupId: 'b-1' })
      }
    })
    await settle(10)
    expect(byTestId('waiting-photo')?.textContent).toContain('A new photo is waiting for you from Zoë Ålander')
    expect(byTestId('waiting-sizes')?.querySelectorAll('[data-testid="crop-preview"]').length).toBe(5)
    expect(byTestId('waiting-current')?.textContent).toContain('You have no photo yet')
    const refused = allByTestId('waiting-refused')
    expect(refused.map((r) => r.dataset.fileId)).toEqual(['12'])
    expect(refused[0]?.textContent?.trim()).toBe('A file shared with you by Eve Other was not used: it is not a PNG or JPEG photo.')
    expect(refused[0]?.querySelector('button')).toBeNull()

    await click(byTestId('waiting-use'))
    await settle(5)
    expect(argsOf('accept')).toEqual([{ accountId: 'acc-1', fileId: 11 }])
    expect(byTestId('waiting-photo')).toBeNull()
    expect(byTestId('toast-message')?.textContent).toBe('Photo of Adam Ng replaced')
    expect(byTestId('toast-undo')).not.toBeNull()
    expect(app.row('Adam Ng').getAttribute('data-has-photo')).toBe('true')
  })

  it('"No thanks" removes the share from the person’s view', async () => {
    const { argsOf } = await start({ account: ME, people, handoff: { waiting: async () => ok([good]), image, decline: async () => ok({ declined: true as const }) } })
    await settle(10)
    await click(byTestId('waiting-decline'))
    await settle(5)
    expect(argsOf('decline')).toEqual([{ accountId: 'acc-1', fileId: 11 }])
    expect(byTestId('waiting-photos')).toBeNull()
    expect(byTestId('toast-message')?.textContent).toBe('The photo from Zoë Ålander was removed from your list.')
  })

  it('says in German why a share too big for the portal is refused', async () => {
    await start({
      account: ME,
      people,
      locale: 'de',
      handoff: { waiting: async () => ok([bogus]), image: async () => fail('image/too-large', 'big', { facts: { handoffProblem: 'too-large', maxUploadBytes: 1024 * 1024 } }) }
    })
    await settle(10)
    expect(byTestId('waiting-refused')?.textContent?.trim()).toBe('Eine von Eve Other mit Ihnen geteilte Datei wurde nicht verwendet: sie ist größer, als das Portal für ein Foto erlaubt (1.0 MB).')
  })
})
