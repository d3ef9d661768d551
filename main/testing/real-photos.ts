/**
 * Real photographs for tests (licences in main/testing/photos/README.md): the committed small copies,
 * and the group photo from the `tracking` devDependency, which is not ours to commit.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'

export type RealPhoto = 'astronaut' | 'camera' | 'coffee' | 'rocket' | 'group'

const here = dirname(fileURLToPath(import.meta.url))

export function realPhotoPath(name: RealPhoto): string {
  if (name === 'group') {
    const require = createRequire(import.meta.url)
    return join(dirname(require.resolve('tracking/package.json')), 'examples', 'assets', 'faces.jpg')
  }
  return join(here, 'photos', `${name}.jpg`)
}

export async function realPhoto(name: RealPhoto): Promise<Uint8Array> {
  return new Uint8Array(await readFile(realPhotoPath(name)))
}

/**
 * A real portrait made wider than high (grey added on its right), then laid on its side (turned 90°
 * clockwise): a picture that is not upright, whose upright form is told apart by its shape.
 */
export async function portraitOnItsSide(): Promise<Uint8Array> {
  const upright = await sharp(await realPhoto('astronaut')).extend({ right: 200, background: '#808080' }).jpeg().toBuffer()
  return new Uint8Array(await sharp(upright).rotate(90).jpeg().toBuffer())
}

/** The real portrait enlarged to `side` × `side` as a JPEG: a camera-sized picture with one face. */
export async function largePortrait(side: number): Promise<Uint8Array> {
  return new Uint8Array(await sharp(await realPhoto('astronaut')).resize(side, side).jpeg({ quality: 90 }).toBuffer())
}
