/**
 * The browser's file machinery in one place: blob: URLs for pictures (the editor's source, history
 * previews) and saving bytes as a download. Tests swap both to record what would happen.
 */
import { defineStore } from 'pinia'
import { browserDownloadDeps, downloadBytes, type DownloadDeps } from '../editor/download'

export interface BrowserFilesDeps {
  readonly urls: { createUrl(blob: Blob): string; revokeUrl(url: string): void }
  readonly download: DownloadDeps
}

export const useBrowserFilesStore = defineStore('browser-files', () => {
  let deps: BrowserFilesDeps = {
    urls: {
      createUrl: (blob) => URL.createObjectURL(blob),
      revokeUrl: (url) => URL.revokeObjectURL(url)
    },
    download: browserDownloadDeps()
  }

  function setDeps(next: Partial<BrowserFilesDeps>): void {
    deps = { ...deps, ...next }
  }

  /** A blob: URL the caller must revoke when it no longer shows the picture. */
  function createUrl(blob: Blob): string {
    return deps.urls.createUrl(blob)
  }

  function revokeUrl(url: string): void {
    deps.urls.revokeUrl(url)
  }

  function download(bytes: Uint8Array | string, mime: string, fileName: string): void {
    downloadBytes(deps.download, bytes, mime, fileName)
  }

  return { setDeps, createUrl, revokeUrl, download }
})

export function blobOf(bytes: Uint8Array, mime: string): Blob {
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mime })
}
