/**
 * The bare loop of `bench:people`: what the people list costs without the app. A plain client (Node's
 * fetch, no app code) signs in with the same round trips the app makes before its list (version,
 * authentication, own profile), then reads every page of /people/filter with the page size, sort and
 * number of requests in flight the app's portal requests use (pages of 100, 6 at once: what main turns
 * the renderer's people:page calls into), and parses each answer as JSON. The app's
 * full list divided by this is its own overhead, measured against the same portal in the same run.
 */
import { PORTAL_PAGE_SIZE as PAGE_SIZE, PORTAL_REQUESTS_IN_FLIGHT as MAX_PAGES_IN_FLIGHT } from '../renderer/src/people/page-loader'

export interface BareLoopFigures {
  readonly ms: number
  readonly people: number
  readonly pages: number
}

export async function bareLoop(portalUrl: string, account: { readonly email: string; readonly password: string }): Promise<BareLoopFigures> {
  const api = `${portalUrl.replace(/\/$/, '')}/api/2.0`
  const started = performance.now()
  const getJson = async (path: string, headers: Record<string, string> = {}): Promise<{ response: unknown; total?: number }> => {
    const res = await fetch(`${api}${path}`, { headers: { accept: 'application/json', ...headers } })
    if (!res.ok) throw new Error(`bare loop: ${path} answered ${res.status}`)
    return (await res.json()) as { response: unknown; total?: number }
  }
  await getJson('/settings/version/build')
  const auth = await fetch(`${api}/authentication`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ userName: account.email, password: account.password })
  })
  if (!auth.ok) throw new Error(`bare loop: sign-in answered ${auth.status}`)
  const token = ((await auth.json()) as { response: { token: string } }).response.token
  const authorization = { authorization: token }
  await getJson('/people/@self', authorization)

  const page = (startIndex: number) => getJson(`/people/filter?startIndex=${startIndex}&count=${PAGE_SIZE}&sortBy=firstname&sortOrder=ascending`, authorization)
  const first = await page(0)
  const total = first.total ?? 0
  let people = (first.response as unknown[]).length
  let pages = 1
  let next = PAGE_SIZE
  const lane = async (): Promise<void> => {
    while (next < total) {
      const start = next
      next += PAGE_SIZE
      // Awaited before the sum: `people += await ...` reads people first, so lanes overwrote each other's counts.
      const got = ((await page(start)).response as unknown[]).length
      people += got
      pages++
    }
  }
  await Promise.all(Array.from({ length: MAX_PAGES_IN_FLIGHT }, lane))
  return { ms: performance.now() - started, people, pages }
}
