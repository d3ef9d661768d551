/**
 * Asking people who have no photo to add their own. DocSpace has no "please add a photo" notice, so
 * the portal's own sharing notice carries it (CONTRACT-ROOMS.md §3.3: a share with `notify` sends
 * the `sharingMessage`): a short instruction file in the signed-in user's "My documents", shared
 * read-only with each person. Who has a photo since is read from the people API (`hasAvatar`).
 */
import type { AskOutcome, PhotoRequest, Result } from '../../preload/contract'
import type { Logger } from '../core/logger'
import { ok } from '../core/result'
import { FILE_SHARE } from '../docspace/files-dto'
import { FilesClient } from '../docspace/files-client'
import type { AccountsService, Session } from '../services/accounts-service'
import type { ChangeFrame } from '../changes/change-frame'
import { askMessage, canShare, mapLimited, notAllowed } from './handoff-shared'
import type { HandoffStore } from './handoff-store'

const INSTRUCTIONS_TITLE = 'add-your-profile-photo.txt'
/** Portal content (a file people open in DocSpace), not app UI: English and German. */
const INSTRUCTIONS = [
  'Please add a profile photo',
  '',
  '1. Open DocSpace and click your avatar, then "Profile".',
  '2. Click the photo and upload a clear, recent portrait (PNG or JPEG).',
  '3. Choose the square you want and save.',
  '',
  'Bitte fügen Sie ein Profilfoto hinzu: Profil öffnen, auf das Foto klicken, ein aktuelles Porträt (PNG oder JPEG) hochladen, Ausschnitt wählen, speichern.',
  ''
].join('\n')

const CONCURRENCY = 4

export class PhotoRequests {
  readonly #accounts: AccountsService
  readonly #frame: ChangeFrame
  readonly #store: HandoffStore
  readonly #log: Logger
  readonly #now: () => Date

  constructor(options: { readonly accounts: AccountsService; readonly frame: ChangeFrame; readonly store: HandoffStore; readonly log: Logger; readonly now?: () => Date }) {
    this.#accounts = options.accounts
    this.#frame = options.frame
    this.#store = options.store
    this.#log = options.log
    this.#now = options.now ?? (() => new Date())
  }

  /** Shares the instruction file with each person, with a notice; one outcome per person. */
  ask(accountId: string, userIds: readonly string[]): Promise<Result<readonly AskOutcome[]>> {
    return this.#accounts.call(accountId, async (session) => {
      const me = session.account.user
      if (!canShare(me.role)) return notAllowed(me.role)
      const files = new FilesClient(session.client)
      // Uploading the same title again makes a new version of the same file (§4.1), so there is one file per account.
      const file = await files.uploadToMy(INSTRUCTIONS_TITLE, new TextEncoder().encode(INSTRUCTIONS), 'text/plain')
      if (!file.ok) return file
      await this.#store.update(accountId, (current) => ({ next: { ...current, askFileId: file.value.id }, value: undefined }))
      const unique = [...new Set(userIds.map((id) => id.toLowerCase()))]
      const outcomes = await mapLimited(unique, CONCURRENCY, async (userId): Promise<AskOutcome & { readonly request?: PhotoRequest }> => {
        const person = await this.#frame.person(session, userId)
        if (!person.ok) return { userId, ok: false, error: person.error }
        const shared = await files.share(file.value.id, { userId, access: FILE_SHARE.read, notify: true, message: askMessage(me.displayName) })
        if (!shared.ok) return { userId, ok: false, error: shared.error }
        const request: PhotoRequest = { userId, personName: person.value.displayName, askedAt: this.#now().toISOString(), hasPhoto: person.value.hasPhoto }
        return { userId, ok: true, request }
      })
      const requests = outcomes.flatMap((o) => (o.request ? [o.request] : []))
      await this.#store.update(accountId, (current) => ({
        next: { ...current, asks: [...current.asks.filter((a) => !requests.some((r) => r.userId === a.userId)), ...requests] },
        value: undefined
      }))
      this.#log.info('asked people for a photo', { account: accountId, asked: requests.length, failed: outcomes.length - requests.length })
      return ok(outcomes.map(({ request: _request, ...outcome }) => outcome))
    })
  }

  /** Everyone asked, newest first; `refresh` reads each person again and notes when a photo first appeared. */
  async asked(accountId: string, refresh: boolean): Promise<Result<readonly PhotoRequest[]>> {
    if (refresh) {
      const checked = await this.#accounts.call(accountId, async (session) => ok(await this.#refresh(session)))
      if (!checked.ok) return checked
    }
    const { asks } = await this.#store.read(accountId)
    return ok([...asks].sort((a, b) => b.askedAt.localeCompare(a.askedAt)))
  }

  async #refresh(session: Session): Promise<void> {
    const accountId = session.account.id
    const { asks } = await this.#store.read(accountId)
    const now = await mapLimited(asks, CONCURRENCY, async (ask) => ({ userId: ask.userId, person: await this.#frame.person(session, ask.userId) }))
    const at = this.#now().toISOString()
    await this.#store.update(accountId, (current) => ({
      next: {
        ...current,
        asks: current.asks.map((ask) => {
          const seen = now.find((n) => n.userId === ask.userId)?.person
          if (!seen?.ok) return ask
          const hasPhoto = seen.value.hasPhoto
          return { ...ask, hasPhoto, checkedAt: at, ...(hasPhoto && !ask.photoSince ? { photoSince: at } : {}) }
        })
      },
      value: undefined
    }))
  }
}
