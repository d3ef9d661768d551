import type { VueWrapper } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import type { ErrorCode, SignInRequest } from '../../../preload/contract'
import App from '../App.vue'
import { createFakeAppApi, fail, makeAccount, makePerson, ok, overviewOf, type FakeAppApi } from '../testing/fake-app-api'
import { mountWithApp, settle } from '../testing/mount-app'

const PORTAL = 'https://hr.example.com'

async function start(api: FakeAppApi, launchPortal: string | null = null, locale: 'en' | 'de' = 'en') {
  const wrapper = mountWithApp(App, { api, props: { launchPortal }, locale })
  await settle()
  return wrapper
}

async function fillPassword(w: VueWrapper, portal = PORTAL, email = 'ada@example.com', password = 'secret') {
  await w.get('[data-testid="signin-portal"]').setValue(portal)
  await w.get('[data-testid="signin-email"]').setValue(email)
  await w.get('[data-testid="signin-password"]').setValue(password)
  await w.get('[data-testid="signin-form"]').trigger('submit')
  await settle()
}

/** A fake whose sign-in adds the account to the overview, as main does. */
function apiSigningIn(outcome: 'signed-in' | 'two-factor' = 'signed-in') {
  const account = makeAccount()
  // Called only after `api` exists (closures run on sign-in, not here).
  const signedIn = async () => {
    api.emitChanged(overviewOf([account], account.id))
    return ok({ kind: 'signed-in' as const, account })
  }
  const api: FakeAppApi = createFakeAppApi({
    people: [makePerson(1)],
    accounts: {
      signIn: vi.fn(async (_req: SignInRequest) => (outcome === 'two-factor' ? ok({ kind: 'two-factor' as const, challengeId: 'ch-1', via: 'app' as const }) : signedIn())),
      verifyCode: vi.fn(async ({ code }: { challengeId: string; code: string }) => (code === '123456' ? signedIn() : fail('auth/invalid-code')))
    }
  })
  return { api, account }
}

