import { describe, expect, it } from 'vitest'
import type { Account } from '../../../preload/contract'
import { createFakeAppApi, fail, makeAccount, ok, overviewOf, type FakeAppApi } from '../testing/fake-app-api'
import { createTestPinia } from '../testing/mount-app'
import { useAccountsStore } from './accounts-store'

/** A fake whose sign-in returns `account` and adds it to the overview, as main does. */
function portalFor(account: Account, options: { signOutFails?: boolean } = {}) {
  const api: FakeAppApi = createFakeAppApi({
    accounts: {
      signIn: async () => {
        api.emitChanged(overviewOf([account], account.id))
        return ok({ kind: 'signed-in' as const, account })
      },
      ...(options.signOutFails ? { signOut: async () => fail('keychain/unavailable') } : {})
    }
  })
  createTestPinia(api)
  return api
}

async function signedIn(account: Account, options: { signOutFails?: boolean } = {}) {
  const api = portalFor(account, options)
  const store = useAccountsStore()
  await store.init()
  expect(await store.signIn({ method: 'password', portalUrl: account.portalUrl, email: account.user.email, password: 'pw' })).toBe(true)
  // A finished sign-in clears what the form started with.
  expect(store.prefill).toBeNull()
  return { api, store }
}

describe('accounts store: what the sign-in form starts with', () => {
  it('after sign-out: the portal and email of the account signed out of', async () => {
    const account = makeAccount({ portalUrl: 'https://hr.example.com', user: { id: 'u1', displayName: 'Ada', email: 'ada@example.com', role: 'admin' } })
    const { store } = await signedIn(account)
    await store.signOut(account.id)
    expect(store.showSignIn).toBe(true)
    expect(store.prefill).toEqual({ portalUrl: 'https://hr.example.com', email: 'ada@example.com' })
    expect(store.expiredPortal).toBeNull()
  })

  it('after sign-out of an API-key account whose email the portal did not give: the portal, and no email', async () => {
    const account = makeAccount({ portalUrl: 'http://127.0.0.1:5123', user: { id: 'u1', displayName: 'Bot', email: '', role: 'admin' } })
    const { store } = await signedIn(account)
    await store.signOut(account.id)
    expect(store.prefill).toEqual({ portalUrl: 'http://127.0.0.1:5123', email: '' })
  })

  it('after the session expired (main says so): the portal and email, with the notice', async () => {
    const account = makeAccount()
    const { api, store } = await signedIn(account)
    api.emitChanged(overviewOf([{ ...account, state: 'expired' }], account.id))
    expect(store.showSignIn).toBe(true)
    expect(store.expiredPortal).toBe(account.portalUrl)
    expect(store.prefill).toEqual({ portalUrl: account.portalUrl, email: account.user.email })
  })

  it('after a call answered auth/expired: the portal and email too', async () => {
    const account = makeAccount()
    const { store } = await signedIn(account)
    await store.sessionEnded(account.id)
    expect(store.showSignIn).toBe(true)
    expect(store.prefill).toEqual({ portalUrl: account.portalUrl, email: account.user.email })
  })

  it('a sign-out that failed keeps the user signed in and says why', async () => {
    const account = makeAccount()
    const { store } = await signedIn(account, { signOutFails: true })
    await store.signOut(account.id)
    expect(store.showSignIn).toBe(false)
    expect(store.problem?.error.code).toBe('keychain/unavailable')
  })

  it('adding another portal starts empty', async () => {
    const account = makeAccount()
    const { store } = await signedIn(account)
    await store.signOut(account.id)
    store.startAdding()
    expect(store.prefill).toEqual({ portalUrl: '', email: '' })
  })
})
