// The files area in the dataDir: files/state.json (folders, rooms, files, shares, new marks) and
// files/blobs/<fileId>-<version>.bin (each version's bytes, written once). Notices and operations are not kept.

import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FileRecord, FileSpace, FolderRecord, ShareRecord } from './files'

const FORMAT = 1

type PersistedFolder = Omit<FolderRecord, 'room'> & {
  room?: Omit<NonNullable<FolderRecord['room']>, 'members'> & { members: Array<[string, number]> }
}

interface PersistedFile {
  id: number
  folderId: number
  title: string
  createdBy: string
  createdMs: number
  versions: Array<{ version: number; createdMs: number; createdBy: string; comment: string; width?: number; height?: number }>
  shares: Array<[string, ShareRecord]>
  newFor: string[]
}

interface PersistedFiles {
  format: number
  nextFolderId: number
  nextFileId: number
  folders: PersistedFolder[]
  files: PersistedFile[]
}

function writeAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp`
  writeFileSync(tmp, data)
  renameSync(tmp, path)
}

const blobName = (fileId: number, version: number): string => `${fileId}-${version}.bin`

export function loadFiles(dir: string, space: FileSpace, log: (m: string) => void): void {
  const path = join(dir, 'files', 'state.json')
  if (!existsSync(path)) return
  let state: PersistedFiles
  try {
    state = JSON.parse(readFileSync(path, 'utf8')) as PersistedFiles
  } catch (e) {
    log(`dataDir: unreadable files/state.json, files start empty (${(e as Error).message})`)
    return
  }
  if (state.format !== FORMAT) return
  for (const f of state.folders) {
    const { room, ...rest } = f
    space.putFolder({ ...rest, room: room ? { ...room, members: new Map(room.members) } : undefined })
  }
  for (const f of state.files) {
    const versions = f.versions.flatMap((v) => {
      const blob = join(dir, 'files', 'blobs', blobName(f.id, v.version))
      return existsSync(blob) ? [{ ...v, bytes: readFileSync(blob) }] : []
    })
    if (versions.length === 0) continue
    const file: FileRecord = { ...f, versions, shares: new Map(f.shares), newFor: new Set(f.newFor) }
    space.putFile(file)
  }
  // Ids are never reused, also after the newest file was deleted.
  space.nextFolderId = Math.max(space.nextFolderId, state.nextFolderId)
  space.nextFileId = Math.max(space.nextFileId, state.nextFileId)
}

export function saveFiles(dir: string, space: FileSpace): void {
  const blobs = join(dir, 'files', 'blobs')
  mkdirSync(blobs, { recursive: true })
  const wanted = new Set<string>()
  for (const file of space.files.values()) {
    for (const v of file.versions) {
      const name = blobName(file.id, v.version)
      wanted.add(name)
      const path = join(blobs, name)
      if (!existsSync(path)) writeAtomic(path, v.bytes)
    }
  }
  for (const name of readdirSync(blobs)) if (!wanted.has(name)) rmSync(join(blobs, name), { force: true })
  const state: PersistedFiles = {
    format: FORMAT,
    nextFolderId: space.nextFolderId,
    nextFileId: space.nextFileId,
    folders: [...space.folders.values()].map((f) => ({ ...f, room: f.room ? { ...f.room, members: [...f.room.members.entries()] } : undefined })),
    files: [...space.files.values()].map((f) => ({
      id: f.id,
      folderId: f.folderId,
      title: f.title,
      createdBy: f.createdBy,
      createdMs: f.createdMs,
      versions: f.versions.map(({ bytes: _bytes, ...v }) => v),
      shares: [...f.shares.entries()],
      newFor: [...f.newFor]
    }))
  }
  writeAtomic(join(dir, 'files', 'state.json'), JSON.stringify(state))
}