describe('sign-in', () => {
  it('signs in with email and password, then shows the people view; the password is not kept', async () => {
    const { api } = apiSigningIn()
    const w = await start(api)
    expect(w.find('[data-testid="signin-view"]').exists()).toBe(true)
    await fillPassword(w)
    expect(api.accounts.signIn).toHaveBeenCalledWith({ method: 'password', portalUrl: PORTAL, email: 'ada@example.com', password: 'secret', attemptId: expect.any(String) })
    expect(api.calls).toContain('accounts.switchTo')
    expect(w.find('[data-testid="signin-view"]').exists()).toBe(false)
    expect(w.find('[data-testid="capability-banner"]').exists()).toBe(true)
    expect(w.find('[data-testid="account-switcher"]').text()).toContain('Ada Admin')
    expect(JSON.stringify(w.vm.$pinia.state.value)).not.toContain('secret')
  })

  it('asks for the two-factor code, rejects a wrong one with a clear message, accepts the right one', async () => {
    const { api } = apiSigningIn('two-factor')
    const w = await start(api)
    await fillPassword(w)
    const code = w.get('[data-testid="signin-code"]')
    expect(w.text()).toContain('Enter the 6-digit code from your authenticator app for hr.example.com.')
    expect((w.find('[data-testid="signin-password"]').exists())).toBe(false)

    await code.setValue('000000')
    await w.get('[data-testid="signin-2fa"]').trigger('submit')
    await settle()
    const error = w.get('[data-testid="signin-error"]')
    expect(error.attributes('data-error-code')).toBe('auth/invalid-code')
    expect(error.text()).toBe('That code is not right. Enter the current code and try again.')

    await w.get('[data-testid="signin-code"]').setValue('123456')
    await w.get('[data-testid="signin-2fa"]').trigger('submit')
    await settle()
    expect(api.accounts.verifyCode).toHaveBeenLastCalledWith({ challengeId: 'ch-1', code: '123456' })
    expect(w.find('[data-testid="people-list"]').exists()).toBe(true)
  })

  it('goes back to the password step when the challenge expired', async () => {
    const api = createFakeAppApi({
      accounts: {
        signIn: async () => ok({ kind: 'two-factor' as const, challengeId: 'c', via: 'sms' as const, phoneNoise: '+49 ••• ••12' }),
        verifyCode: async () => fail('auth/challenge-expired')
      }
    })
    const w = await start(api)
    await fillPassword(w)
    expect(w.text()).toContain('Enter the code sent by text message to +49 ••• ••12.')
    await w.get('[data-testid="signin-code"]').setValue('111111')
    await w.get('[data-testid="signin-2fa"]').trigger('submit')
    await settle()
    expect(w.find('[data-testid="signin-form"]').exists()).toBe(true)
    expect(w.get('[data-testid="signin-error"]').text()).toBe('The verification step took too long. Sign in again.')
  })

  it('signs in with an API key', async () => {
    const { api } = apiSigningIn()
    const w = await start(api)
    await w.get('[data-testid="signin-tab-apikey"]').trigger('click')
    await w.get('[data-testid="signin-portal"]').setValue(PORTAL)
    await w.get('[data-testid="signin-apikey"]').setValue('  sk-abc  ')
    await w.get('[data-testid="signin-form"]').trigger('submit')
    await settle()
    expect(api.accounts.signIn).toHaveBeenCalledWith({ method: 'api-key', portalUrl: PORTAL, apiKey: 'sk-abc', attemptId: expect.any(String) })
    expect(w.find('[data-testid="people-list"]').exists()).toBe(true)
  })

  it('asks for missing fields before calling the portal', async () => {
    const { api } = apiSigningIn()
    const w = await start(api)
    await w.get('[data-testid="signin-form"]').trigger('submit')
    expect(w.get('[data-testid="signin-error"]').text()).toBe('Enter the portal address.')
    await w.get('[data-testid="signin-portal"]').setValue(PORTAL)
    await w.get('[data-testid="signin-form"]').trigger('submit')
    expect(w.get('[data-testid="signin-error"]').text()).toBe('Enter your email.')
    expect(api.accounts.signIn).not.toHaveBeenCalled()
  })

  const CASES: [ErrorCode, string, string][] = [
    ['auth/invalid-credentials', PORTAL, 'The portal did not accept these credentials. Check the email and password, or the API key, and try again.'],
    ['url/insecure', 'http://hr.example.com', 'Only https:// addresses are allowed, except for a portal on this computer.'],
    ['url/invalid', 'not a url', 'That is not a portal address. Enter it like https://docspace.example.com.'],
    ['net/unreachable', 'https://nowhere.example.com', 'Cannot reach nowhere.example.com. Check the address and your network connection.'],
    ['net/tls', PORTAL, "hr.example.com's security certificate is not valid, so the app will not connect. Ask your IT team."],
    ['auth/user-disabled', PORTAL, 'This user is disabled on hr.example.com. Ask a portal administrator.'],
    ['auth/too-many-attempts', PORTAL, 'Too many sign-in attempts. The portal has paused sign-in for a while; wait a few minutes and try again.'],
    ['keychain/unavailable', PORTAL, 'The system keychain cannot be used, so your sign-in lasts until you close the app.'],
    ['portal/unexpected', PORTAL, 'hr.example.com answered in a way this app does not understand. Is it a DocSpace portal?']
  ]
  it.each(CASES)('shows %s as a clear message', async (code, portal, message) => {
    const api = createFakeAppApi({ accounts: { signIn: async () => fail(code, 'raw text from main') } })
    const w = await start(api)
    await fillPassword(w, portal)
    const error = w.get('[data-testid="signin-error"]')
    expect(error.attributes('role')).toBe('alert')
    expect(error.attributes('data-error-code')).toBe(code)
    expect(error.text()).toBe(message)
    expect(w.get<HTMLInputElement>('[data-testid="signin-password"]').element.value).toBe('secret')
  })

  it('shows the messages in German', async () => {
    const api = createFakeAppApi({ accounts: { signIn: async () => fail('url/insecure') } })
    const w = await start(api, null, 'de')
    await fillPassword(w, 'http://hr.example.com')
    expect(w.get('[data-testid="signin-error"]').text()).toBe('Nur https://-Adressen sind erlaubt, außer für ein Portal auf diesem Computer.')
  })

  it('fills in the portal the app was opened with', async () => {
    const w = await start(createFakeAppApi(), 'http://127.0.0.1:5123')
    expect(w.get<HTMLInputElement>('[data-testid="signin-portal"]').element.value).toBe('http://127.0.0.1:5123')
  })

  it('says when a session ended, with the portal and email filled in', async () => {
    const account = makeAccount({ state: 'expired' })
    const w = await start(createFakeAppApi({ overview: overviewOf([account], account.id) }))
    expect(w.get('[data-testid="signin-notice"]').text()).toBe('Your session on hr.example.com ended. Sign in again.')
    expect(w.get<HTMLInputElement>('[data-testid="signin-portal"]').element.value).toBe(PORTAL)
    expect(w.get<HTMLInputElement>('[data-testid="signin-email"]').element.value).toBe('ada@example.com')
  })

  it('says that sign-ins last until the app closes when the keychain cannot be used', async () => {
    const w = await start(createFakeAppApi({ overview: overviewOf([], null, false) }))
    expect(w.get('[data-testid="keychain-notice"]').text()).toContain('your sign-in lasts until you close the app')
  })

  it('lists remembered portals: a signed-out one prefills sign-in, forget removes it', async () => {
    const a = makeAccount({ id: 'a', state: 'signed-out', portalUrl: 'https://one.example.com', user: { id: 'x', displayName: 'Xavier', email: 'x@example.com', role: 'admin' } })
    const b = makeAccount({ id: 'b', state: 'signed-out', portalUrl: 'https://two.example.com' })
    const api = createFakeAppApi({ overview: overviewOf([a, b], null) })
    const w = await start(api)
    const items = w.findAll('[data-testid="remembered-account"]')
    expect(items.map((i) => i.attributes('data-account-id'))).toEqual(['a', 'b'])
    await items[0]?.get('[data-testid="remembered-open"]').trigger('click')
    await settle()
    expect(w.get<HTMLInputElement>('[data-testid="signin-portal"]').element.value).toBe('https://one.example.com')
    expect(w.get<HTMLInputElement>('[data-testid="signin-email"]').element.value).toBe('x@example.com')
    await w.findAll('[data-testid="remembered-account"]')[1]?.get('[data-testid="remembered-forget"]').trigger('click')
    await settle()
    expect(api.calls).toContain('accounts.forget')
    expect(w.findAll('[data-testid="remembered-account"]').map((i) => i.attributes('data-account-id'))).toEqual(['a'])
  })
})

