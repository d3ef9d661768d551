/**
 * accounts.json: the remembered portals, without any secret (no token, no password, no API key).
 * Read as untrusted input: entries whose address or ids would not pass sign-in are dropped.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { isPersonId } from '../docspace/identifiers'
import { normalizePortalUrl } from '../docspace/portal-url'
import type { Logger } from '../core/logger'
import { readJsonFile } from './json-file'

export const ACCOUNTS_FILE = 'accounts.json'

/** The shape of every id accountIdFor makes: 16 hex digits. */
export const ACCOUNT_ID_PATTERN = /^[0-9a-f]{16}$/

/** Stable id from portal origin + user id; short enough for test ids and logs, reveals neither. */
export function accountIdFor(origin: string, userId: string): string {
  return createHash('sha256').update(`${origin}|${userId}`).digest('hex').slice(0, 16)
}

// The accounts file: no token, no password, no API key.
const storedAccount = z.object({
  id: z.string(),
  portalUrl: z.string(),
  user: z.object({
    id: z.string(),
    displayName: z.string(),
    email: z.string(),
    role: z.enum(['owner', 'admin', 'room-admin', 'user', 'guest'])
  }),
  policy: z.object({ rule: z.enum(['self-only', 'admin-may-edit-others', 'own-only-by-role']), portalVersion: z.string() }),
  lastSignedInAt: z.string(),
  credentialKind: z.enum(['token', 'api-key']),
  /** The token was rejected (401): show "sign in again" rather than a plain signed-out state. */
  expired: z.boolean().default(false)
})
export type StoredAccount = z.infer<typeof storedAccount>
const accountsFile = z.object({
  version: z.literal(1),
  activeAccountId: z.string().nullable(),
  accounts: z.array(storedAccount)
})

export interface AccountsFileContent {
  readonly accounts: StoredAccount[]
  readonly activeAccountId: string | null
}

/** Reads and re-validates the file; an unreadable file or entry is logged and left out, never thrown. */
export async function readAccountsFile(path: string, log: Logger): Promise<AccountsFileContent> {
  const empty: AccountsFileContent = { accounts: [], activeAccountId: null }
  let file: Awaited<ReturnType<typeof readJsonFile>>
  try {
    file = await readJsonFile(path)
  } catch (e) {
    log.error('cannot read the accounts file', { code: (e as NodeJS.ErrnoException).code })
    return empty
  }
  if (!file.found) return empty
  const parsed = accountsFile.safeParse(file.value)
  if (!parsed.success) {
    // Start empty rather than crash; the file is rewritten on the next sign-in.
    log.warn('the accounts file is unreadable; starting with no remembered portals', { corrupt: file.corrupt })
    return empty
  }
  const accounts = revalidated(parsed.data.accounts)
  const dropped = parsed.data.accounts.length - accounts.length
  if (dropped > 0) log.warn('dropped remembered portals whose address or ids are not valid', { dropped })
  const active = parsed.data.activeAccountId
  return { accounts, activeAccountId: accounts.some((a) => a.id === active) ? active : null }
}

/**
 * The accounts file is input like any other: an address is kept only when it passes the sign-in
 * rules (normalizePortalUrl: http(s), https off this computer, no credentials), and only ids of the
 * shapes the app makes and DocSpace uses, so a hand-edited `javascript:` address is never shown.
 */
function revalidated(accounts: readonly StoredAccount[]): StoredAccount[] {
  const kept: StoredAccount[] = []
  for (const account of accounts) {
    const origin = normalizePortalUrl(account.portalUrl)
    if (!origin.ok || !ACCOUNT_ID_PATTERN.test(account.id) || !isPersonId(account.user.id)) continue
    if (kept.some((k) => k.id === account.id)) continue
    kept.push({ ...account, portalUrl: origin.value })
  }
  return kept
}
