import { afterEach, describe, expect, it } from 'vitest'
import type { AppApi, CropFraction } from '../../../preload/contract'
import { makeAccount, ok } from '../testing/fake-app-api'
import { dataEvent, mountBulkApp, type BulkApp } from '../testing/bulk-app'
import { dirEntry, entryDrop, photo } from '../testing/fake-entries'
import { settle } from '../testing/mount-app'
import { allByTestId, byTestId, click, drop, key } from '../testing/dom'
import { imageFile } from '../testing/photo-app'
import type { CropEditor } from './bulk-api'
import { useToastStore } from '../stores/toast-store'
import { useBulkStore } from './bulk-store'

let app: BulkApp | null = null
afterEach(() => {
  app?.unmount()
  app = null
})

async function start(...args: Parameters<typeof mountBulkApp>): Promise<BulkApp> {
  app = await mountBulkApp(...args)
  return app
}

/** The team folder: one file for each kind of row, and a CSV that goes along. */
function teamFolder() {
  return dirEntry('team', {
    'anna.berg.jpg': photo('anna.berg.jpg'),
    'jo.png': photo('jo.png', 12, 'image/png'),
    'li.jpg': photo('li.jpg'),
    'sam-lee.jpg': photo('sam-lee.jpg'),
    'nobody.jpg': photo('nobody.jpg'),
    'notes.txt': new File(['hi'], 'notes.txt', { type: 'text/plain' }),
    'mia.jpg': photo('mia.jpg'),
    'mia-holm.jpg': photo('mia-holm.jpg'),
    'mapping.csv': new File(['file,email\n'], 'mapping.csv', { type: 'text/csv' })
  })
}

async function dropTeam(a: BulkApp, hint = 'Drop to import these photos'): Promise<void> {
  const zone = byTestId('drop-zone') as HTMLElement
  const over = dataEvent('dragover', entryDrop([teamFolder()]))
  zone.dispatchEvent(over)
  await settle(2)
  // A folder is taken anywhere on the view, not only on a person.
  expect(over.defaultPrevented).toBe(true)
  expect(byTestId('bulk-drop-hint')?.textContent).toBe(hint)
  a.personRow('Anna Berg').dispatchEvent(dataEvent('drop', entryDrop([teamFolder()])))
  await settle(40)
}

const counts = () => Object.fromEntries(allByTestId('bulk-filter').map((c) => [c.dataset.filter, Number(c.dataset.count)]))
const files = (a: BulkApp) => a.planRows().map((r) => r.querySelector('[data-testid="bulk-row-file"]')?.textContent)

