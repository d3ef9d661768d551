/**
 * HEIC (HEVC-coded HEIF, the iPhone default) decoding. sharp's prebuilt libvips reads HEIF only with AV1
 * (AVIF): HEVC is patent-encumbered and left out. libheif-js is libheif + libde265 compiled to
 * WebAssembly, shipped inside the npm package (nothing is downloaded at install), so it works wherever
 * Node runs. It is the only module that imports libheif-js, and it loads it on first use because the
 * bundle is about 2 MB of JavaScript with the wasm inlined.
 */

export type HeicDecodeResult =
  | { readonly ok: true; readonly width: number; readonly height: number; readonly rgba: Uint8Array }
  | { readonly ok: false; readonly reason: 'unavailable' | 'corrupt' | 'too-large'; readonly detail: string }

type LibHeif = typeof import('libheif-js/wasm-bundle.js').default

async function loadLibHeif(): Promise<LibHeif | Error> {
  try {
    const lib = (await import('libheif-js/wasm-bundle.js')).default
    if (lib.ready) await lib.ready
    return lib
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

/**
 * Decodes the primary image of a HEIC file to 8-bit RGBA, upright (libheif applies the container's
 * irot/imir transforms itself, so EXIF orientation must not be applied again). The pixel count is
 * checked against `maxPixels` from the header before any pixel is decoded.
 */
export async function decodeHeic(bytes: Uint8Array, maxPixels: number): Promise<HeicDecodeResult> {
  const lib = await loadLibHeif()
  if (lib instanceof Error) return { ok: false, reason: 'unavailable', detail: lib.message }

  const decoder = new lib.HeifDecoder()
  const images = decoder.decode(bytes)
  try {
    const image = images.find((i) => i.is_primary()) ?? images[0]
    if (!image) return { ok: false, reason: 'corrupt', detail: 'no image found in the HEIF container' }
    const width = image.get_width()
    const height = image.get_height()
    if (width * height > maxPixels) return { ok: false, reason: 'too-large', detail: `${width}x${height}` }

    const target = { data: new Uint8ClampedArray(width * height * 4), width, height }
    const decoded = await new Promise<typeof target | null>((resolve) => image.display(target, (result) => resolve(result ? target : null)))
    if (!decoded) return { ok: false, reason: 'corrupt', detail: 'libheif could not decode the image data' }
    return { ok: true, width, height, rgba: new Uint8Array(decoded.data.buffer, decoded.data.byteOffset, decoded.data.byteLength) }
  } finally {
    for (const image of images) image.free()
    decoder.decoder?.delete()
  }
}
