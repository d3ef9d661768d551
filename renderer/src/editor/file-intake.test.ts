import { describe, expect, it } from 'vitest'
import { carriesFiles, clipboardImages, countFiles, displayFileName, filesOf, readBytes } from './file-intake'

function transfer(files: File[]): DataTransfer {
  const dt = new DataTransfer()
  for (const f of files) dt.items.add(f)
  return dt
}

describe('file intake', () => {
  it('finds files in a drag and reads their bytes', async () => {
    const a = new File([new Uint8Array([1, 2, 3])], 'a.jpg', { type: 'image/jpeg' })
    const b = new File([new Uint8Array([9])], 'b.png', { type: 'image/png' })
    const dt = transfer([a, b])
    expect(carriesFiles(dt)).toBe(true)
    expect(countFiles(dt)).toBe(2)
    expect(filesOf(dt).map((f) => f.name)).toEqual(['a.jpg', 'b.png'])
    expect(Array.from(await readBytes(a))).toEqual([1, 2, 3])
  })

  it('ignores drags without files and non-images on the clipboard', () => {
    const text = new DataTransfer()
    text.setData('text/plain', 'hello')
    expect(carriesFiles(text)).toBe(false)
    expect(carriesFiles(null)).toBe(false)
    expect(countFiles(undefined)).toBe(0)
    const mixed = transfer([new File(['x'], 'notes.txt', { type: 'text/plain' }), new File(['y'], 'shot.png', { type: 'image/png' })])
    expect(clipboardImages(mixed).map((f) => f.name)).toEqual(['shot.png'])
  })

  it('names a pasted image that has no name', () => {
    expect(displayFileName(new File(['x'], '', { type: 'image/png' }), 'Pasted image')).toBe('Pasted image')
    expect(displayFileName(new File(['x'], 'me.jpg'), 'Pasted image')).toBe('me.jpg')
  })
})
