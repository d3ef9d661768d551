import { describe, expect, it } from 'vitest'
import { realPhotoPath } from '../testing/real-photos'
import { EXIT } from './args'
import { runCli } from './run-cli'

async function cli(argv: string[]) {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { env: {}, out: (l) => out.push(l), err: (l) => err.push(l) })
  return { code, out, err }
}

describe('docspace-photos inspect', () => {
  it('prints the image, the faces in upright pixels, the crop as fractions and the warnings as JSON', async () => {
    const { code, out } = await cli(['inspect', realPhotoPath('group'), '--json', '--preset', 'tight'])
    expect(code).toBe(EXIT.ok)
    expect(out).toHaveLength(1)
    const report = JSON.parse(out[0]!)
    expect(report.image).toMatchObject({ format: 'jpeg', width: 600, height: 346 })
    expect(report.preset).toBe('tight')
    expect(report.faces).toHaveLength(3)
    const [face] = report.faces
    expect(face.leftEye.x).toBeLessThan(face.rightEye.x)
    const { x, y, width, height } = report.crop
    for (const v of [x, y, width, height]) expect(v).toBeGreaterThanOrEqual(0)
    expect(x + width).toBeLessThanOrEqual(1)
    expect(y + height).toBeLessThanOrEqual(1)
    expect(width * 600).toBeCloseTo(height * 346, 3) // square in pixels
    // The framed face's eyes are inside the crop.
    expect(face.leftEye.x / 600).toBeGreaterThan(x)
    expect(face.rightEye.x / 600).toBeLessThan(x + width)
    expect(report.warnings).toContainEqual({ code: 'several-faces', faces: 3 })
  })

  it('says no-face for a landscape, in words without --json', async () => {
    const { code, out } = await cli(['inspect', realPhotoPath('rocket')])
    expect(code).toBe(EXIT.ok)
    expect(out.join('\n')).toMatch(/faces: 0[\s\S]*crop: none[\s\S]*warnings: no-face/)
  })

  it('refuses an unknown preset and a missing file with a usage error', async () => {
    expect((await cli(['inspect', realPhotoPath('rocket'), '--preset', 'huge'])).code).toBe(EXIT.usage)
    const missing = await cli(['inspect', '/nonexistent/photo.jpg'])
    expect(missing.code).toBe(EXIT.usage)
    expect(missing.err.join('')).toMatch(/Cannot read \/nonexistent\/photo\.jpg/)
  })
})
