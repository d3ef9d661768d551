import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { dirEntry, entryDrop, photo } from '../testing/fake-entries'
import { sendInBatches } from './file-batches'
import { dragLooksBulk, isBulkDrop, takeDrop, takePicked, walkSources, type IntakeFile, type SkippedFile } from './file-intake'

async function collect(files: AsyncIterable<IntakeFile>): Promise<{ name: string; bytes: number[] }[]> {
  const out: { name: string; bytes: number[] }[] = []
  for await (const f of files) out.push({ name: f.name, bytes: Array.from(await f.read()) })
  return out
}

function sized(name: string, size: number, reads: string[]): IntakeFile {
  return { name, size, read: async () => (reads.push(name), new Uint8Array([1])) }
}

async function* each(files: readonly IntakeFile[]): AsyncGenerator<IntakeFile> {
  yield* files
}

describe('reading a drop', () => {
  it('walks a dropped folder through every readEntries batch, leaving out dotfiles and __MACOSX', async () => {
    const tree = {
      'anna.berg.jpg': photo('anna.berg.jpg'),
      '.DS_Store': photo('.DS_Store'),
      sales: { 'jo-kim.png': photo('jo-kim.png', 5, 'image/png'), 'li.jpg': photo('li.jpg'), 'mo.jpg': photo('mo.jpg'), 'nu.jpg': photo('nu.jpg') },
      __MACOSX: { '._anna.berg.jpg': photo('._anna.berg.jpg') },
      'mapping.csv': new File(['file,email\n'], 'mapping.csv', { type: 'text/csv' })
    }
    const sources = takeDrop(entryDrop([dirEntry('team', tree, 2)]))
    expect(isBulkDrop(sources)).toBe(true)
    const skipped: SkippedFile[] = []
    const files = await collect(walkSources(sources, skipped))
    expect(files.map((f) => f.name).sort()).toEqual(['team/anna.berg.jpg', 'team/mapping.csv', 'team/sales/jo-kim.png', 'team/sales/li.jpg', 'team/sales/mo.jpg', 'team/sales/nu.jpg'])
    expect(files.find((f) => f.name === 'team/sales/jo-kim.png')?.bytes).toEqual([7, 7, 7, 7, 7])
    expect(skipped).toEqual([])
  })

  it('unpacks a ZIP entry by entry, skipping folders, __MACOSX and dotfiles', async () => {
    const zip = zipSync({
      'people/': new Uint8Array(0),
      'people/anna.berg.jpg': new Uint8Array([1, 2, 3]),
      'people/.hidden.jpg': new Uint8Array([9]),
      '__MACOSX/people/._anna.berg.jpg': new Uint8Array([9]),
      'jo-kim.png': [new Uint8Array(5000).fill(4), { level: 9 }],
      'map.csv': strToU8('file,email\n')
    })
    const file = new File([zip as Uint8Array<ArrayBuffer>], 'photos.zip', { type: 'application/zip' })
    const sources = takePicked([file])
    expect(isBulkDrop(sources)).toBe(true)
    const skipped: SkippedFile[] = []
    const files = await collect(walkSources(sources, skipped))
    expect(files.map((f) => f.name)).toEqual(['people/anna.berg.jpg', 'jo-kim.png', 'map.csv'])
    expect(files[0]?.bytes).toEqual([1, 2, 3])
    expect(files[1]?.bytes).toHaveLength(5000)
    expect(skipped).toEqual([])
  })

  it('says when a "ZIP" cannot be unpacked, and goes on with the other files', async () => {
    const broken = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20])], 'broken.zip')
    const skipped: SkippedFile[] = []
    const files = await collect(walkSources(takePicked([broken, photo('ok.jpg')]), skipped))
    expect(files.map((f) => f.name)).toEqual(['ok.jpg'])
    expect(skipped.map((s) => s.name)).toEqual(['broken.zip'])
  })

  it('tells a single image (single replace) from a bulk drop', () => {
    expect(isBulkDrop(takePicked([photo('a.jpg')]))).toBe(false)
    expect(isBulkDrop(takePicked([photo('a.jpg'), photo('b.jpg')]))).toBe(true)
    const item = (type: string) => ({ kind: 'file', type })
    const drag = (...types: string[]) => ({ items: types.map(item) }) as unknown as DataTransfer
    expect(dragLooksBulk(drag('image/jpeg'))).toBe(false)
    expect(dragLooksBulk(drag('image/jpeg', 'image/png'))).toBe(true)
    expect(dragLooksBulk(drag('application/zip'))).toBe(true)
    expect(dragLooksBulk(drag(''))).toBe('maybe')
  })

  it('names picked folder files by their path inside the folder', () => {
    const file = photo('anna.jpg')
    Object.defineProperty(file, 'webkitRelativePath', { value: 'team/anna.jpg' })
    expect(takePicked([file])).toEqual([{ kind: 'file', file, path: 'team/anna.jpg' }])
  })
})

