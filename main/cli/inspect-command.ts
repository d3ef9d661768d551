/**
 * `inspect FILE`: what the app sees in one photo, for scripts and checks: the image summary, the
 * faces found (in the upright image's pixels), the proposed square crop as the same fractions the
 * editor sends (CropFraction) and the quality warnings by code. Needs no sign-in.
 */
import { readFile } from 'node:fs/promises'
import type { FaceWarning, FramingPreset } from '../../preload/contract'
import { createImageProcessPool } from '../images/image-process'
import { EXIT } from './args'

export interface InspectIo {
  out(line: string): void
  err(line: string): void
}

export async function inspectFile(file: string, preset: FramingPreset, json: boolean, io: InspectIo): Promise<number> {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await readFile(file))
  } catch (e) {
    io.err(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`)
    return EXIT.usage
  }
  // The same image process and worker thread the app uses, so the command checks what the app runs.
  const images = createImageProcessPool({ workers: 1 })
  try {
    const summary = await images.inspect(bytes)
    if (!summary.ok) {
      io.err(`${file}: ${summary.error.code}: ${summary.error.message}`)
      return EXIT.someFailed
    }
    const analysed = await images.frame(bytes, preset)
    if (!analysed.ok) {
      io.err(`${file}: ${analysed.error.code}: ${analysed.error.message}`)
      return EXIT.someFailed
    }
    const { faces, framing } = analysed.value
    const report = {
      file,
      image: summary.value,
      preset,
      faces,
      crop: framing.crop,
      turns: framing.turns,
      rollDegrees: framing.rollDegrees,
      warnings: framing.warnings,
      ...(framing.detectorUnavailable ? { detectorUnavailable: true } : {})
    }
    if (json) {
      io.out(JSON.stringify(report))
      return EXIT.ok
    }
    const { format, width, height } = summary.value
    io.out(`${file}: ${format} ${width} × ${height}`)
    io.out(framing.detectorUnavailable ? 'faces: the face detector could not run on this computer' : `faces: ${faces.length}`)
    faces.forEach((f, i) => {
      const b = f.box
      io.out(`  #${i + 1} box ${b.x},${b.y} ${b.width}×${b.height}  eyes ${f.leftEye.x},${f.leftEye.y} / ${f.rightEye.x},${f.rightEye.y}  roll ${f.rollDegrees}°  score ${f.score}`)
    })
    const c = framing.crop
    io.out(c ? `crop (${preset}): x ${pct(c.x)} y ${pct(c.y)} side ${pct(c.width)} of the width${framing.turns ? ` after ${framing.turns} quarter turn(s)` : ''}` : 'crop: none (centred square)')
    io.out(`warnings: ${framing.warnings.length === 0 ? 'none' : framing.warnings.map(describe).join(', ')}`)
    return EXIT.ok
  } finally {
    await images.dispose()
  }
}

function pct(v: number): string {
  return `${(v * 100).toFixed(1)}%`
}

function describe(w: FaceWarning): string {
  if (w.faces !== undefined) return `${w.code} (${w.faces})`
  if (w.turns !== undefined) return `${w.code} (turn ${w.turns * 90}° clockwise)`
  if (w.rollDegrees !== undefined) return `${w.code} (${w.rollDegrees}°)`
  if (w.cropSide !== undefined) return `${w.code} (${w.cropSide} px)`
  return w.code
}
