// The people cache writer's thread entry when main runs from its TypeScript sources (vitest, tsx
// scripts, the CLI through tsx): worker threads get no TypeScript loader of their own, so register
// tsx, then load the real entry. The built app uses out/main/people-cache-worker.js instead
// (electron.vite.config.ts).
import { register } from 'tsx/esm/api'

register()
await import('./people-cache-worker.ts')