describe('sending files in batches', () => {
  it('sends about 8 files per call and reads each only when its batch goes out', async () => {
    const reads: string[] = []
    const sent: string[][] = []
    const readsAtSend: number[] = []
    const files = Array.from({ length: 20 }, (_, i) => sized(`f${i}.jpg`, 100, reads))
    const result = await sendInBatches(each(files), {
      skipped: [],
      send: async (batch) => {
        sent.push(batch.map((f) => f.name))
        readsAtSend.push(reads.length)
        return { ok: true, value: null }
      }
    })
    expect(result).toEqual({ ok: true, value: { sent: 20, truncated: false } })
    expect(sent.map((b) => b.length)).toEqual([8, 8, 4])
    expect(readsAtSend).toEqual([8, 16, 20])
  })

  it('starts a new batch before 40 MB, and leaves out empty and oversized files', async () => {
    const reads: string[] = []
    const sent: string[][] = []
    const skipped: SkippedFile[] = []
    const mb = 1024 * 1024
    const files = [sized('a.jpg', 25 * mb, reads), sized('b.jpg', 20 * mb, reads), sized('empty.jpg', 0, reads), sized('huge.tif', 61 * mb, reads), sized('c.jpg', 10 * mb, reads)]
    await sendInBatches(each(files), { skipped, send: async (batch) => (sent.push(batch.map((f) => f.name)), { ok: true, value: null }) })
    expect(sent).toEqual([['a.jpg'], ['b.jpg', 'c.jpg']])
    expect(skipped).toEqual([
      { name: 'empty.jpg', reason: 'empty' },
      { name: 'huge.tif', reason: 'too-large' }
    ])
    expect(reads).not.toContain('huge.tif')
  })

  it('stops at the limit and says so, without reading the rest', async () => {
    const reads: string[] = []
    const files = Array.from({ length: 12 }, (_, i) => sized(`f${i}.jpg`, 10, reads))
    const progress: number[] = []
    const result = await sendInBatches(each(files), { skipped: [], limit: 10, onProgress: (c) => progress.push(c.sent), send: async () => ({ ok: true, value: null }) })
    expect(result).toEqual({ ok: true, value: { sent: 10, truncated: true } })
    expect(reads).toHaveLength(10)
    expect(progress.at(-1)).toBe(10)
  })

  it('stops at the first failed call and when aborted', async () => {
    const files = Array.from({ length: 20 }, (_, i) => sized(`f${i}.jpg`, 10, []))
    let calls = 0
    const failed = await sendInBatches(each(files), {
      skipped: [],
      send: async () => (++calls === 2 ? { ok: false, error: { code: 'net/timeout', message: 'slow' } } : { ok: true, value: null })
    })
    expect(failed.ok ? null : failed.error.code).toBe('net/timeout')
    expect(calls).toBe(2)

    const controller = new AbortController()
    controller.abort()
    const stopped = await sendInBatches(each(files), { skipped: [], signal: controller.signal, send: async () => ({ ok: true, value: null }) })
    expect(stopped.ok ? null : stopped.error.code).toBe('app/cancelled')
  })
})