describe('bulk import: from a drop to a plan', () => {
  it('a dropped folder goes to main in batches, and the plan counts its rows per state', async () => {
    const a = await start()
    await dropTeam(a)
    expect(a.bulk.calls.filter((c) => c !== 'bulk.preview')).toEqual(['bulk.jobs', 'bulk.create', 'bulk.addFiles', 'bulk.addFiles', 'bulk.plan'])
    expect(a.bulk.batches.map((b) => b.length)).toEqual([8, 1])
    expect(a.bulk.batches.flat()).toContain('team/mapping.csv')
    expect(byTestId('photo-editor')).toBeNull()

    expect(counts()).toEqual({ all: 8, new: 1, replace: 1, unmatched: 1, ambiguous: 1, duplicate: 2, refused: 1, invalid: 1 })
    expect(a.planRows()).toHaveLength(8)
    expect(byTestId('bulk-refused-banner')?.textContent).toContain('1 file is for someone whose photo you may not change.')
    expect(byTestId('bulk-apply')?.textContent?.trim()).toBe('Apply 2 changes')

    const anna = a.planRow('anna.berg.jpg')
    expect(anna.querySelector('[data-testid="bulk-row-person"]')?.textContent).toBe('Anna Berg')
    expect(anna.querySelector('[data-testid="bulk-row-rule"]')?.textContent).toContain('matched by the part of the email before @')
    expect(anna.querySelector('[data-testid="bulk-row-state"]')?.textContent).toBe('Replaces photo')
    expect(a.planRow('notes.txt').querySelector('[data-testid="bulk-row-reason"]')?.textContent).toBe(
      '“notes.txt” is not an image the app can read. Use a JPEG, PNG, WebP, GIF, TIFF, AVIF or HEIC file.'
    )
    expect(a.planRow('li.jpg').querySelector('[data-testid="bulk-row-reason"]')?.textContent).toContain('admins may change other people’s photos, but not')
    // The proposed crop shows as a circle (main's preview), loaded for the rows on screen.
    expect(anna.querySelector('[data-testid="bulk-row-preview"]')?.getAttribute('data-loaded')).toBe('true')
    expect(a.bulk.calls.filter((c) => c === 'bulk.preview').length).toBe(7)
  })

  it('the counts filter the rows, and pressing one again shows all', async () => {
    const a = await start()
    await dropTeam(a)
    await click(allByTestId('bulk-filter').find((c) => c.dataset.filter === 'duplicate') ?? null)
    expect(files(a)).toEqual(['mia.jpg', 'mia-holm.jpg'])
    expect(allByTestId('bulk-filter').find((c) => c.dataset.filter === 'duplicate')?.getAttribute('aria-pressed')).toBe('true')
    await click(allByTestId('bulk-filter').find((c) => c.dataset.filter === 'duplicate') ?? null)
    expect(a.planRows()).toHaveLength(8)
  })

  it('a single image dropped on a person still opens the editor for that person', async () => {
    const a = await start()
    await drop(a.personRow('Anna Berg'), [imageFile('portrait.jpg')])
    expect(byTestId('photo-editor')).not.toBeNull()
    expect(a.bulk.calls).not.toContain('bulk.create')
  })

  it('several files dropped on a person start a bulk import', async () => {
    const a = await start()
    await drop(a.personRow('Anna Berg'), [imageFile('anna.berg.jpg'), imageFile('jo.jpg'), imageFile('anna.berg.jpg')])
    expect(byTestId('photo-editor')).toBeNull()
    expect(a.bulk.batches).toEqual([['anna.berg.jpg', 'jo.jpg', 'anna.berg.jpg']])
    expect(counts()).toMatchObject({ all: 2, replace: 1, new: 1 })
    // What main left out is said with what the app left out.
    expect(byTestId('bulk-intake-skipped')?.textContent).toContain('1 file was left out:anna.berg.jpg: a system file, or already in this import')
  })
})

