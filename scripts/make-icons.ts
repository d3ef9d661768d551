/**
 * Renders the app icon from the SVG below into the PNGs electron-builder needs (assets/ is its
 * buildResources folder): assets/icon.png (1024 px: macOS and Windows icons are made from it) and
 * assets/icons/<N>x<N>.png (the Linux icon set). Run: npx tsx scripts/make-icons.ts
 * The PNGs are committed, so packaging never needs this script.
 */
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import sharp from 'sharp'

// A portrait in a round photo frame with crop marks, on a rounded square: "people photos".
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1024" height="1024" viewBox="0 0 1024 1024">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#2f7de1"/>
      <stop offset="1" stop-color="#1b4fa8"/>
    </linearGradient>
    <clipPath id="frame"><circle cx="512" cy="500" r="292"/></clipPath>
  </defs>
  <rect x="64" y="64" width="896" height="896" rx="200" fill="url(#bg)"/>
  <circle cx="512" cy="500" r="292" fill="#eaf2fd"/>
  <g clip-path="url(#frame)" fill="#3b82e6">
    <circle cx="512" cy="430" r="118"/>
    <path d="M282 800c0-140 103-236 230-236s230 96 230 236z"/>
  </g>
  <circle cx="512" cy="500" r="292" fill="none" stroke="#ffffff" stroke-width="28"/>
  <g fill="none" stroke="#ffffff" stroke-width="36" stroke-linecap="round" stroke-linejoin="round">
    <path d="M176 300v-92a32 32 0 0 1 32-32h92"/>
    <path d="M724 176h92a32 32 0 0 1 32 32v92"/>
    <path d="M848 724v92a32 32 0 0 1-32 32h-92"/>
    <path d="M300 848h-92a32 32 0 0 1-32-32v-92"/>
  </g>
</svg>`

const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024]

async function main(): Promise<void> {
  const assets = resolve(import.meta.dirname, '..', 'assets')
  await mkdir(join(assets, 'icons'), { recursive: true })
  const svg = Buffer.from(SVG)
  await sharp(svg, { density: 72 }).png({ compressionLevel: 9 }).toFile(join(assets, 'icon.png'))
  for (const size of LINUX_SIZES) {
    await sharp(svg, { density: 72 }).resize(size, size).png({ compressionLevel: 9 }).toFile(join(assets, 'icons', `${size}x${size}.png`))
  }
  console.log(`wrote assets/icon.png and assets/icons/{${LINUX_SIZES.map((s) => `${s}x${s}`).join(',')}}.png`)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
