// Test images for the hand-over tests.
import sharp from 'sharp'

export async function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Promise<Uint8Array> {
  const png = await sharp({ create: { width, height, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } } }).png().toBuffer()
  return new Uint8Array(png)
}
