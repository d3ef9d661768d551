// `npm run portal -- [options]`: starts the emulator and prints its URL and demo accounts.

import { parseArgs } from 'node:util'
import { startPortal } from './index'
import type { PortalOptions } from './types'

const HELP = `Local DocSpace portal emulator

Usage: npm run portal -- [options]

  --version <v>          DocSpace version to reproduce (default 3.7.2; try 3.5.0, 3.6.1)
  --people <n>           seeded people (default 300)
  --seed <n>             seed for deterministic data (default 1)
  --host <h>             listen address (default 127.0.0.1)
  --port <n>             port (default 0 = a free port)
  --max-upload <bytes>   maxImageUploadSize (default 5242880)
  --max-file-size <bytes> maxFileSize for file uploads (default 104857600)
  --max-rooms <n>        maxRooms: the tariff's room limit (default unlimited)
  --latency <ms>         latency added to every request (API calls and files)
  --data-dir <path>      keep state in this folder across restarts
  --token-ttl <s>        lifetime of sign-in tokens in seconds (default 30 days)
  --photo-share <0..1>   share of seeded people with a photo (default 0.6)
  --cache-quirks         reproduce the real server's photo cache quirks (stale ?hash=, whole-second reads, real-size crop files)
  --utc-offset <min>     portal time zone offset in minutes (default 0)
  --allow-loopback-photo-urls   test-only: PUT-from-URL may fetch from 127.0.0.1 on 3.7.1+
  --sdk-api-key-header   also accept API keys in an "ApiKeyBearer" header (SDK compatibility)
  --no-control           do not serve the /__emulator control endpoint
  --quiet                print only the URL line
  --help
`

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n)) {
    console.error(`--${name} needs a number, got "${value}"`)
    process.exit(2)
  }
  return n
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      version: { type: 'string' },
      people: { type: 'string' },
      seed: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      'max-upload': { type: 'string' },
      'max-file-size': { type: 'string' },
      'max-rooms': { type: 'string' },
      latency: { type: 'string' },
      'data-dir': { type: 'string' },
      'token-ttl': { type: 'string' },
      'photo-share': { type: 'string' },
      'utc-offset': { type: 'string' },
      'allow-loopback-photo-urls': { type: 'boolean' },
      'sdk-api-key-header': { type: 'boolean' },
      'cache-quirks': { type: 'boolean' },
      'no-control': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' }
    }
  })
  if (values.help) {
    console.log(HELP)
    return
  }
  const options: PortalOptions = {
    version: values.version,
    people: number(values.people, 'people'),
    seed: number(values.seed, 'seed'),
    host: values.host,
    port: number(values.port, 'port'),
    maxImageUploadSize: number(values['max-upload'], 'max-upload'),
    maxFileSize: number(values['max-file-size'], 'max-file-size'),
    maxRooms: number(values['max-rooms'], 'max-rooms'),
    latencyMs: number(values.latency, 'latency'),
    dataDir: values['data-dir'],
    tokenTtlSeconds: number(values['token-ttl'], 'token-ttl'),
    photoShare: number(values['photo-share'], 'photo-share'),
    utcOffsetMinutes: number(values['utc-offset'], 'utc-offset'),
    allowLoopbackPhotoUrls: values['allow-loopback-photo-urls'],
    sdkApiKeyHeader: values['sdk-api-key-header'],
    cacheQuirks: values['cache-quirks'],
    controlEndpoint: values['no-control'] ? false : undefined,
    quiet: true
  }
  const started = Date.now()
  const portal = await startPortal(options)
  console.log(`DocSpace emulator ${portal.version} listening on ${portal.url}  (${Date.now() - started} ms)`)
  if (!values.quiet) {
    const a = portal.accounts
    const rows: Array<[string, string, string, string]> = [
      ['owner', a.owner.email, a.owner.password, a.owner.displayName],
      ['admin (DocSpaceAdmin)', a.admin.email, a.admin.password, a.admin.displayName],
      ['room admin', a.roomAdmin.email, a.roomAdmin.password, a.roomAdmin.displayName],
      ['user', a.user.email, a.user.password, a.user.displayName],
      ['guest', a.guest.email, a.guest.password, a.guest.displayName],
      ['two-factor (admin)', a.twoFactor.email, a.twoFactor.password, `${a.twoFactor.displayName}, code ${a.twoFactor.code}`],
      ['disabled', a.disabled.email, a.disabled.password, `${a.disabled.displayName} (403 "User disabled")`]
    ]
    console.log('\nDemo accounts:')
    for (const [role, email, password, name] of rows) console.log(`  ${role.padEnd(22)} ${email.padEnd(24)} ${password.padEnd(16)} ${name}`)
    console.log('  every other seeded person signs in with the password "demo-person"')
    console.log(`\nTry: curl -s ${portal.url}/api/2.0/settings/version/build`)
    console.log('Stop with Ctrl+C.')
  }
  const stop = (): void => {
    void portal.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
