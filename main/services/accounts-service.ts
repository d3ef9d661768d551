/**
 * Accounts: sign-in (password with the two-factor step, or API key), the remembered portals, and the
 * session per account. The token lives in the SecretStore (one keychain item per portal + user) and in
 * memory; the accounts file holds no secret. The password is kept in memory only while a two-factor
 * challenge is open.
 */
import { join } from 'node:path'
import type {
  Account,
  AccountsOverview,
  AccountState,
  AppError,
  PhotoPolicy,
  Result,
  SignedInUser,
  SignInOutcome,
  SignInRequest
} from '../../preload/contract'
import { DocSpaceClient, type Credential } from '../docspace/client'
import { fail, ok } from '../core/result'
import type { HttpClient } from '../docspace/http'
import { isSendableSecret } from '../docspace/limits'
import { unsendableSecret } from '../docspace/failures'
import { normalizePortalUrl, parseVersion, type PortalVersion } from '../docspace/portal-url'

export { ACCOUNT_ID_PATTERN, ACCOUNTS_FILE, accountIdFor } from './accounts-file'
import type { EventSink } from '../core/events'
import { SECRET_SERVICE, secretAccount, type SecretStore } from '../secrets/secret-store'
import { writeJsonFileAtomic } from './json-file'
import { ACCOUNTS_FILE, accountIdFor, readAccountsFile, type StoredAccount } from './accounts-file'
import type { Logger } from '../core/logger'
import { photoPolicy, roleOf } from './photo-policy'
import { DEFAULT_CHALLENGE_TTL_MS, MAX_CODE_ATTEMPTS, SignInAttempts, SignInChallenges } from './sign-in-challenges'


/** `ephemeral`: a process-only session ended; what is saved for the same account must stay. */
export type SignedOutListener = (accountId: string, ended: { readonly ephemeral: boolean }) => void | Promise<void>

/** What a service needs to talk to a signed-in portal. */
export interface Session {
  readonly account: Account
  readonly client: DocSpaceClient
  readonly version: PortalVersion | undefined
}

export interface AccountsServiceOptions {
  readonly dataDir: string
  readonly secrets: SecretStore
  readonly events: EventSink
  readonly http: HttpClient
  readonly log: Logger
  /** Aborts every portal request when the app shuts down. */
  readonly signal?: AbortSignal
  readonly challengeTtlMs?: number
  readonly now?: () => Date
}

interface LiveSession {
  readonly credential: Credential
  readonly storage: 'keychain' | 'session-only'
  readonly client: DocSpaceClient
}

export class AccountsService {
  readonly #file: string
  readonly #secrets: SecretStore
  readonly #events: EventSink
  readonly #http: HttpClient
  readonly #log: Logger
  readonly #signal: AbortSignal | undefined
  readonly #now: () => Date

  #stored: StoredAccount[] = []
  /** Process-only sign-ins (signInEphemeral): never saved, never in the keychain. */
  readonly #ephemeral = new Map<string, StoredAccount>()
  #activeAccountId: string | null = null
  #keychainAvailable = false
  readonly #sessions = new Map<string, LiveSession>()
  readonly #challenges: SignInChallenges
  readonly #attempts = new SignInAttempts()
  readonly #signedOutListeners = new Set<SignedOutListener>()
  #saving: Promise<void> = Promise.resolve()
  readonly #ready: Promise<void>

  constructor(options: AccountsServiceOptions) {
    this.#file = join(options.dataDir, ACCOUNTS_FILE)
    this.#secrets = options.secrets
    this.#events = options.events
    this.#http = options.http
    this.#log = options.log
    this.#signal = options.signal
    this.#challenges = new SignInChallenges(options.challengeTtlMs ?? DEFAULT_CHALLENGE_TTL_MS)
    this.#now = options.now ?? (() => new Date())
    this.#ready = this.#load()
  }

