// Optional persistence to a folder (PortalOptions.dataDir) so a demo survives restarts. The seed is
// regenerated from (seed, people) on every start; the folder holds only what changed since: photos,
// LastModified values, tokens, API keys and temp files.

import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { THUMB_SIZES, type Crop, type ThumbSize } from '../images/images'
import type { ApiKeyRecord, PhotoRecord, TokenRecord } from './model'
import type { PortalStore } from './store'
import { loadFiles, saveFiles } from './files-persistence'

const FORMAT = 1

interface PersistedPhoto {
  ext: string
  width: number
  height: number
  crop: Crop
}

interface PersistedUser {
  lastModifiedTicks: string
  /** undefined: as seeded; null: deleted; object: stored bytes in photos/<id>/ */
  photo?: PersistedPhoto | null
}

interface PersistedState {
  format: number
  seed: number
  people: number
  users: Record<string, PersistedUser>
  tokens: Array<[string, TokenRecord]>
  apiKeys: ApiKeyRecord[]
  temp: Array<{ name: string; ext: string; createdMs: number }>
}

function writeAtomic(path: string, data: string | Buffer): void {
  const tmp = `${path}.tmp`
  writeFileSync(tmp, data)
  renameSync(tmp, path)
}

const safeName = (name: string): boolean => /^[0-9a-zA-Z._-]+$/.test(name) && !name.includes('..')

export class Persistence {
  private timer: NodeJS.Timeout | undefined
  private readonly statePath: string

  constructor(
    private readonly dir: string,
    private readonly store: PortalStore,
    private readonly identity: { seed: number; people: number },
    private readonly log: (message: string) => void
  ) {
    this.statePath = join(dir, 'state.json')
    mkdirSync(join(dir, 'photos'), { recursive: true })
    mkdirSync(join(dir, 'temp'), { recursive: true })
  }

  /** Applies a previous run's changes; a folder made for another seed or size is ignored (and later overwritten). */
  load(): void {
    if (!existsSync(this.statePath)) return
    let state: PersistedState
    try {
      state = JSON.parse(readFileSync(this.statePath, 'utf8')) as PersistedState
    } catch (e) {
      this.log(`dataDir: unreadable state.json, starting fresh (${(e as Error).message})`)
      return
    }
    if (state.format !== FORMAT || state.seed !== this.identity.seed || state.people !== this.identity.people) {
      this.log(`dataDir: state was made for seed ${state.seed} / ${state.people} people; starting fresh`)
      return
    }
    for (const [id, saved] of Object.entries(state.users)) {
      const user = this.store.userById(id)
      if (!user) continue
      user.lastModifiedTicks = BigInt(saved.lastModifiedTicks)
      this.store.modifiedUsers.add(user.id)
      if (saved.photo === null) user.photo = undefined
      else if (saved.photo) {
        const folder = join(this.dir, 'photos', user.id)
        const sizes: Partial<Record<ThumbSize, Buffer>> = {}
        for (const size of THUMB_SIZES) sizes[size] = readFileSync(join(folder, `${size}.bin`))
        const photo: PhotoRecord = { ...saved.photo, source: { kind: 'bytes', original: readFileSync(join(folder, 'original.bin')) }, sizes }
        user.photo = photo
      }
    }
    for (const [token, record] of state.tokens) this.store.tokens.set(token, record)
    for (const key of state.apiKeys) this.store.apiKeys.set(key.key, key)
    for (const t of state.temp) {
      const path = join(this.dir, 'temp', t.name)
      if (safeName(t.name) && existsSync(path)) this.store.tempFiles.set(t.name, { bytes: readFileSync(path), ext: t.ext, createdMs: t.createdMs })
    }
    loadFiles(this.dir, this.store.space, this.log)
  }

  /** Debounced save after a change. */
  schedule(): void {
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.save()
    }, 150)
    this.timer.unref()
  }

  save(): void {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = undefined
    }
    try {
      this.writePhotos()
      this.writeTemp()
      saveFiles(this.dir, this.store.space)
      writeAtomic(this.statePath, JSON.stringify(this.snapshot()))
    } catch (e) {
      this.log(`dataDir: save failed: ${(e as Error).message}`)
    }
  }

  private snapshot(): PersistedState {
    const users: Record<string, PersistedUser> = {}
    for (const id of this.store.modifiedUsers) {
      const user = this.store.userById(id)
      if (!user) continue
      const photo = user.photo
      users[id] = {
        lastModifiedTicks: user.lastModifiedTicks.toString(),
        photo: !photo ? null : photo.source.kind === 'bytes' ? { ext: photo.ext, width: photo.width, height: photo.height, crop: photo.crop } : undefined
      }
    }
    return {
      format: FORMAT,
      seed: this.identity.seed,
      people: this.identity.people,
      users,
      tokens: [...this.store.tokens.entries()],
      apiKeys: [...this.store.apiKeys.values()],
      temp: [...this.store.tempFiles.entries()].map(([name, t]) => ({ name, ext: t.ext, createdMs: t.createdMs }))
    }
  }

  private writePhotos(): void {
    for (const id of this.store.dirtyPhotos) {
      const user = this.store.userById(id)
      const folder = join(this.dir, 'photos', id)
      const photo = user?.photo
      if (!photo || photo.source.kind !== 'bytes') {
        rmSync(folder, { recursive: true, force: true })
        continue
      }
      mkdirSync(folder, { recursive: true })
      writeAtomic(join(folder, 'original.bin'), photo.source.original)
      for (const size of THUMB_SIZES) {
        const bytes = user ? this.store.photoBytes(user, size) : undefined
        if (bytes) writeAtomic(join(folder, `${size}.bin`), bytes)
      }
    }
    this.store.dirtyPhotos.clear()
  }

  private writeTemp(): void {
    const folder = join(this.dir, 'temp')
    const wanted = new Set(this.store.tempFiles.keys())
    for (const name of readdirSync(folder)) if (!wanted.has(name)) rmSync(join(folder, name), { force: true })
    for (const [name, t] of this.store.tempFiles) {
      const path = join(folder, name)
      if (safeName(name) && !existsSync(path)) writeAtomic(path, t.bytes)
    }
  }
}
