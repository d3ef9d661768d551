/**
 * Saves bytes as a file the way a web page can: a blob: URL on a temporary <a download>. Inside
 * Electron this opens the save dialog; in the browser host it is a normal download.
 */
export interface DownloadDeps {
  readonly document: Document
  readonly urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>
  /** When to revoke the URL; revoking at once can cancel the download in Chromium. */
  readonly later: (run: () => void) => void
}

export function browserDownloadDeps(): DownloadDeps {
  return { document, urls: URL, later: (run) => setTimeout(run, 30_000) }
}

export function downloadBytes(deps: DownloadDeps, bytes: Uint8Array | string, mime: string, fileName: string): void {
  const blob = new Blob([typeof bytes === 'string' ? bytes : (bytes as Uint8Array<ArrayBuffer>)], { type: mime })
  const url = deps.urls.createObjectURL(blob)
  const a = deps.document.createElement('a')
  a.href = url
  a.download = fileName
  a.rel = 'noopener'
  a.style.display = 'none'
  deps.document.body.appendChild(a)
  a.click()
  a.remove()
  deps.later(() => deps.urls.revokeObjectURL(url))
}
