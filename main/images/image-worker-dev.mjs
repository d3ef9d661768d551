// Worker entry when main runs from its TypeScript sources (vitest, tsx scripts, Playwright's test
// process): worker threads get no TypeScript loader of their own, so register tsx, then load the real
// entry. The built app uses out/main/image-worker.js instead (electron.vite.config.ts).
import { register } from 'tsx/esm/api'

register()
const entry = await import('./image-worker.ts')
export default entry.default
