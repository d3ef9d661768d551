// Minimal typings for the part of libheif-js 1.23 (libheif + libde265 compiled to WebAssembly, LGPL-3.0)
// that heic-decoder.ts uses. The package ships no typings for its JavaScript wrapper.
declare module 'libheif-js/wasm-bundle.js' {
  interface HeifDisplayBuffer {
    data: Uint8ClampedArray
    width: number
    height: number
  }
  interface HeifImage {
    /** From the container header (after irot/imir transforms): reading it decodes no pixels. */
    get_width(): number
    get_height(): number
    is_primary(): boolean
    has_alpha_channel(): boolean
    /** Decodes to interleaved RGBA into `target.data`; calls back with null on failure. */
    display(target: HeifDisplayBuffer, done: (result: HeifDisplayBuffer | null) => void): void
    free(): void
  }
  interface HeifDecoder {
    /** Parses the container; returns the top-level images, or [] when the bytes are not HEIF. */
    decode(bytes: Uint8Array): HeifImage[]
    /** The libheif context of the last decode() call. */
    decoder: { delete(): void } | null
  }
  interface LibHeif {
    readonly ready?: Promise<unknown>
    HeifDecoder: new () => HeifDecoder
  }
  const libheif: LibHeif
  export default libheif
}
