/** The local activity log (every account, every change this app made), and its CSV export. */
import { defineStore } from 'pinia'
import type { ActivityEntry, Result } from '../../../preload/contract'
import { useAppApi } from '../api-context'
import { useBrowserFilesStore } from './browser-files'

export const useActivityStore = defineStore('activity', () => {
  const api = useAppApi()
  const files = useBrowserFilesStore()

  /** Newest first. */
  async function list(limit = 500): Promise<Result<readonly ActivityEntry[]>> {
    const result = await api.activity.list({ limit })
    if (!result.ok) return result
    return { ok: true, value: [...result.value].sort((a, b) => b.at.localeCompare(a.at)) }
  }

  /** The whole log as CSV, saved as a file. */
  async function exportCsv(): Promise<Result<{ readonly fileName: string }>> {
    const result = await api.activity.exportCsv()
    if (!result.ok) return result
    files.download(result.value.csv, 'text/csv;charset=utf-8', result.value.fileName)
    return { ok: true, value: { fileName: result.value.fileName } }
  }

  return { list, exportCsv }
})
