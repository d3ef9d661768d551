/** What both sides of a hand-over share: the role rule, the notice text, and a small concurrency helper. */
import type { AppError, Role } from '../../preload/contract'
import { fail } from '../core/result'
import { MAX_NOTE_CHARS } from '../docspace/files-client'

/**
 * CONTRACT-ROOMS.md §1: owners, DocSpace admins, room admins and users may share a My-documents file
 * with a user; guests may not.
 */
export function canShare(role: Role): boolean {
  return role !== 'guest'
}

export function notAllowed(role: Role): { ok: false; error: AppError } {
  return fail('handoff/not-allowed', `signed in as ${role}: this role cannot share files with people`, { facts: { role } })
}

/**
 * The notice the portal sends with the share (§3.3 `sharingMessage`, at most 255 characters). It is
 * portal content, read in the portal's e-mail, not app UI, so it is written in English and German.
 */
export function shareMessage(sharer: string): string {
  const text =
    `${sharer} prepared a new profile photo for you. Open DocSpace Photo Manager and choose "Use this photo", or set it yourself in your profile. / ` +
    `Neues Profilfoto von ${sharer}: in DocSpace Photo Manager übernehmen oder selbst im Profil setzen.`
  return text.slice(0, MAX_NOTE_CHARS)
}

/** The instruction sent to people asked to add their own photo. */
export function askMessage(sharer: string): string {
  const text =
    `${sharer} asks you to add a profile photo: open your profile in DocSpace and upload one (a clear, recent portrait). / ` +
    `${sharer} bittet Sie, im DocSpace-Profil ein aktuelles Porträtfoto hochzuladen.`
  return text.slice(0, MAX_NOTE_CHARS)
}

/** Runs `work` over `items`, at most `limit` at a time, keeping the order of the answers. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
