import { describe, expect, it } from 'vitest'
import type { AppError, ErrorCode } from '../../../preload/contract'
import { createAppI18n } from './create-i18n'
import { describePhotoError, type PhotoErrorContext } from './photo-error-text'

const tr = (locale: 'en' | 'de') => createAppI18n(locale).global.t as (key: string, named?: Record<string, unknown>) => string
const en = tr('en')
const de = tr('de')

const ctx = (over: Partial<PhotoErrorContext> = {}): PhotoErrorContext => ({
  action: 'replace',
  personName: 'Zoë Ålander',
  hadPhoto: true,
  portalUrl: 'https://hr.example.com',
  policy: { rule: 'admin-may-edit-others', portalVersion: '3.5.0' },
  role: 'admin',
  fileName: 'portrait.jpg',
  ...over
})
const err = (code: ErrorCode, extra: Partial<AppError> = {}): AppError => ({ code, message: code, ...extra })

describe('photo errors by name', () => {
  it('auth/expired: sign in, and the change continues', () => {
    const text = describePhotoError(en, err('auth/expired'), ctx())
    expect(text.message).toBe('Your session on hr.example.com ended. Sign in again: the change to Zoë Ålander’s photo then continues by itself.')
    expect(text.tone).toBe('info')
  })

  it('portal/forbidden explains the version and role rule that refused it', () => {
    const selfOnly = describePhotoError(en, err('portal/forbidden'), ctx({ policy: { rule: 'self-only', portalVersion: '3.7.2' } }))
    expect(selfOnly.message).toContain('hr.example.com runs DocSpace 3.7.2: from 3.6 on, each person may change only their own photo')
    expect(selfOnly.message).toContain('Only Zoë Ålander can change it.')
    expect(selfOnly.message).toContain('Zoë Ålander keeps the old photo.')
    const admin = describePhotoError(en, err('portal/forbidden'), ctx())
    expect(admin.message).toContain('On DocSpace 3.5.0 admins may change other people’s photos, but not the owner’s')
    const ownOnly = describePhotoError(en, err('portal/forbidden'), ctx({ policy: { rule: 'own-only-by-role', portalVersion: '3.2.1' }, role: 'room-admin' }))
    expect(ownOnly.message).toContain('you are signed in as Room admin')
  })

  it('portal/forbidden on set-from-url explains the 3.7.1 address rule, with the version that refused it', () => {
    const main = 'DocSpace 3.7.2 refused the address. It only fetches photos from public https:// addresses.'
    const refused = err('portal/forbidden', { facts: { step: 'write', photoNow: 'old', portalReason: 'address-rule', portalVersion: '3.7.2' } })
    const text = describePhotoError(en, refused, ctx({ action: 'set-from-url', policy: { rule: 'self-only', portalVersion: '3.7.2' } }))
    expect(text.message).toMatch(/^DocSpace 3\.7\.1 and later only fetch photos from public https:\/\/ addresses: no http:\/\/, and no private or local addresses/)
    expect(text.detail).toBe(main)
    // Before 3.7.1 the portal does not check addresses: main says the role rule refused it.
    const old = describePhotoError(en, err('portal/forbidden', { facts: { step: 'write', refusal: 'role' } }), ctx({ action: 'set-from-url' }))
    expect(old.message).toContain('admins may change other people’s photos')
    expect(old.detail).toBe('On DocSpace 3.5.0 the owner and admins may change other people’s photos, with exceptions; here you are signed in as DocSpace admin.')
    // What the address answered, when the portal could not download it.
    const download = err('portal/forbidden', { facts: { portalReason: 'download-failed', addressAnswer: 'NotFound' } })
    expect(describePhotoError(en, download, ctx({ action: 'set-from-url' })).detail).toContain('the address answered “NotFound”')
  })

  it('url/invalid: an address the app keeps to itself is named with its host and why, in English and German', () => {
    const privateAddress = err('url/invalid', { facts: { urlProblem: 'private-address', urlHost: '169.254.169.254' } })
    const en1 = describePhotoError(en, privateAddress, ctx({ action: 'set-from-url' }))
    expect(en1.message).toBe(
      '169.254.169.254 is on a private, local or internal network. The portal would fetch it from inside its own network, so the app does not send such addresses. Use a public https:// address of the image.'
    )
    expect(describePhotoError(de, privateAddress, ctx({ action: 'set-from-url' })).message).toContain('169.254.169.254 liegt in einem privaten, lokalen oder internen Netz')
    const notHttps = err('url/invalid', { facts: { urlProblem: 'not-https', urlHost: 'images.example' } })
    expect(describePhotoError(en, notHttps, ctx({ action: 'set-from-url' })).message).toBe(
      'Only secure addresses (https://…) can be used for a photo; images.example was given without https.'
    )
    expect(describePhotoError(de, notHttps, ctx({ action: 'set-from-url' })).message).toContain('images.example wurde ohne https angegeben')
    const unresolved = err('url/invalid', { facts: { urlProblem: 'unresolved', urlHost: 'nowhere.invalid' } })
    expect(describePhotoError(en, unresolved, ctx({ action: 'set-from-url' })).message).toContain('could not find nowhere.invalid')
    expect(describePhotoError(de, unresolved, ctx({ action: 'set-from-url' })).message).toContain('konnte nowhere.invalid im Internet nicht finden')
  })

  it('a photo address: not a URL, a dead address and the portal’s default image each say so, once', () => {
    const notUrl = describePhotoError(en, err('url/invalid', { facts: { urlProblem: 'not-a-url' } }), ctx({ action: 'set-from-url' }))
    expect(notUrl).toEqual({ message: 'This is not a web address. Paste the full address of the image, starting with https://.', remedy: 'none', tone: 'error' })
    const dead = describePhotoError(en, err('url/download-failed', { facts: { downloadProblem: 'unreachable', urlHost: 'photos.example' } }), ctx({ action: 'set-from-url' }))
    expect(dead.message).toBe('Could not download the image: nothing answers at photos.example. Check the address and your connection.')
    expect(dead.detail).toBeUndefined()
    const gone = describePhotoError(de, err('url/download-failed', { status: 404, facts: { downloadProblem: 'status', urlHost: 'photos.example' } }), ctx())
    expect(gone.message).toContain('photos.example antwortete mit 404')
    const grey = describePhotoError(en, err('url/invalid', { facts: { urlProblem: 'default-image', personName: 'Zoë Ålander' } }), ctx())
    expect(grey.message).toBe('This is the portal’s grey “no photo” image, not a photo of Zoë Ålander. Use the address of a real photo.')
  })

  it('portal/not-found: the person is gone, refresh', () => {
    const text = describePhotoError(en, err('portal/not-found'), ctx())
    expect(text.message).toBe('Zoë Ålander is no longer on hr.example.com. Refresh the list.')
    expect(text.remedy).toBe('refresh')
  })

  it('portal/rejected: the portal’s words plus what to do', () => {
    const size = describePhotoError(en, err('portal/rejected', { detail: 'Image size is too large', facts: { portalReason: 'too-large' } }), ctx())
    expect(size.message).toBe('hr.example.com refused the photo: “Image size is too large”. Use a smaller image. Zoë Ålander keeps the old photo.')
    const security = describePhotoError(en, err('portal/rejected', { detail: 'Security error.', facts: { portalReason: 'security' } }), ctx())
    expect(security.message).toContain('The signed-in user may not change this photo.')
    const unknown = describePhotoError(en, err('portal/rejected'), ctx({ hadPhoto: false }))
    expect(unknown.message).toBe('hr.example.com refused the photo. Try again; if it keeps failing, try another image or ask the portal administrator. Zoë Ålander still has no photo.')
  })

  it('photo/partly-applied: the new photo is there with a centred crop; offer to apply the crop again', () => {
    const main = 'Zoë Ålander now has the new photo, but with the portal’s centred square crop: applying your crop failed (timeout).'
    const partly = err('photo/partly-applied', { detail: 'timeout', facts: { step: 'crop', photoNow: 'new-centred', personName: 'Zoë Ålander', cause: 'net/timeout' } })
    const text = describePhotoError(en, partly, ctx())
    expect(text.message).toBe('Zoë Ålander’s new photo is on hr.example.com, but with the portal’s centred square crop: applying your crop did not finish.')
    expect(text.detail).toBe(main)
    expect(text.remedy).toBe('apply-crop-again')
    expect(describePhotoError(en, err('photo/partly-applied'), ctx({ action: 'restore' })).remedy).toBe('none')
  })

  it('net/*: connection lost, and which photo the person has now', () => {
    const lost = err('net/connection-lost', { detail: 'ECONNRESET', facts: { step: 'upload', photoNow: 'old', personName: 'Zoë Ålander' } })
    const text = describePhotoError(en, lost, ctx())
    // One message: where it was lost and what the person has; the button says what to do.
    expect(text).toEqual({ message: 'The connection to hr.example.com was lost while the photo was uploading. Zoë Ålander keeps the old photo.', remedy: 'retry', tone: 'error' })
    expect(describePhotoError(en, err('net/timeout'), ctx({ hadPhoto: false })).message).toBe(
      'The connection to hr.example.com was lost; Zoë Ålander still has no photo.'
    )
  })

  it('image/*: the specific message, naming the file and its size', () => {
    expect(describePhotoError(en, err('image/unsupported'), ctx({ action: 'inspect', fileName: 'notes.jpg' })).message).toBe(
      '“notes.jpg” is not an image the app can read. Use a JPEG, PNG, WebP, GIF, TIFF, AVIF or HEIC file.'
    )
    expect(describePhotoError(en, err('image/corrupt'), ctx({ action: 'inspect' })).message).toContain('“portrait.jpg” is damaged')
    // A refused format names what to use once, in the detail, not again in the message.
    const bmp = describePhotoError(en, err('image/unsupported', { facts: { imageProblem: 'refused-format', refusedFormat: 'bmp' } }), ctx({ action: 'inspect', fileName: 'scan.bmp' }))
    expect(bmp.message).toBe('“scan.bmp” is not an image the app can read.')
    expect(bmp.detail).toBe('BMP images are not supported. Save the photo as JPEG or PNG and try again.')
    const bomb = { imageProblem: 'too-many-pixels', width: 30_000, height: 30_000, megapixels: 900, maxMegapixels: 120 } as const
    const large = describePhotoError(en, err('image/too-large', { detail: '30000x30000', facts: bomb }), ctx({ fileName: 'huge.png' }))
    expect(large.message).toBe('“huge.png” is too large to process safely (30000 × 30000 px). Scale it down and try again.')
    expect(large.detail).toBe('The image is 30000 × 30000 pixels (900 megapixels); photos up to 120 megapixels can be used. Scale it down in an image editor and try again.')
    const small = err('image/too-small', { detail: '20x20', facts: { imageProblem: 'too-small', width: 20, height: 20, minSide: 32 } })
    expect(describePhotoError(en, small, ctx()).message).toBe('“portrait.jpg” is too small for a photo (20 × 20 px). Use a larger image.')
  })

  it('cancelled is information, and says the person keeps the photo', () => {
    const text = describePhotoError(en, err('app/cancelled'), ctx())
    expect(text).toMatchObject({ message: 'Cancelled. Zoë Ålander keeps the old photo.', tone: 'info' })
  })

  it('nothing to undo', () => {
    expect(describePhotoError(en, err('photo/no-backup'), ctx({ action: 'undo' })).message).toBe('Nothing to undo yet on hr.example.com.')
  })

  it('speaks German', () => {
    expect(describePhotoError(de, err('net/connection-lost'), ctx()).message).toBe(
      'Die Verbindung zu hr.example.com wurde unterbrochen; Zoë Ålander hat weiterhin das alte Foto.'
    )
    expect(describePhotoError(de, err('portal/not-found'), ctx()).message).toBe('Zoë Ålander ist nicht mehr auf hr.example.com. Aktualisieren Sie die Liste.')
    expect(describePhotoError(de, err('image/unsupported'), ctx({ fileName: 'x.jpg' })).message).toContain('„x.jpg“ ist kein Bild')
  })

  it('words the specifics from main’s facts in German too, never main’s English message', () => {
    const lost = err('net/connection-lost', { message: 'upload: the connection was lost during the request', facts: { step: 'upload', photoNow: 'old', personName: 'Zoë Ålander' } })
    const text = describePhotoError(de, lost, ctx())
    expect(text.message).toBe('Die Verbindung zu hr.example.com wurde beim Hochladen des Fotos unterbrochen. Zoë Ålander behält das alte Foto.')
    const svg = describePhotoError(de, err('image/unsupported', { message: 'svg is recognised and refused', facts: { imageProblem: 'refused-format', refusedFormat: 'svg' } }), ctx())
    expect(svg.detail).toContain('SVG-Zeichnungen werden nicht unterstützt')
    const refused = describePhotoError(de, err('portal/forbidden', { message: 'refused before sending', facts: { refusal: 'other-admin', portalVersion: '3.5.0' } }), ctx())
    expect(refused.detail).toContain('hier darf nur der Besitzer das Foto eines anderen Admins ändern')
    for (const t of [text, svg, refused]) expect(`${t.message} ${t.detail}`).not.toMatch(/upload: |recognised|refused before/)
  })

  it('says only that it is not known which photo the person has, whatever broke, and offers Refresh', () => {
    for (const code of ['net/connection-lost', 'portal/server-error'] as const) {
      const unknown = err(code, { status: 500, facts: { step: 'promote', photoNow: 'unknown', personName: 'Zoë Ålander' } })
      const text = describePhotoError(en, unknown, ctx({ hadPhoto: false }))
      expect(text).toEqual({
        message:
          'hr.example.com stopped answering while it was switching to the new photo, so it is not known whether Zoë Ålander has the old or the new photo. Refresh to see which; the old photo is saved in the history.',
        remedy: 'check-again',
        tone: 'error'
      })
    }
  })

  it('a 5xx says the portal did not take it, what the person has and when to try again, once', () => {
    const busy = err('portal/server-error', { status: 503, facts: { step: 'upload', photoNow: 'none', personName: 'Zoë Ålander', retryAfterSeconds: 30 } })
    expect(describePhotoError(en, busy, ctx())).toEqual({
      message: 'hr.example.com had a problem (503) and did not take the change. Zoë Ålander still has no photo. Try again in 30 s.',
      remedy: 'retry',
      tone: 'error'
    })
    const de503 = describePhotoError(de, busy, ctx())
    expect(de503.message).toBe('hr.example.com hatte ein Problem (503) und hat die Änderung nicht übernommen. Zoë Ålander hat weiterhin kein Foto. Versuchen Sie es in 30 s erneut.')
  })
})
