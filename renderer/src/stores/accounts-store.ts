/**
 * Remembered portals and accounts, the active one, and the sign-in flow (credentials, then the
 * two-factor step when the portal asks for it). Main owns the tokens; this store only sees the
 * AccountsOverview main sends and follows its `accounts:changed` events.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { Account, AccountsOverview, AppError, Result, SignInOutcome, SignInRequest } from '../../../preload/contract'
import { useAppApi } from '../api-context'

export type SignInStep =
  | { readonly kind: 'credentials' }
  | {
      readonly kind: 'two-factor'
      readonly challengeId: string
      readonly via: 'app' | 'sms'
      readonly phoneNoise?: string
      readonly portalUrl: string
    }

/** A failure to show on the sign-in screen, with the portal it is about. */
export interface SignInProblem {
  readonly error: AppError
  readonly portalUrl?: string
}

/** What the sign-in form should start with. */
export interface SignInPrefill {
  readonly portalUrl: string
  readonly email: string
}

export const useAccountsStore = defineStore('accounts', () => {
  const api = useAppApi()

  const overview = shallowRef<AccountsOverview | null>(null)
  const step = shallowRef<SignInStep>({ kind: 'credentials' })
  const busy = ref(false)
  const problem = shallowRef<SignInProblem | null>(null)
  /** The user asked to sign in to another portal while signed in to one. */
  const adding = ref(false)
  /** Set when the active account's session ended, to say so on the sign-in screen. */
  const expiredPortal = ref<string | null>(null)
  const prefill = shallowRef<SignInPrefill | null>(null)
  let unsubscribe: (() => void) | null = null
  /** The sign-in now running, which Cancel aborts (in main too); a cancelled one's answer is ignored. */
  let attempt: { readonly id: string; cancelled: boolean } | null = null
  let attempts = 0

  const accounts = computed<readonly Account[]>(() => overview.value?.accounts ?? [])
  const activeAccount = computed<Account | null>(
    () => accounts.value.find((a) => a.id === overview.value?.activeAccountId) ?? null
  )
  const keychainAvailable = computed(() => overview.value?.keychainAvailable ?? true)
  /** The first overview was asked for (answered or failed): the UI can leave its start screen. */
  const ready = ref(false)
  /** The people view needs an active, signed-in account; anything else shows sign-in. */
  const showSignIn = computed(() => adding.value || activeAccount.value?.state !== 'signed-in')

  function applyOverview(next: AccountsOverview): void {
    const before = activeAccount.value
    overview.value = next
    const active = next.accounts.find((a) => a.id === next.activeAccountId)
    // Only on the change to expired, so a later event does not overwrite what the user is typing.
    const newlyExpired = active?.state === 'expired' && !(before?.id === active.id && before.state === 'expired')
    if (active && newlyExpired) {
      expiredPortal.value = active.portalUrl
      prefillFor(active)
    }
  }

  /** Loads the overview and follows main's changes. `launchPortal` prefills sign-in (the demo link). */
  async function init(launchPortal: string | null = null): Promise<Result<AccountsOverview>> {
    unsubscribe?.()
    unsubscribe = api.accounts.onChanged(applyOverview)
    const result = await api.accounts.overview()
    if (result.ok) applyOverview(result.value)
    else problem.value = { error: result.error }
    // The link the app was opened with (the demo's local portal) comes first, then the portal the
    // user signed out of last time; an expired session (set by applyOverview) wins over both.
    const active = activeAccount.value
    if (launchPortal && prefill.value === null) {
      const known = accounts.value.find((a) => a.portalUrl === launchPortal)
      prefill.value = { portalUrl: launchPortal, email: known?.user.email ?? '' }
    }
    if (active && active.state === 'signed-out' && prefill.value === null) prefillFor(active)
    ready.value = true
    return result
  }

  function dispose(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  async function signIn(request: SignInRequest): Promise<boolean> {
    const mine = { id: `signin-${Date.now().toString(36)}-${++attempts}`, cancelled: false }
    attempt = mine
    try {
      return await run(request.portalUrl, () => api.accounts.signIn({ ...request, attemptId: mine.id }), mine)
    } finally {
      if (attempt === mine) attempt = null
    }
  }

  /** Gives up on a slow sign-in: main aborts its requests, the form is ready again at once. */
  async function cancelSignIn(): Promise<void> {
    const running = attempt
    if (!running) return
    running.cancelled = true
    attempt = null
    busy.value = false
    problem.value = null
    await api.accounts.cancelSignIn({ attemptId: running.id })
  }

  async function verifyCode(code: string): Promise<boolean> {
    const current = step.value
    if (current.kind !== 'two-factor') return false
    const ok = await run(current.portalUrl, () => api.accounts.verifyCode({ challengeId: current.challengeId, code }))
    // A challenge that expired cannot be answered any more: start over with the password.
    if (!ok && problem.value?.error.code === 'auth/challenge-expired') step.value = { kind: 'credentials' }
    return ok
  }

  function backToCredentials(): void {
    step.value = { kind: 'credentials' }
    problem.value = null
  }

  async function run(portalUrl: string, call: () => Promise<Result<SignInOutcome>>, own?: { readonly cancelled: boolean }): Promise<boolean> {
    busy.value = true
    problem.value = null
    try {
      const result = await call()
      if (own?.cancelled) return false
      if (!result.ok) {
        problem.value = { error: result.error, portalUrl }
        return false
      }
      const outcome = result.value
      if (outcome.kind === 'two-factor') {
        step.value = {
          kind: 'two-factor',
          challengeId: outcome.challengeId,
          via: outcome.via,
          portalUrl,
          ...(outcome.phoneNoise === undefined ? {} : { phoneNoise: outcome.phoneNoise })
        }
        return false
      }
      return await finishSignIn(outcome.account)
    } finally {
      if (!own?.cancelled) busy.value = false
    }
  }

  async function finishSignIn(account: Account): Promise<boolean> {
    step.value = { kind: 'credentials' }
    adding.value = false
    expiredPortal.value = null
    prefill.value = null
    // Make the new account the active one, whatever main chose, and take the fresh overview.
    const switched = await api.accounts.switchTo({ accountId: account.id })
    if (switched.ok) {
      applyOverview(switched.value)
      return true
    }
    problem.value = { error: switched.error, portalUrl: account.portalUrl }
    return false
  }

  /** Opens a remembered account: signed-in ones switch at once, others go to sign-in prefilled. */
  async function open(accountId: string): Promise<void> {
    const account = accounts.value.find((a) => a.id === accountId)
    if (!account) return
    if (account.state !== 'signed-in') {
      prefillFor(account)
      expiredPortal.value = account.state === 'expired' ? account.portalUrl : null
      step.value = { kind: 'credentials' }
      problem.value = null
      adding.value = true
      return
    }
    await apply(api.accounts.switchTo({ accountId }))
    adding.value = false
  }

  /** Signs out and leaves the form ready to sign in to that portal again, as that user. */
  async function signOut(accountId: string): Promise<void> {
    const account = accounts.value.find((a) => a.id === accountId)
    // Set before the overview flips the screen, so the sign-in form mounts with it.
    if (account) prefillFor(account)
    if (!(await apply(api.accounts.signOut({ accountId })))) return
    expiredPortal.value = null
  }

  function prefillFor(account: Account): void {
    prefill.value = { portalUrl: account.portalUrl, email: account.user.email }
  }

  async function forget(accountId: string): Promise<void> {
    await apply(api.accounts.forget({ accountId }))
  }

  async function apply(call: Promise<Result<AccountsOverview>>): Promise<boolean> {
    const result = await call
    if (result.ok) applyOverview(result.value)
    else problem.value = { error: result.error }
    return result.ok
  }

  function startAdding(): void {
    adding.value = true
    // Empty, not null: a form already on screen (after a sign-out) must clear what it showed.
    prefill.value = { portalUrl: '', email: '' }
    expiredPortal.value = null
    step.value = { kind: 'credentials' }
    problem.value = null
  }

  function cancelAdding(): void {
    adding.value = false
    problem.value = null
    step.value = { kind: 'credentials' }
  }

  /** Any call answered auth/expired: main has dropped the token; show sign-in for that portal. */
  async function sessionEnded(accountId: string): Promise<void> {
    const account = accounts.value.find((a) => a.id === accountId)
    if (account) {
      expiredPortal.value = account.portalUrl
      prefillFor(account)
    }
    const result = await api.accounts.overview()
    if (result.ok) applyOverview(result.value)
    // Main may not have flagged the account yet; the sign-in screen must show anyway.
    if (activeAccount.value?.id === accountId && activeAccount.value.state === 'signed-in') adding.value = true
  }

  return {
    overview,
    accounts,
    activeAccount,
    keychainAvailable,
    ready,
    showSignIn,
    step,
    busy,
    problem,
    adding,
    expiredPortal,
    prefill,
    init,
    dispose,
    signIn,
    cancelSignIn,
    verifyCode,
    backToCredentials,
    open,
    signOut,
    forget,
    startAdding,
    cancelAdding,
    sessionEnded
  }
})
