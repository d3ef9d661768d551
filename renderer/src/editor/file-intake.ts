/**
 * Getting image files out of drops, pickers and the clipboard, and their bytes out of the files
 * (File API; main gets a Uint8Array, never a path).
 */

/** A drag carries files (not text or a link). Chromium says so in `types`; items say it everywhere. */
export function carriesFiles(data: DataTransfer | null | undefined): boolean {
  if (!data) return false
  if (Array.from(data.types ?? []).includes('Files')) return true
  return Array.from(data.items ?? []).some((item) => item.kind === 'file')
}

/** How many files a drag carries (during dragover only the items can be counted). */
export function countFiles(data: DataTransfer | null | undefined): number {
  if (!data) return 0
  if (data.files && data.files.length > 0) return data.files.length
  return Array.from(data.items ?? []).filter((item) => item.kind === 'file').length
}

export function filesOf(data: DataTransfer | null | undefined): File[] {
  if (!data) return []
  if (data.files && data.files.length > 0) return Array.from(data.files)
  return Array.from(data.items ?? [])
    .filter((item) => item.kind === 'file')
    .map((item) => item.getAsFile())
    .filter((file): file is File => file !== null)
}

/** Image files on the clipboard (a screenshot, or an image copied in a browser or file manager). */
export function clipboardImages(data: DataTransfer | null | undefined): File[] {
  return filesOf(data).filter((file) => file.type.startsWith('image/'))
}

export async function readBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer())
}

/** A pasted image often has no useful name ("image.png"); say where it came from instead. */
export function displayFileName(file: File, fallback: string): string {
  return file.name && file.name.trim() !== '' ? file.name : fallback
}

/** Formats main accepts that Chromium cannot display (by the header's format, not the file name). */
const NOT_DISPLAYABLE = new Set(['heic', 'heif', 'tiff'])

/** The editor shows main's upright JPEG of these (photos:preview) instead of the source bytes. */
export function needsPreview(format: string): boolean {
  return NOT_DISPLAYABLE.has(format.toLowerCase())
}

/** Main's preview is fitted within this many pixels (main/images/editor-preview.ts PREVIEW_MAX_SIDE). */
const PREVIEW_SIDE = 2048

/**
 * A large opaque picture the browser could show is shown from main's downscaled preview instead: the
 * face framing decodes it anyway and makes the preview from that decode, so the editor does not decode
 * 12 megapixels a second time. Transparent pictures keep the source (the preview is flattened on white).
 */
export function showsDownscaled(summary: { readonly format: string; readonly width: number; readonly height: number; readonly hasAlpha: boolean }): boolean {
  return !needsPreview(summary.format) && !summary.hasAlpha && Math.max(summary.width, summary.height) > PREVIEW_SIDE
}
