#!/usr/bin/env bash
# Packaging check (`npm run pack:check`, part of `npm test`). Needs `npm run build` first. No network:
#  (a) validates electron-builder.yml with electron-builder's own schema and checks what we rely on
#      (targets for Linux/Windows/macOS, fuses, icons);
#  (b) packs a Linux folder against a stub Electron dist (the real binary cannot be downloaded here),
#      whose fake fuse wire lets @electron/fuses flip the fuses for real;
#  (c) checks the result: app.asar holds the built code and nothing else of ours, native modules sit
#      in app.asar.unpacked, main's runtime imports are all packed, the fuses are flipped.
# Prints what it checked; exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
T0=$(date +%s)
say() { echo "pack-check: $*"; }

for f in out/main/index.js out/main/image-host.js out/main/image-worker.js out/main/people-cache-worker.js out/preload/index.cjs out/renderer/index.html; do
  [ -f "$f" ] || { say "FAILED: $f is missing; run \`npm run build\` first"; exit 1; }
done

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Anything electron-builder still tries to download goes to a closed loopback port and fails at once,
# instead of retrying against the internet for ~45 s.
export ELECTRON_MIRROR=http://127.0.0.1:9/ ELECTRON_BUILDER_BINARIES_MIRROR=http://127.0.0.1:9/
export ELECTRON_BUILDER_CACHE="$WORK/cache" CSC_IDENTITY_AUTO_DISCOVERY=false

# --- (a) config ----------------------------------------------------------------------------------
node --input-type=commonjs - <<'EOF'
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
const { DebugLogger } = require('builder-util')
const sharp = require('sharp')
const fail = (msg) => { console.error(`pack-check: FAILED: ${msg}`); process.exit(1) }
;(async () => {
  const config = await getConfig(process.cwd(), null, null)
  await validateConfiguration(config, new DebugLogger(false)).catch((e) => fail(`electron-builder.yml: ${e.message}`))
  const targets = (t) => (t ?? []).map((x) => (typeof x === 'string' ? x : x.target))
  const want = { linux: ['AppImage', 'deb'], win: ['nsis'], mac: ['dmg'] }
  for (const [os, list] of Object.entries(want)) {
    for (const t of list) if (!targets(config[os]?.target).includes(t)) fail(`${os} target ${t} is missing`)
  }
  const fuses = {
    runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true
  }
  for (const [name, value] of Object.entries(fuses)) {
    if (config.electronFuses?.[name] !== value) fail(`electronFuses.${name} must be ${value}`)
  }
  if (config.npmRebuild !== false) fail('npmRebuild must be false (N-API modules; a rebuild would download headers)')
  if (config.directories?.buildResources !== 'assets') fail('directories.buildResources must be assets')
  const icon = await sharp('assets/icon.png').metadata().catch(() => fail('assets/icon.png is missing'))
  if (icon.width !== 1024 || icon.height !== 1024) fail(`assets/icon.png is ${icon.width}x${icon.height}, not 1024x1024`)
  for (const size of [16, 32, 48, 64, 128, 256, 512]) {
    const m = await sharp(`assets/icons/${size}x${size}.png`).metadata().catch(() => fail(`assets/icons/${size}x${size}.png is missing`))
    if (m.width !== size || m.height !== size) fail(`assets/icons/${size}x${size}.png has the wrong size`)
  }
  console.log(`pack-check: (a) electron-builder.yml is valid: ${config.appId}, "${config.productName}"; linux ${targets(config.linux.target)}, win ${targets(config.win.target)}, mac ${targets(config.mac.target)}; fuses as required; icons 1024 px + Linux set`)
})().catch((e) => fail(e.message))
EOF

# --- (b) pack a Linux folder against a stub Electron ------------------------------------------------
STUB="$WORK/electron-stub"
mkdir -p "$STUB/resources"
# A shell script that also carries a V1 fuse wire (sentinel, version 1, 8 fuses) in Electron's
# default states: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity
# off, only-asar off, V8 snapshot off, file-protocol privileges on.
{ printf '#!/bin/sh\necho "stub electron"\nexit 0\n# '; printf 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\001\01010110001\n'; } > "$STUB/electron"
chmod +x "$STUB/electron"
touch "$STUB/LICENSE"
if ! timeout 120 npx --no-install electron-builder --linux dir --x64 --publish never \
  -c.electronDist="$STUB" -c.directories.output="$WORK/dist" >"$WORK/builder.log" 2>&1; then
  cat "$WORK/builder.log"
  say "FAILED: electron-builder --linux dir"
  exit 1
fi
say "(b) packed a Linux folder against a stub Electron dist in $(( $(date +%s) - T0 ))s"

# --- (c) what the package holds --------------------------------------------------------------------
node --input-type=commonjs - "$WORK/dist/linux-unpacked" <<'EOF'
const fs = require('node:fs')
const path = require('node:path')
const { builtinModules } = require('node:module')
const asar = require('@electron/asar')
const { FuseV1Options } = require('@electron/fuses')
const fail = (msg) => { console.error(`pack-check: FAILED: ${msg}`); process.exit(1) }
const appDir = process.argv[2]
const archive = path.join(appDir, 'resources', 'app.asar')
const unpacked = `${archive}.unpacked`
if (!fs.existsSync(archive)) fail('resources/app.asar was not created')
const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/'))
const has = (f) => files.includes(f)

// image-host.js: the image process's entry (Electron's utility process), image-worker.js: its threads';
// people-cache-worker.js: main's thread for the people cache.
const required = ['/package.json', '/out/main/index.js', '/out/main/image-host.js', '/out/main/image-worker.js', '/out/main/people-cache-worker.js', '/out/preload/index.cjs', '/out/renderer/index.html']
for (const f of required) if (!has(f)) fail(`app.asar lacks ${f}`)
const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString())
if (!has(`/${pkg.main}`)) fail(`package.json main (${pkg.main}) is not in app.asar`)
const ours = files.filter((f) => !f.startsWith('/node_modules') && !f.startsWith('/out') && f !== '/package.json')
if (ours.length > 0) fail(`app.asar holds files outside out/: ${ours.slice(0, 5).join(', ')}`)
for (const banned of ['/node_modules/electron', '/node_modules/vite', '/node_modules/got', '/node_modules/fastify']) {
  if (has(banned)) fail(`app.asar holds a build-time package: ${banned}`)
}
console.log(`pack-check: (c) app.asar holds ${required.slice(1).join(', ')} and package.json (main = ${pkg.main}); nothing else of ours, no build-time packages`)

