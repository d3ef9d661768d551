// The layer rule through ESLint's own API with the project's eslint.config.js: a wrong-way import
// fails lint, a right-way one passes, and today's tree is clean.
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'
import { LAYERS, layerViolation } from './layers.js'

const ROOT = resolve(import.meta.dirname, '..', '..')
const onlyLayers = () => new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === 'layers/layers' })

/** Lints `code` as if it were the file at `path` (repository-relative); nothing is written to the tree. */
async function layerErrors(path: string, code: string): Promise<string[]> {
  const [result] = await onlyLayers().lintText(code, { filePath: resolve(ROOT, path) })
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`)
}

describe('layer rule', () => {
  it('fails a lower layer importing a higher one', async () => {
    const errors = await layerErrors('main/core/probe.ts', "import type { AccountsService } from '../services/accounts-service'\nexport type X = AccountsService\n")
    expect(errors).toEqual(['layers/layers: main/core (layer core) may not import main/services (layer services, higher).'])
  })

  it('fails services importing ipc, the wrong way that used to exist', async () => {
    const errors = await layerErrors('main/services/probe.ts', "export type { Handlers } from '../ipc/types'\n")
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('main/ipc')
  })

  it('fails a folder that does not exist yet, as soon as it is imported the wrong way', async () => {
    expect(await layerErrors('main/changes/probe.ts', "import { x } from '../jobs/queue'\nexport { x }\n")).toHaveLength(1)
    expect(await layerErrors('main/jobs/probe.ts', "import { x } from '../changes/frame'\nexport { x }\n")).toEqual([])
  })

  it('keeps docspace, images and secrets apart', async () => {
    expect(await layerErrors('main/docspace/probe.ts', "import { x } from '../images/sniff-format'\nexport { x }\n")).toHaveLength(1)
  })

  it('passes imports downwards, within a unit, and of the contract', async () => {
    const code = "import { ok } from '../core/result'\nimport type { Result } from '../../preload/contract'\nimport { x } from './photo-crop'\nexport { ok, x }\nexport type R = Result<1>\n"
    expect(await layerErrors('main/services/probe.ts', code)).toEqual([])
  })

  it('keeps test support out of the app, and the app from the emulator', async () => {
    expect(await layerErrors('main/services/probe.ts', "import { startMain } from '../testing/harness'\nexport { startMain }\n")).toHaveLength(1)
    expect(await layerErrors('main/services/probe.ts', "import { startPortal } from '../../emulator/index'\nexport { startPortal }\n")).toHaveLength(1)
    expect(await layerErrors('main/services/probe.test.ts', "import { startMain } from '../testing/harness'\nimport { createMain } from '../compose'\nexport { startMain, createMain }\n")).toEqual([])
  })

  it('keeps preload/contract.ts free of imports', async () => {
    expect(await layerErrors('preload/contract.ts', "import { z } from 'zod'\nexport const s = z.string()\n")).toHaveLength(1)
  })

  it('asks for a layer for a new folder of main/', () => {
    expect(layerViolation('main/inbox/share.ts', 'main/core/result')).toContain('add its folder to LAYERS')
    expect(LAYERS.flatMap((l) => l.units)).toEqual(expect.arrayContaining(['main/changes', 'main/jobs', 'main/handoff', 'main/cli']))
  })

  it('keeps the hand-over beside the bulk jobs: both build on changes, neither imports the other', async () => {
    expect(await layerErrors('main/handoff/probe.ts', "import { x } from '../changes/change-frame'\nexport { x }\n")).toEqual([])
    expect(await layerErrors('main/handoff/probe.ts', "import { x } from '../jobs/bulk-service'\nexport { x }\n")).toHaveLength(1)
    expect(await layerErrors('main/jobs/probe.ts', "import { x } from '../handoff/handoff-service'\nexport { x }\n")).toHaveLength(1)
    expect(await layerErrors('main/handoff/probe.ts', "import { x } from '../ipc/handlers'\nexport { x }\n")).toHaveLength(1)
  })

  it('lets main use shared/, which itself imports nothing (the renderer runs it too)', async () => {
    expect(await layerErrors('main/core/probe.ts', "export { toSafeCsv } from '../../shared/safe-csv'\n")).toEqual([])
    expect(await layerErrors('shared/probe.ts', "import { stringify } from 'csv-stringify/sync'\nexport { stringify }\n")).toEqual(['layers/layers: shared/ imports nothing: main and the sandboxed renderer both run it.'])
    expect(await layerErrors('shared/probe.ts', "import type { Person } from '../preload/contract'\nexport type P = Person\n")).toHaveLength(1)
  })

  it('finds nothing to report in the current tree', async () => {
    const results = await onlyLayers().lintFiles(['main/**/*.ts', 'preload/contract.ts', 'shared/**/*.ts'])
    expect(results.length).toBeGreaterThan(50)
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual([])
    // Type-aware lint of the whole of main/: seconds on a quiet machine, far more on a busy one.
  }, 90_000)
})
