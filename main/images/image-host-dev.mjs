// The image process's entry when main runs from its TypeScript sources (vitest, tsx scripts,
// Playwright's test process): register tsx, then load the real entry. The built app starts
// out/main/image-host.js instead (electron.vite.config.ts).
import { register } from 'tsx/esm/api'

register()
await import('./image-host.ts')
