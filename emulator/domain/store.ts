// Portal state: people, groups, tokens, API keys, photos and temp files. In memory; persistence.ts
// mirrors it to a folder when a dataDir is configured.

import { ticksFromUnixMs } from './dotnet-hash'
import { renderThumbnails, THUMB_PIXELS, type Crop, type ThumbSize } from '../images/images'
import { renderThumbnailsSync } from '../images/render-sync'
import { FileSpace } from './files'
import type { ApiKeyRecord, GroupRecord, PhotoRecord, TempFile, TokenRecord, UserRecord } from './model'
import { paintPortrait } from '../images/portrait'
import type { CacheQuirks, PhotoSize } from '../types'

/** Every quirk off: a clean server. */
export const NO_QUIRKS: CacheQuirks = { staleUserCache: false, userCacheTtlMs: 20 * 60_000, secondPrecisionReads: false, realSizeCropFiles: false }

const TICKS_PER_SECOND = 10_000_000n

export interface StoreListener {
  /** Something persistent changed (photo, token, key, temp file, lastModified). */
  changed(): void
}

export class PortalStore {
  readonly users: UserRecord[]
  readonly groups: GroupRecord[]
  readonly tokens = new Map<string, TokenRecord>()
  readonly apiKeys = new Map<string, ApiKeyRecord>()
  readonly tempFiles = new Map<string, TempFile>()
  /** Folders, rooms, files and shares (CONTRACT-ROOMS.md). */
  readonly space: FileSpace
  /** Bumped when a field that list queries sort or filter on changes. */
  listRevision = 0
  /** Users changed since seeding (persisted); `dirtyPhotos` since the last save. */
  readonly modifiedUsers = new Set<string>()
  readonly dirtyPhotos = new Set<string>()
  private readonly byId = new Map<string, UserRecord>()
  private readonly byUserName = new Map<string, UserRecord>()
  private readonly byEmail = new Map<string, UserRecord>()
  private readonly groupsById = new Map<string, GroupRecord>()
  private lastTicks = 0n
  private readonly listeners: StoreListener[] = []
  /** The real server's cache quirks (types.ts CacheQuirks); all off unless the portal was started with them. */
  quirks: CacheQuirks = NO_QUIRKS
  /** Quirk (a): the cached user's LastModified as first read, never evicted by a photo write. */
  private readonly userCache = new Map<string, { ticks: bigint; expiresMs: number }>()

  constructor(users: UserRecord[], groups: GroupRecord[]) {
    this.users = users
    this.groups = groups
    for (const u of users) {
      this.byId.set(u.id, u)
      this.byUserName.set(u.userName.toLowerCase(), u)
      this.byEmail.set(u.email.toLowerCase(), u)
    }
    for (const g of groups) this.groupsById.set(g.id, g)
    this.space = new FileSpace(users.find((u) => u.isOwner)?.id ?? '', () => this.changed())
  }

  listen(listener: StoreListener): void {
    this.listeners.push(listener)
  }

  changed(): void {
    for (const l of this.listeners) l.changed()
  }

  userById(id: string): UserRecord | undefined {
    return this.byId.get(id.toLowerCase())
  }

  userByUserName(name: string): UserRecord | undefined {
    return this.byUserName.get(name.toLowerCase())
  }

  userByEmail(email: string): UserRecord | undefined {
    return this.byEmail.get(email.trim().toLowerCase())
  }

  groupById(id: string): GroupRecord | undefined {
    return this.groupsById.get(id.toLowerCase())
  }

  /** UTC now as .NET ticks, strictly increasing so every write gets a new `?hash=`. */
  nextTicks(): bigint {
    const now = ticksFromUnixMs(Date.now())
    this.lastTicks = now > this.lastTicks ? now : this.lastTicks + 1n
    return this.lastTicks
  }

