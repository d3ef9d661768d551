/**
 * Files for a bulk import, from a drop (folders read recursively, many files, ZIPs), or a picker.
 * Nothing is read up front: a drop hands over entries and File handles, the walk yields files one
 * by one, and bytes are read only when a file's batch goes to main (file-batches.ts). ZIPs are
 * unpacked here, entry by entry, with fflate's streaming Unzip, so a 2 GB archive never sits in
 * memory whole.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate'

/** One file found: its path ('/'-separated, inside the dropped folder or ZIP) and how to read it. */
export interface IntakeFile {
  readonly name: string
  readonly size: number
  read(): Promise<Uint8Array>
}

/** 'ignored': main left it out (a system file it knows, or a file already in the job). */
export type SkipReason = 'too-large' | 'empty' | 'unreadable' | 'bad-zip' | 'ignored'

export interface SkippedFile {
  readonly name: string
  readonly reason: SkipReason
}

/** The parts of FileSystemEntry the walk uses (Chromium's webkitGetAsEntry), so tests can build trees. */
export interface FileEntryLike {
  readonly isFile: true
  readonly isDirectory: false
  readonly name: string
  readonly fullPath: string
  file(success: (file: File) => void, failure?: (error: unknown) => void): void
}

export interface DirectoryEntryLike {
  readonly isFile: false
  readonly isDirectory: true
  readonly name: string
  readonly fullPath: string
  createReader(): { readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void }
}

export type EntryLike = FileEntryLike | DirectoryEntryLike

/** What a drop or pick hands over, taken synchronously (a DataTransfer is emptied after its event). */
export type IntakeSource = { readonly kind: 'entry'; readonly entry: EntryLike } | { readonly kind: 'file'; readonly file: File; readonly path: string }

/** Main's limit for one image, the same as a single replace: bigger files would fail the whole batch. */
export const MAX_FILE_BYTES = 60 * 1024 * 1024
const ZIP_CHUNK_BYTES = 4 * 1024 * 1024
const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini'])

/** Dotfiles, macOS resource forks (__MACOSX/) and Windows' thumbnail caches are never photos. */
export function isJunkPath(path: string): boolean {
  return path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX' || SYSTEM_FILES.has(part.toLowerCase()))
}

export function isZip(name: string, type = ''): boolean {
  return /\.zip$/i.test(name) || type === 'application/zip' || type === 'application/x-zip-compressed'
}

/** The drop's files and folders. Call inside the drop handler: the items are gone after it. */
export function takeDrop(data: DataTransfer | null | undefined): IntakeSource[] {
  if (!data) return []
  const out: IntakeSource[] = []
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file')
  for (const item of items) {
    const entry = typeof item.webkitGetAsEntry === 'function' ? (item.webkitGetAsEntry() as EntryLike | null) : null
    if (entry) {
      out.push({ kind: 'entry', entry })
      continue
    }
    const file = item.getAsFile()
    if (file) out.push({ kind: 'file', file, path: file.name })
  }
  if (out.length === 0 && data.files) for (const file of Array.from(data.files)) out.push({ kind: 'file', file, path: file.name })
  return out
}

/** A picker's files; a folder pick names each file by its path inside the folder. */
export function takePicked(files: ArrayLike<File> | null | undefined): IntakeSource[] {
  return Array.from(files ?? [], (file) => ({ kind: 'file' as const, file, path: file.webkitRelativePath || file.name }))
}

/** A folder, a ZIP or more than one file is a bulk import; one image stays a single replace. */
export function isBulkDrop(sources: readonly IntakeSource[]): boolean {
  if (sources.length > 1) return true
  const only = sources[0]
  if (!only) return false
  if (only.kind === 'entry') return only.entry.isDirectory || isZip(only.entry.name)
  return isZip(only.file.name, only.file.type)
}

/**
 * During dragover only kinds and types can be read: several files or a ZIP are surely a bulk drop;
 * one item without a type may be a folder ('maybe'), which only the drop can tell.
 */
export function dragLooksBulk(data: DataTransfer | null | undefined): boolean | 'maybe' {
  const items = Array.from(data?.items ?? []).filter((item) => item.kind === 'file')
  if (items.length > 1) return true
  const only = items[0]
  if (!only) return false
  if (isZip('', only.type)) return true
  return only.type === '' ? 'maybe' : false
}

