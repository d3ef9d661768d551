import { describe, expect, it } from 'vitest'
import { downloadBytes } from './download'

describe('download', () => {
  it('clicks a temporary <a download> with a blob URL of the bytes, and revokes it later', async () => {
    const blobs: Blob[] = []
    const revoked: string[] = []
    let later: (() => void) | null = null
    const clicked: { name: string; href: string }[] = []
    const onClick = (e: Event) => {
      const a = e.target as HTMLAnchorElement
      clicked.push({ name: a.download, href: a.getAttribute('href') ?? '' })
      e.preventDefault()
    }
    document.addEventListener('click', onClick)
    downloadBytes(
      {
        document,
        urls: { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x/1'), revokeObjectURL: (u: string) => void revoked.push(u) } as never,
        later: (run) => (later = run)
      },
      'at,person\n2026,Zoë\n',
      'text/csv',
      'photo-activity.csv'
    )
    document.removeEventListener('click', onClick)
    expect(clicked).toEqual([{ name: 'photo-activity.csv', href: 'blob:x/1' }])
    expect(await blobs[0]?.text()).toBe('at,person\n2026,Zoë\n')
    expect(blobs[0]?.type).toBe('text/csv')
    expect(document.querySelector('a[download]')).toBeNull()
    expect(revoked).toEqual([])
    ;(later as unknown as () => void)()
    expect(revoked).toEqual(['blob:x/1'])
  })
})
