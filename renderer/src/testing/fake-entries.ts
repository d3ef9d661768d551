/**
 * Folder trees as Chromium's drop hands them over (webkitGetAsEntry), for intake tests: directory
 * readers answer in batches like Chromium's (100 at a time there), so a walk that stops after the
 * first readEntries call misses files.
 */
import type { DirectoryEntryLike, EntryLike, FileEntryLike } from '../bulk/file-intake'

export type Tree = { readonly [name: string]: Tree | File }

export function fileEntry(path: string, file: File): FileEntryLike {
  return { isFile: true, isDirectory: false, name: file.name, fullPath: `/${path}`, file: (success) => success(file) }
}

export function dirEntry(path: string, tree: Tree, batch = 3): DirectoryEntryLike {
  const children: EntryLike[] = Object.entries(tree).map(([name, child]) =>
    child instanceof File ? fileEntry(`${path}/${name}`, child) : dirEntry(`${path}/${name}`, child, batch)
  )
  return {
    isFile: false,
    isDirectory: true,
    name: path.split('/').pop() ?? path,
    fullPath: `/${path}`,
    createReader: () => {
      let at = 0
      return {
        readEntries: (success) => {
          const next = children.slice(at, at + batch)
          at += next.length
          setTimeout(() => success(next), 0)
        }
      }
    }
  }
}

/** A DataTransfer-like drop of entries (happy-dom has no webkitGetAsEntry). */
export function entryDrop(entries: readonly EntryLike[]): DataTransfer {
  const items = entries.map((entry) => ({
    kind: 'file',
    type: '',
    webkitGetAsEntry: () => entry,
    getAsFile: () => null
  }))
  return { types: ['Files'], items, files: [] } as unknown as DataTransfer
}

export function photo(name: string, size = 12, type = 'image/jpeg'): File {
  return new File([new Uint8Array(size).fill(7)], name, { type })
}