  /**
   * The LastModified a photo URL's `?hash=` is computed from. A write answer hashes the saved
   * in-memory record; a read hashes the database row (whole seconds under quirk b), through the user
   * cache (quirk a), which keeps what it first read until it expires.
   */
  hashTicks(user: UserRecord, use: 'read' | 'write'): bigint {
    const { staleUserCache, secondPrecisionReads, userCacheTtlMs } = this.quirks
    const now = Date.now()
    if (staleUserCache) {
      const hit = this.userCache.get(user.id)
      if (hit && hit.expiresMs > now) return hit.ticks
    }
    if (use === 'write') return user.lastModifiedTicks
    const stored = secondPrecisionReads ? (user.lastModifiedTicks / TICKS_PER_SECOND) * TICKS_PER_SECOND : user.lastModifiedTicks
    if (staleUserCache) this.userCache.set(user.id, { ticks: stored, expiresMs: now + userCacheTtlMs })
    return stored
  }

  /** The user record was saved: LastModified = UtcNow. */
  touch(user: UserRecord): void {
    user.lastModifiedTicks = this.nextTicks()
    this.modifiedUsers.add(user.id)
    this.dirtyPhotos.add(user.id)
    this.changed()
  }

  setPhoto(user: UserRecord, photo: PhotoRecord): void {
    user.photo = photo
    this.touch(user)
  }

  updateThumbnails(user: UserRecord, crop: Crop, sizes: Record<ThumbSize, Buffer>): void {
    if (!user.photo) return
    user.photo.crop = crop
    user.photo.sizes = sizes
    delete user.photo.unrendered
    this.touch(user)
  }

  /** Quirk (c): the square sizes stay as they were; the new files sit beside them and `original` names the last. */
  realSizeThumbnails(user: UserRecord, crop: Crop, files: ReadonlyArray<{ name: string; bytes: Buffer }>): void {
    if (!user.photo) return
    user.photo.crop = crop
    user.photo.realSizeFiles = new Map(files.map((f) => [f.name.toLowerCase(), f.bytes]))
    user.photo.originalFile = files[files.length - 1]?.name
    this.touch(user)
  }

  deletePhoto(user: UserRecord): void {
    user.photo = undefined
    this.touch(user)
  }

  /** photoBytes for a request: sizes not rendered yet are rendered off this thread (once, however many ask). */
  async photoFile(user: UserRecord, size: PhotoSize): Promise<Buffer | undefined> {
    const photo = user.photo
    const pending = photo?.unrendered
    if (!photo || !pending || size === 'original') return this.photoBytes(user, size)
    pending.rendering ??= renderThumbnails(pending.original, pending.crop)
    const sizes = await pending.rendering
    // Unless a write replaced them meanwhile, these are the photo's sizes from now on.
    if (photo.unrendered === pending) {
      photo.sizes = sizes
      delete photo.unrendered
    }
    return sizes[size as ThumbSize]
  }

  /** The exact bytes the portal serves for a user's photo file, painting seeded portraits on first use. */
  photoBytes(user: UserRecord, size: PhotoSize): Buffer | undefined {
    const photo = user.photo
    if (!photo) return undefined
    const source = photo.source
    if (size === 'original') {
      if (source.kind === 'bytes') return source.original
      photo.paintedOriginal ??= paintPortrait(source.spec, photo.width, photo.height, { x: 0, y: 0, w: photo.width, h: photo.height }, photo.width, photo.height)
      return photo.paintedOriginal
    }
    const cached = photo.sizes[size]
    if (cached) return cached
    if (photo.unrendered) {
      // A synchronous reader (the test handle, the folder mirror): render on a worker thread and wait.
      photo.sizes = renderThumbnailsSync(photo.unrendered.original, photo.unrendered.crop)
      delete photo.unrendered
      return photo.sizes[size]
    }
    if (source.kind === 'bytes') return undefined
    const px = THUMB_PIXELS[size]
    const bytes = paintPortrait(source.spec, photo.width, photo.height, photo.crop, px, px)
    photo.sizes[size] = bytes
    return bytes
  }
}