describe('bulk import: reviewing the plan', () => {
  it('assigns an unmatched row to someone found by search', async () => {
    const a = await start()
    await dropTeam(a)
    a.planRow('nobody.jpg').click()
    await settle(5)
    await key(byTestId('bulk-rows') as HTMLElement, 'Enter')
    expect(byTestId('bulk-row-actions')).not.toBeNull()
    const search = byTestId('bulk-person-search') as HTMLInputElement
    expect(document.activeElement).toBe(search)
    search.value = 'ola'
    search.dispatchEvent(new Event('input'))
    await settle(5)
    expect(allByTestId('bulk-person-result').map((r) => r.dataset.userId)).toEqual(['u-00007'])
    await key(search, 'Enter')
    expect(a.bulk.args['bulk.assign']?.[0]).toEqual({ jobId: 'job-1', rowId: 'r5', userId: 'u-00007' })
    expect(byTestId('bulk-row-actions')).toBeNull()
    const row = a.planRow('nobody.jpg')
    expect(row.querySelector('[data-testid="bulk-row-person"]')?.textContent).toBe('Ola Nord')
    expect(row.querySelector('[data-testid="bulk-row-rule"]')?.textContent).toContain('assigned by you')
    expect(row.dataset.state).toBe('replace')
    expect(counts().unmatched).toBeUndefined()
    expect(counts().replace).toBe(2)
    expect(byTestId('bulk-apply')?.textContent?.trim()).toBe('Apply 3 changes')
  })

  it('picks one of the people who fit, and keeps one of two files for the same person', async () => {
    const a = await start()
    await dropTeam(a)
    await click(a.planRow('sam-lee.jpg').querySelector('[data-testid="bulk-row-pick"]'))
    const candidates = allByTestId('bulk-candidate')
    expect(candidates.map((c) => c.textContent)).toEqual([
      expect.stringContaining('sam.lee@north.example.com · North'),
      expect.stringContaining('samuel.lee@south.example.com · South')
    ])
    await click(candidates[1] ?? null)
    expect(a.planRow('sam-lee.jpg').dataset.userId).toBe('u-00005')

    expect(a.planRow('mia.jpg').querySelector('[data-testid="bulk-row-reason"]')?.textContent).toContain('also: mia-holm.jpg')
    await click(a.planRow('mia.jpg').querySelector('[data-testid="bulk-row-keep"]'))
    expect(a.planRow('mia.jpg').dataset.state).toBe('replace')
    expect(a.planRow('mia-holm.jpg').dataset.state).toBe('unmatched')
  })

  it('is usable by keyboard: arrows move, Space approves or skips, Enter opens the row', async () => {
    const a = await start()
    await dropTeam(a)
    const list = byTestId('bulk-rows') as HTMLElement
    list.focus()
    await key(list, 'ArrowDown')
    expect(list.getAttribute('aria-activedescendant')).toBe('bulk-row-r1')
    expect(a.planRow('anna.berg.jpg').getAttribute('aria-checked')).toBe('true')
    await key(list, ' ')
    expect(a.bulk.args['bulk.approve']?.[0]).toEqual({ jobId: 'job-1', rowIds: ['r1'], approved: false })
    expect(a.planRow('anna.berg.jpg').getAttribute('aria-checked')).toBe('false')
    expect(byTestId('bulk-apply')?.textContent?.trim()).toBe('Apply 1 change')
    await key(list, 'ArrowDown', { shiftKey: true })
    expect(byTestId('bulk-selected-count')?.textContent).toBe('2 selected')
    await key(list, 'Enter')
    expect(byTestId('bulk-row-actions')?.textContent).toContain('jo.png')
  })

  it('reassigns a row dragged onto a person in the people list', async () => {
    const a = await start()
    await dropTeam(a)
    const row = a.planRow('nobody.jpg')
    const data = new DataTransfer()
    row.dispatchEvent(dataEvent('dragstart', data))
    expect(data.types).toContain('application/x-bulk-row')
    const target = a.personRow('Ola Nord')
    const over = dataEvent('dragover', data)
    target.dispatchEvent(over)
    await settle(2)
    expect(over.defaultPrevented).toBe(true)
    expect(byTestId('bulk-row-drag-hint')?.textContent?.trim()).toBe('Drop to assign nobody.jpg to Ola Nord')
    target.dispatchEvent(dataEvent('drop', data))
    await settle(10)
    expect(a.bulk.args['bulk.assign']?.[0]).toEqual({ jobId: 'job-1', rowId: 'r5', userId: 'u-00007' })
    expect(a.planRow('nobody.jpg').querySelector('[data-testid="bulk-row-person"]')?.textContent).toBe('Ola Nord')
  })

  it('exports the plan as CSV', async () => {
    const a = await start()
    await dropTeam(a)
    await click(byTestId('bulk-export-plan'))
    expect(a.downloads).toEqual([{ fileName: 'bulk-plan-job-1.csv', type: 'text/csv;charset=utf-8' }])
  })

  it('adjusts a crop in the editor on the prepared image, and shows the new circle', async () => {
    const a = await start()
    await dropTeam(a)
    const asked: Parameters<CropEditor>[0][] = []
    const chosen: CropFraction = { x: 0.1, y: 0.2, width: 0.5, height: 0.5 }
    useBulkStore().setCropEditor(async (input) => (asked.push(input), chosen))
    await settle(3)
    const previewsBefore = a.bulk.calls.filter((c) => c === 'bulk.preview').length
    await click(a.planRow('anna.berg.jpg').querySelector('[data-testid="bulk-row-crop"]'))
    // The editor gets the prepared image (bulk:preview) and the row's crop.
    expect(a.bulk.args['bulk.preview']?.at(-1)).toEqual({ jobId: 'job-1', rowId: 'r1' })
    expect(a.bulk.calls.filter((c) => c === 'bulk.preview').length).toBe(previewsBefore + 1)
    expect(asked[0]).toMatchObject({ fileName: 'team/anna.berg.jpg', crop: { x: 0, y: 0, width: 1, height: 1 }, image: { width: 800, height: 800 } })
    expect(asked[0]?.person?.displayName).toBe('Anna Berg')
    expect(a.bulk.args['bulk.setCrop']).toEqual([{ jobId: 'job-1', rowId: 'r1', crop: chosen }])
    // The circle shows the new square of the same picture: 36 px / 0.5 = 72 px, moved by 0.1 and 0.2 of it.
    const img = a.planRow('anna.berg.jpg').querySelector('[data-testid="bulk-row-preview"] img') as HTMLImageElement
    expect([img.style.width, img.style.height, img.style.left, img.style.top]).toEqual(['72px', '72px', '-7.2px', '-14.4px'])
    expect(a.bulk.calls.filter((c) => c === 'bulk.preview').length).toBe(previewsBefore + 1)
  })
})