  /**
   * Called when the user ends an account's session (sign-out, forget), so per-account caches can go;
   * sign-out and forget answer once the listeners' promises settled.
   */
  onSignedOut(listener: SignedOutListener): () => void {
    this.#signedOutListeners.add(listener)
    return () => this.#signedOutListeners.delete(listener)
  }

  /** Resolves once the accounts file and the keychain have been read. */
  ready(): Promise<void> {
    return this.#ready
  }

  async overview(): Promise<Result<AccountsOverview>> {
    await this.#ready
    return ok(this.#overview())
  }

  async signIn(req: SignInRequest): Promise<Result<SignInOutcome>> {
    await this.#ready
    const origin = normalizePortalUrl(req.portalUrl)
    if (!origin.ok) return origin
    // A line break in a pasted key would split the request's headers: refused before anything is sent.
    if (req.method === 'api-key' && !isSendableSecret(req.apiKey)) return unsendableSecret('api-key')
    const attempt = this.#attempts.begin(req.attemptId, this.#signal)
    try {
      const anonymous = this.#client(origin.value, undefined, attempt.signal)
      // Reading the version first tells "no portal there" apart from "wrong password".
      const version = await anonymous.buildVersion()
      if (!version.ok) return notAPortal(version.error)

      switch (req.method) {
        case 'password':
          return await this.#signInWithPassword(anonymous, version.value, req.email, req.password, attempt.signal)
        case 'api-key':
          return await this.#complete(origin.value, version.value, { kind: 'api-key', key: req.apiKey }, attempt.signal)
      }
    } finally {
      attempt.end()
    }
  }

  /** The user gave up on a slow sign-in: its portal requests are aborted and nothing is saved. */
  cancelSignIn(arg: { readonly attemptId: string }): Promise<Result<void>> {
    this.#attempts.cancel(arg.attemptId)
    return Promise.resolve(ok(undefined))
  }

  /**
   * An API-key sign-in for this process only (the command line): nothing is written to the accounts
   * file or the keychain, and a saved entry of the same user stays as it was on disk.
   */
  async signInEphemeral(arg: { readonly portalUrl: string; readonly apiKey: string }): Promise<Result<Account>> {
    await this.#ready
    const origin = normalizePortalUrl(arg.portalUrl)
    if (!origin.ok) return origin
    const version = await this.#client(origin.value).buildVersion()
    if (!version.ok) return notAPortal(version.error)
    const credential: Credential = { kind: 'api-key', key: arg.apiKey }
    const verified = await this.#verify(origin.value, version.value, credential)
    if (!verified.ok) return verified
    const { record, client } = verified.value
    this.#ephemeral.set(record.id, record)
    this.#sessions.set(record.id, { credential, storage: 'session-only', client })
    this.#log.info('signed in for this process only', { account: record.id, portal: origin.value, role: record.user.role })
    return ok(this.#toAccount(record))
  }

  async #signInWithPassword(anonymous: DocSpaceClient, rawVersion: string, email: string, password: string, signal?: AbortSignal): Promise<Result<SignInOutcome>> {
    const answer = await anonymous.signIn(email, password)
    if (!answer.ok) return answer
    switch (answer.value.kind) {
      case 'token':
        return this.#complete(anonymous.origin, rawVersion, { kind: 'token', token: answer.value.token }, signal)
      case 'two-factor': {
        if (signal?.aborted) return cancelled()
        const challengeId = this.#challenges.open(anonymous.origin, rawVersion, email, password)
        const { via, phoneNoise } = answer.value
        this.#log.info('sign-in needs a second factor', { portal: anonymous.origin, via })
        return ok({ kind: 'two-factor', challengeId, via, ...(phoneNoise ? { phoneNoise } : {}) })
      }
    }
  }

  async verifyCode(arg: { readonly challengeId: string; readonly code: string }): Promise<Result<SignInOutcome>> {
    await this.#ready
    const challenge = this.#challenges.get(arg.challengeId)
    if (!challenge) {
      return fail('auth/challenge-expired', 'two-factor challenge unknown or expired')
    }
    const token = await this.#client(challenge.origin).verifyCode(challenge.email, challenge.password, arg.code)
    if (!token.ok) {
      if (token.error.code === 'auth/invalid-code') {
        challenge.attempts += 1
        if (challenge.attempts >= MAX_CODE_ATTEMPTS) this.#challenges.close(arg.challengeId)
      } else if (token.error.code.startsWith('auth/')) {
        this.#challenges.close(arg.challengeId)
      }
      return token
    }
    this.#challenges.close(arg.challengeId)
    return this.#complete(challenge.origin, challenge.rawVersion, { kind: 'token', token: token.value })
  }

  async switchTo(arg: { readonly accountId: string }): Promise<Result<AccountsOverview>> {
    await this.#ready
    if (!this.#find(arg.accountId)) return unknownAccount()
    this.#activeAccountId = arg.accountId
    await this.#save()
    return ok(this.#overview())
  }

  /** Ends the session and deletes the keychain item; the portal stays in the list. */
  async signOut(arg: { readonly accountId: string }): Promise<Result<AccountsOverview>> {
    await this.#ready
    if (this.#dropEphemeral(arg.accountId)) return ok(this.#overview())
    const stored = this.#find(arg.accountId)
    if (!stored) return unknownAccount()
    this.#sessions.delete(stored.id)
    await this.#signedOut(stored.id)
    stored.expired = false
    await this.#deleteSecret(stored)
    await this.#save()
    this.#log.info('signed out', { account: stored.id })
    return ok(this.#overview())
  }

  /** Signs out and removes the portal from the list. */
  async forget(arg: { readonly accountId: string }): Promise<Result<AccountsOverview>> {
    await this.#ready
    if (this.#dropEphemeral(arg.accountId)) return ok(this.#overview())
    const stored = this.#find(arg.accountId)
    if (!stored) return unknownAccount()
    this.#sessions.delete(stored.id)
    await this.#signedOut(stored.id)
    await this.#deleteSecret(stored)
    this.#stored = this.#stored.filter((a) => a.id !== stored.id)
    if (this.#activeAccountId === stored.id) this.#activeAccountId = this.#stored[0]?.id ?? null
    await this.#save()
    this.#log.info('forgot account', { account: stored.id })
    return ok(this.#overview())
  }

  /** The live session of a signed-in account, or why there is none. */
  async session(accountId: string): Promise<Result<Session>> {
    await this.#ready
    const stored = this.#find(accountId)
    if (!stored) return unknownAccount()
    const live = this.#sessions.get(accountId)
    if (!live) {
      return stored.expired
        ? fail('auth/expired', 'the token of this account was rejected earlier in this run')
        : fail('auth/not-signed-in', 'this account is signed out')
    }
    return ok({ account: this.#toAccount(stored), client: live.client, version: parseVersion(stored.policy.portalVersion) })
  }

  /**
   * Runs a portal call for an account. A 401 (auth/expired) sends the account back to sign-in: its
   * token is dropped from memory and keychain, and the renderer hears about it through the EventSink.
   */
  async call<T>(accountId: string, work: (session: Session) => Promise<Result<T>>): Promise<Result<T>> {
    const session = await this.session(accountId)
    if (!session.ok) return session
    const live = this.#sessions.get(accountId)
    const result = await work(session.value)
    if (!result.ok && result.error.code === 'auth/expired' && live) await this.#expire(accountId, live)
    return result
  }

  async dispose(): Promise<void> {
    this.#challenges.closeAll()
    await this.#ready.catch(() => undefined)
    await this.#saving
    this.#sessions.clear()
  }

  // -------------------------------------------------------------------------------------------

  async #complete(origin: string, rawVersion: string, credential: Credential, signal?: AbortSignal): Promise<Result<SignInOutcome>> {
    const verified = await this.#verify(origin, rawVersion, credential, signal)
    if (!verified.ok) return verified
    // Cancelled while the portal answered: nothing is stored, no account becomes active.
    if (signal?.aborted) return cancelled()
    const { record, client } = verified.value
    const { id, user, policy } = record
    const secret = credential.kind === 'token' ? credential.token : credential.key
    const storage = await this.#storeSecret(origin, user.id, secret)

    this.#sessions.set(id, { credential, storage, client })
    const index = this.#stored.findIndex((a) => a.id === id)
    if (index >= 0) this.#stored[index] = record
    else this.#stored.push(record)
    this.#activeAccountId = id
    await this.#save()
    this.#log.info('signed in', { account: id, portal: origin, role: user.role, version: policy.portalVersion, storage })
    return ok({ kind: 'signed-in', account: this.#toAccount(record) })
  }

  /** Reads who the credential belongs to; the account record to keep (on disk or in memory). */
  async #verify(origin: string, rawVersion: string, credential: Credential, signal?: AbortSignal): Promise<Result<{ record: StoredAccount; client: DocSpaceClient }>> {
    // The session's client lives on after the sign-in; only the check runs under the attempt's signal.
    const client = this.#client(origin, credential)
    const self = await (signal ? this.#client(origin, credential, signal) : client).self()
    if (!self.ok) {
      // A fresh token or a typed API key that the portal rejects means the credentials are wrong.
      if (self.error.code === 'auth/expired') {
        return fail('auth/invalid-credentials', 'the portal rejected the new token or API key (401)', { status: 401 })
      }
      return self
    }
    const dto = self.value
    const role = roleOf(dto)
    const user: SignedInUser = {
      id: dto.id,
      displayName: dto.displayName || [dto.firstName, dto.lastName].filter(Boolean).join(' ') || dto.email || dto.id,
      email: dto.email ?? '',
      role
    }
    const policy: PhotoPolicy = photoPolicy(rawVersion, role)
    const record: StoredAccount = {
      id: accountIdFor(origin, user.id),
      portalUrl: origin,
      user,
      policy,
      lastSignedInAt: this.#now().toISOString(),
      credentialKind: credential.kind,
      expired: false
    }
    return ok({ record, client })
  }

  /** Keychain when it works; otherwise memory only (never a plain file). */
  async #storeSecret(origin: string, userId: string, secret: string): Promise<'keychain' | 'session-only'> {
    if (!this.#keychainAvailable) return 'session-only'
    const saved = await this.#secrets.set(SECRET_SERVICE, secretAccount(origin, userId), secret)
    if (saved.ok) return 'keychain'
    this.#keychainAvailable = false
    this.#log.warn('keychain refused the token; this sign-in is session-only', { reason: saved.error.detail })
    return 'session-only'
  }

  async #deleteSecret(stored: StoredAccount): Promise<void> {
    if (this.#secrets.kind === 'keychain' && !this.#keychainAvailable) return
    const deleted = await this.#secrets.delete(SECRET_SERVICE, secretAccount(stored.portalUrl, stored.user.id))
    if (!deleted.ok) this.#log.warn('could not delete keychain item', { account: stored.id, reason: deleted.error.detail })
  }

  async #expire(accountId: string, used: LiveSession): Promise<void> {
    // A late 401 from a request sent with an older token must not end a newer session.
    if (this.#sessions.get(accountId) !== used) return
    const stored = this.#find(accountId)
    this.#sessions.delete(accountId)
    if (!stored) return
    stored.expired = true
    if (used.storage === 'keychain') await this.#deleteSecret(stored)
    await this.#save()
    this.#log.warn('token rejected; account needs a new sign-in', { account: accountId })
    this.#events.emit('accounts:changed', this.#overview())
  }

  #client(origin: string, credential?: Credential, signal: AbortSignal | undefined = this.#signal): DocSpaceClient {
    return new DocSpaceClient({ origin, http: this.#http, ...(credential ? { credential } : {}), ...(signal ? { signal } : {}) })
  }

  /** Ends a process-only session; the saved entry and keychain item of the same user are not touched. */
  #dropEphemeral(accountId: string): boolean {
    if (!this.#ephemeral.delete(accountId)) return false
    this.#sessions.delete(accountId)
    for (const listener of [...this.#signedOutListeners]) void listener(accountId, { ephemeral: true })
    return true
  }

  async #signedOut(accountId: string): Promise<void> {
    const settled = await Promise.allSettled([...this.#signedOutListeners].map(async (listener) => listener(accountId, { ephemeral: false })))
    if (settled.some((s) => s.status === 'rejected')) this.#log.error('a sign-out listener failed (bug)', { account: accountId })
  }

  #find(accountId: string): StoredAccount | undefined {
    return this.#ephemeral.get(accountId) ?? this.#stored.find((a) => a.id === accountId)
  }

  #state(stored: StoredAccount): AccountState {
    if (this.#sessions.has(stored.id)) return 'signed-in'
    return stored.expired ? 'expired' : 'signed-out'
  }

  #toAccount(stored: StoredAccount): Account {
    const live = this.#sessions.get(stored.id)
    return {
      id: stored.id,
      portalUrl: stored.portalUrl,
      user: stored.user,
      state: this.#state(stored),
      tokenStorage: live?.storage ?? (this.#keychainAvailable ? 'keychain' : 'session-only'),
      policy: stored.policy,
      lastSignedInAt: stored.lastSignedInAt
    }
  }

  #overview(): AccountsOverview {
    return {
      accounts: this.#stored.map((a) => this.#toAccount(a)),
      activeAccountId: this.#activeAccountId,
      keychainAvailable: this.#keychainAvailable
    }
  }

  async #load(): Promise<void> {
    this.#keychainAvailable = await this.#secrets.isAvailable()
    if (!this.#keychainAvailable) this.#log.warn('keychain unavailable: sign-ins are session-only', { store: this.#secrets.kind })
    const file = await readAccountsFile(this.#file, this.#log)
    this.#stored = file.accounts
    this.#activeAccountId = file.activeAccountId
    if (!this.#keychainAvailable) return
    // An account whose keychain item exists is signed in; the token is checked on first use.
    for (const stored of this.#stored) {
      const secret = await this.#secrets.get(SECRET_SERVICE, secretAccount(stored.portalUrl, stored.user.id))
      if (!secret.ok || !secret.value) continue
      const credential: Credential = stored.credentialKind === 'api-key' ? { kind: 'api-key', key: secret.value } : { kind: 'token', token: secret.value }
      this.#sessions.set(stored.id, { credential, storage: 'keychain', client: this.#client(stored.portalUrl, credential) })
      stored.expired = false
    }
  }

  /** Writes are queued so two quick changes cannot interleave. */
  #save(): Promise<void> {
    const snapshot = { version: 1 as const, activeAccountId: this.#activeAccountId, accounts: this.#stored.map((a) => ({ ...a })) }
    this.#saving = this.#saving.then(() =>
      writeJsonFileAtomic(this.#file, snapshot).catch((e: unknown) => {
        this.#log.error('cannot write the accounts file', { code: (e as NodeJS.ErrnoException).code })
      })
    )
    return this.#saving
  }
}

function cancelled(): { ok: false; error: AppError } {
  return fail('app/cancelled', 'the sign-in was cancelled')
}

function unknownAccount(): { ok: false; error: AppError } {
  return fail('auth/not-signed-in', 'account id not known to the app')
}

/** A failed version read: network failures speak for themselves; anything else is not a DocSpace portal. */
function notAPortal(error: AppError): { ok: false; error: AppError } {
  if (error.code.startsWith('net/') || error.code === 'app/cancelled') return { ok: false, error }
  return fail('portal/unexpected', 'the address answers, but not like a DocSpace portal', error.status ? { status: error.status } : {})
}