describe('accounts in the header', () => {
  it('switches between signed-in portals, signs out and adds another', async () => {
    const a = makeAccount({ id: 'a', portalUrl: 'https://one.example.com' })
    const b = makeAccount({ id: 'b', portalUrl: 'https://two.example.com', user: { id: 'y', displayName: 'Yara', email: 'y@example.com', role: 'user' }, policy: { rule: 'self-only', portalVersion: '3.7.2' } })
    const api = createFakeAppApi({ overview: overviewOf([a, b], 'a'), people: [makePerson(1)] })
    const w = await start(api)
    expect(w.get('[data-testid="capability-banner"]').attributes('data-rule')).toBe('admin-may-edit-others')

    await w.get('[data-testid="account-switcher"]').trigger('click')
    const items = w.findAll('[data-testid="account-item"]')
    expect(items).toHaveLength(2)
    await items[1]?.get('button').trigger('click')
    await settle()
    expect(w.get('[data-testid="capability-banner"]').attributes('data-rule')).toBe('self-only')
    expect(w.get('[data-testid="account-switcher"]').text()).toContain('two.example.com')

    await w.get('[data-testid="account-switcher"]').trigger('click')
    await w.get('[data-testid="account-sign-out"]').trigger('click')
    await settle()
    expect(api.calls).toContain('accounts.signOut')
    expect(w.find('[data-testid="signin-view"]').exists()).toBe(true)

    await w.get('[data-testid="account-switcher"]').trigger('click')
    await w.get('[data-testid="account-add"]').trigger('click')
    await settle()
    expect(w.get<HTMLInputElement>('[data-testid="signin-portal"]').element.value).toBe('')
  })

  it('sends an expired session back to sign-in with a message', async () => {
    const account = makeAccount()
    const api: FakeAppApi = createFakeAppApi({
      overview: overviewOf([account], account.id),
      peopleApi: {
        page: async () => {
          api.emitChanged(overviewOf([{ ...account, state: 'expired' }], account.id))
          return fail('auth/expired')
        }
      }
    })
    const w = await start(api)
    await settle()
    expect(w.find('[data-testid="people-list"]').exists()).toBe(false)
    expect(w.get('[data-testid="signin-notice"]').text()).toBe('Your session on hr.example.com ended. Sign in again.')
  })

  it('after signing in and then out, the form has that portal and email filled in again', async () => {
    const { api, account } = apiSigningIn()
    const w = await start(api)
    await fillPassword(w)
    expect(w.find('[data-testid="signin-view"]').exists()).toBe(false)

    await w.get('[data-testid="account-switcher"]').trigger('click')
    await w.get('[data-testid="account-sign-out"]').trigger('click')
    await settle()
    expect(w.find('[data-testid="signin-view"]').exists()).toBe(true)
    expect(w.get<HTMLInputElement>('[data-testid="signin-portal"]').element.value).toBe(account.portalUrl)
    expect(w.get<HTMLInputElement>('[data-testid="signin-email"]').element.value).toBe(account.user.email)
    expect(w.get<HTMLInputElement>('[data-testid="signin-password"]').element.value).toBe('')
    // Signing out on purpose is not an ended session.
    expect(w.find('[data-testid="signin-notice"]').exists()).toBe(false)
  })

  it('after signing in, an expired session fills in that portal and email', async () => {
    const { api, account } = apiSigningIn()
    const w = await start(api)
    await fillPassword(w)
    api.emitChanged(overviewOf([{ ...account, state: 'expired' }], account.id))
    await settle()
    expect(w.get('[data-testid="signin-notice"]').text()).toBe('Your session on hr.example.com ended. Sign in again.')
    expect(w.get<HTMLInputElement>('[data-testid="signin-portal"]').element.value).toBe(account.portalUrl)
    expect(w.get<HTMLInputElement>('[data-testid="signin-email"]').element.value).toBe(account.user.email)
  })
})