/** Every file of the sources, folders walked and ZIPs unpacked; what cannot be used lands in `skipped`. */
export async function* walkSources(sources: readonly IntakeSource[], skipped: SkippedFile[]): AsyncGenerator<IntakeFile> {
  for (const source of sources) {
    if (source.kind === 'file') yield* fromFile(source.file, source.path, skipped)
    else yield* walkEntry(source.entry, skipped)
  }
}

async function* walkEntry(entry: EntryLike, skipped: SkippedFile[]): AsyncGenerator<IntakeFile> {
  const path = entry.fullPath.replace(/^\/+/, '') || entry.name
  if (isJunkPath(path)) return
  if (entry.isDirectory) {
    const reader = entry.createReader()
    // readEntries answers in batches (100 at a time in Chromium) until it answers an empty one.
    for (;;) {
      const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject)).catch(() => null)
      if (batch === null) {
        skipped.push({ name: path, reason: 'unreadable' })
        return
      }
      if (batch.length === 0) return
      for (const child of batch) yield* walkEntry(child, skipped)
    }
  }
  const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject)).catch(() => null)
  if (!file) {
    skipped.push({ name: path, reason: 'unreadable' })
    return
  }
  yield* fromFile(file, path, skipped)
}

async function* fromFile(file: File, path: string, skipped: SkippedFile[]): AsyncGenerator<IntakeFile> {
  if (isJunkPath(path)) return
  if (isZip(file.name, file.type)) {
    yield* unzipEntries(file, path, skipped)
    return
  }
  yield { name: path, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) }
}

/** A ZIP's files, one by one: the archive is read in chunks and each entry is yielded once complete. */
export async function* unzipEntries(zip: Blob, zipName: string, skipped: SkippedFile[]): AsyncGenerator<IntakeFile> {
  const done: IntakeFile[] = []
  let found = 0
  const unzip = new Unzip((entry) => {
    if (entry.name.endsWith('/') || isJunkPath(entry.name)) return
    found++
    collectEntry(entry, done, skipped)
  })
  unzip.register(UnzipInflate)
  try {
    let offset = 0
    do {
      const end = Math.min(zip.size, offset + ZIP_CHUNK_BYTES)
      unzip.push(new Uint8Array(await zip.slice(offset, end).arrayBuffer()), end >= zip.size)
      while (done.length > 0) yield done.shift() as IntakeFile
      offset = end
    } while (offset < zip.size)
  } catch {
    skipped.push({ name: zipName, reason: 'bad-zip' })
    return
  }
  if (found === 0) skipped.push({ name: zipName, reason: 'empty' })
}

function collectEntry(entry: UnzipFile, done: IntakeFile[], skipped: SkippedFile[]): void {
  if (entry.originalSize !== undefined && entry.originalSize > MAX_FILE_BYTES) {
    skipped.push({ name: entry.name, reason: 'too-large' })
    return
  }
  const chunks: Uint8Array[] = []
  let length = 0
  let dropped = false
  entry.ondata = (error, data, final) => {
    if (dropped) return
    if (error) {
      dropped = true
      skipped.push({ name: entry.name, reason: 'bad-zip' })
      return
    }
    length += data.length
    // Archives written as a stream do not say an entry's size up front: stop holding it past the limit.
    if (length > MAX_FILE_BYTES) {
      dropped = true
      chunks.length = 0
      skipped.push({ name: entry.name, reason: 'too-large' })
      entry.terminate()
      return
    }
    chunks.push(data)
    if (final) {
      const bytes = concat(chunks, length)
      done.push({ name: entry.name, size: bytes.length, read: async () => bytes })
    }
  }
  try {
    entry.start()
  } catch {
    // A compression method fflate has no decoder for (e.g. LZMA).
    skipped.push({ name: entry.name, reason: 'bad-zip' })
  }
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0]
  const out = new Uint8Array(length)
  let at = 0
  for (const chunk of chunks) {
    out.set(chunk, at)
    at += chunk.length
  }
  return out
}