// Native modules must be real files next to the archive: Node cannot dlopen from inside app.asar.
const find = (dir, test, out = []) => {
  if (!fs.existsSync(dir)) return out
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) find(p, test, out)
    else if (test(e.name)) out.push(path.relative(unpacked, p))
  }
  return out
}
const natives = find(unpacked, (n) => n.endsWith('.node') || /^libvips-cpp\.so/.test(n))
for (const [label, re] of [['keytar', /keytar\/build\/Release\/keytar\.node$/], ['sharp', /@img\/sharp-linux-x64\/lib\/sharp-linux-x64.*\.node$/], ['libvips', /libvips-cpp\.so/]]) {
  if (!natives.some((n) => re.test(n.replace(/\\/g, '/')))) fail(`${label}'s native file is not in app.asar.unpacked`)
}
const packedNatives = files.filter((f) => f.endsWith('.node')).filter((f) => !fs.existsSync(path.join(unpacked, f)))
if (packedNatives.length > 0) fail(`native files only inside app.asar: ${packedNatives.join(', ')}`)
console.log(`pack-check:     app.asar.unpacked holds ${natives.join(', ')}`)

// Every bare import left in main's bundles must be packed, or the app (or its image process) dies on
// start: the entries and the chunks they share.
const chunkDir = 'out/main/chunks'
const bundles = ['out/main/index.js', 'out/main/image-host.js', 'out/main/image-worker.js', 'out/main/people-cache-worker.js', ...(fs.existsSync(chunkDir) ? fs.readdirSync(chunkDir).filter((f) => f.endsWith('.js')).map((f) => `${chunkDir}/${f}`) : [])]
const main = bundles.map((f) => fs.readFileSync(f, 'utf8')).join('\n')
// Static imports of an ES bundle start at column 0; dynamic ones may sit anywhere but not in comments.
const specifiers = new Set([
  ...[...main.matchAll(/^import\s(?:[^'"]*?\sfrom\s*)?["']([^"']+)["']/gm)].map((m) => m[1]),
  ...[...main.matchAll(/^(?!\s*(?:\*|\/\/)).*?\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => m[1])
])
const external = [...specifiers].filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s) && s !== 'electron')
const pkgName = (s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0])
for (const s of external) if (!has(`/node_modules/${pkgName(s)}/package.json`)) fail(`out/main/ imports ${s}, which is not packed (make it a dependency)`)
console.log(`pack-check:     the runtime imports of main, the image process and its threads are all packed: ${external.join(', ') || '(none)'}`)

// The fuses were flipped in the packed binary (the stub carries a fuse wire).
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const exe = fs.readdirSync(appDir).map((n) => path.join(appDir, n)).find((p) => fs.statSync(p).isFile() && fs.readFileSync(p).includes(SENTINEL))
if (!exe) fail('no executable with a fuse wire in the packed folder')
const bin = fs.readFileSync(exe)
const wire = bin.subarray(bin.indexOf(SENTINEL) + SENTINEL.length + 2)
const expected = { RunAsNode: '0', EnableCookieEncryption: '1', EnableNodeOptionsEnvironmentVariable: '0', EnableNodeCliInspectArguments: '0', EnableEmbeddedAsarIntegrityValidation: '1', OnlyLoadAppFromAsar: '1', GrantFileProtocolExtraPrivileges: '0' }
for (const [name, state] of Object.entries(expected)) {
  const actual = String.fromCharCode(wire[FuseV1Options[name]])
  if (actual !== state) fail(`fuse ${name} is ${actual}, expected ${state}`)
}
console.log(`pack-check:     fuses flipped in ${path.basename(exe)}: ${Object.entries(expected).map(([n, s]) => `${n}=${s === '1' ? 'on' : 'off'}`).join(', ')}`)
EOF

say "OK ($(( $(date +%s) - T0 ))s)"