describe('bulk import: adjusting a crop in the photo editor', () => {
  it('opens the editor in its crop-only mode on the prepared image, and the chosen crop goes to main', async () => {
    const a = await start()
    await dropTeam(a)
    await click(a.planRow('anna.berg.jpg').querySelector('[data-testid="bulk-row-crop"]'))
    await settle(10)
    expect(byTestId('editor-title')?.textContent).toBe('New photo for Anna Berg')
    expect(JSON.parse(byTestId('cropper-stub')?.dataset.initial ?? 'null')).toEqual({ crop: { x: 0, y: 0, width: 1, height: 1 }, turns: 0 })
    expect(a.api.args['photos.inspect']).toHaveLength(1)
    await click(byTestId('editor-save'))
    expect(byTestId('photo-editor')).toBeNull()
    expect(a.bulk.args['bulk.setCrop']).toEqual([{ jobId: 'job-1', rowId: 'r1', crop: { x: 0, y: 0, width: 1, height: 1 } }])
    expect(a.api.calls).not.toContain('photos.replace')
  })
})

describe('bulk import: in German, on DocSpace 3.7', () => {
  it('says up front which rows the portal refuses, and why', async () => {
    const account = makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' } })
    const a = await start({ account, locale: 'de' })
    await dropTeam(a, 'Ablegen, um diese Fotos zu importieren')
    expect(byTestId('bulk-refused-banner')?.textContent?.trim()).toBe(
      '1 Datei ist für eine Person, deren Foto Sie nicht ändern dürfen. Ab DocSpace 3.6 können Sie nur Ihr eigenes Foto ändern.'
    )
    expect(allByTestId('bulk-filter').find((c) => c.dataset.filter === 'new')?.textContent).toContain('Neues Foto')
    expect(byTestId('bulk-apply')?.textContent?.trim()).toBe('2 Änderungen anwenden')
  })

  it('hands the refused rows over to their people with one button', async () => {
    const account = makeAccount({ policy: { rule: 'self-only', portalVersion: '3.7.2' } })
    const a = await start({ account })
    const asked: unknown[] = []
    const fromBulk: AppApi['handoff']['fromBulk'] = async (arg) => {
      asked.push(arg)
      return ok([{ rowId: 'r-refused', userId: 'u-00009', error: { code: 'portal/forbidden', message: 'no' } }])
    }
    Object.assign(a.api.handoff, { fromBulk })
    await dropTeam(a)
    const button = byTestId('bulk-handoff')
    expect(button?.textContent?.trim()).toBe('Hand over 1 photo')
    await click(button)
    await settle(5)
    expect(asked).toEqual([{ jobId: 'job-1' }])
    expect(useToastStore().toasts.map((t) => t.message)).toContain('Photos handed over: 0. 1 could not be handed over.')
    expect(byTestId('bulk-handoff')?.hasAttribute('disabled')).toBe(false)
  })
})
