/** A byte count for people: "1.5 MB", "200 KB" (never "0 KB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}
