// The layers of main/ as a lint rule (the idea of VS Code's code-layering rule): a module may import
// its own unit and units of lower layers, never a higher one. Units of a layer marked `apart` do not
// import each other either. Folders that do not exist yet (changes, jobs, cli) are listed already, so
// adding them needs no change here; a main/ file outside every unit is reported until it is placed.
import { dirname, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Lowest first. A unit is a folder (everything under it) or a single file. */
export const LAYERS = [
  { name: 'core', units: ['main/core'] },
  { name: 'adapters', units: ['main/docspace', 'main/images', 'main/secrets'], apart: true },
  { name: 'services', units: ['main/services'] },
  { name: 'changes', units: ['main/changes'] },
  // Bulk jobs and the hand-over both build on changes and do not import each other (compose.ts joins them).
  { name: 'jobs', units: ['main/jobs', 'main/handoff'], apart: true },
  { name: 'ipc', units: ['main/ipc'] },
  // The hosts over the composition root: Electron, the web host and the command line.
  { name: 'shell', units: ['main/web-host', 'main/cli', 'main/compose.ts', 'main/window-options.ts', 'main/shell-policy.ts', 'main/index.ts', 'main/window.ts', 'main/utility-process-launcher.ts'] }
]

/** Outside main/, what main's modules may import: the contract's types and constants, and (for the web host) its wire format. */
const OUTSIDE = [
  { target: 'preload/contract.ts', from: 'main' },
  // Plain code both sides run (the CSV writer): it imports nothing, so the renderer may use it as well.
  { target: 'shared', from: 'main' },
  { target: 'preload/http-transport.ts', from: 'main/web-host' }
]

/** Test code exercises main through any layer (often through compose.ts), so it is not layered; nothing else may import it. */
const TESTING = 'main/testing'
const isTest = (path) => /\.test\.ts$/.test(path) || within(path, TESTING)

function stripExtension(path) {
  return path.replace(/\.(ts|js|mjs|cjs)$/, '')
}

function within(path, unit) {
  const p = stripExtension(path)
  const u = stripExtension(unit)
  return p === u || p.startsWith(`${u}/`)
}

/** The layer index and unit of a repository path under main/, or undefined. */
export function placeOf(path) {
  for (const [index, layer] of LAYERS.entries()) {
    const unit = layer.units.find((u) => within(path, u))
    if (unit !== undefined) return { index, unit, layer }
  }
  return undefined
}

/** Why `from` may not import `target` (both repository paths, '/'-separated), or undefined when it may. */
export function layerViolation(from, target) {
  if (within(from, 'preload/contract.ts')) return 'preload/contract.ts imports nothing: main, preload, the renderer and the web host all read it.'
  if (within(from, 'shared') && !isTest(from)) return 'shared/ imports nothing: main and the sandboxed renderer both run it.'
  if (!within(from, 'main') || isTest(from)) return undefined
  if (within(target, TESTING) || /\.test(\.ts)?$/.test(target)) return `${target} is test code; the app must not import it.`
  const source = placeOf(from)
  if (source === undefined) return `${from} is in no layer of main/: add its folder to LAYERS in scripts/lint/layers.js.`
  if (!within(target, 'main')) {
    const allowed = OUTSIDE.some((o) => within(target, o.target) && within(from, o.from))
    return allowed ? undefined : `main/ may import only preload/contract.ts and shared/ from outside main/ (and the web host its wire format), not ${target}.`
  }
  const dest = placeOf(target)
  if (dest === undefined) return `${target} is in no layer of main/: add its folder to LAYERS in scripts/lint/layers.js.`
  if (dest.unit === source.unit) return undefined
  if (dest.index > source.index) return `${source.unit} (layer ${source.layer.name}) may not import ${dest.unit} (layer ${dest.layer.name}, higher).`
  if (dest.index === source.index && source.layer.apart) return `${source.unit} and ${dest.unit} share the layer ${source.layer.name} and do not import each other.`
  return undefined
}

const toRepoPath = (absolute) => relative(ROOT, absolute).split(sep).join('/')

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Keeps main/'s layers: a module imports its own and lower layers only." },
    schema: []
  },
  create(context) {
    const file = context.filename
    const from = toRepoPath(file)
    const check = (node) => {
      const specifier = node?.value
      if (typeof specifier !== 'string') return
      const relativeSpec = specifier.startsWith('./') || specifier.startsWith('../')
      // preload/contract.ts imports nothing at all, packages included
      if (!relativeSpec && !within(from, 'preload/contract.ts') && !within(from, 'shared')) return
      const target = relativeSpec ? toRepoPath(resolve(dirname(file), specifier)) : specifier
      const message = layerViolation(from, target)
      if (message !== undefined) context.report({ node, message })
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source)
    }
  }
}

export const layersPlugin = { rules: { layers: rule } }
