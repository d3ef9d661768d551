/**
 * The job's two CSV exports (csv-stringify, RFC 4180, CRLF, UTF-8 with a BOM so spreadsheet apps read
 * umlauts right): the report of what the job did (for HR's records: who, when, which portal, which
 * file, the SHA-256 of the bytes uploaded, which person, the result) and the plan as reviewed.
 *
 * File names and people's names come from outside, so the cells go through the shared safe CSV
 * writer (core/csv.ts): quoted, with formula starts defused.
 */
import type { BulkJob, RowModel } from './bulk-job'
import { toBulkRow } from './bulk-job'
import { toSafeCsv } from '../core/csv'

export interface CsvExport {
  readonly csv: string
  readonly fileName: string
}

const REPORT_COLUMNS = [
  'Job',
  'Ran by',
  'Portal',
  'When',
  'File',
  'SHA-256 uploaded',
  'Person ID',
  'Person',
  'Plan',
  'Result',
  'Error code',
  'Error',
  'Verified after restart',
  'Undone'
] as const

export function reportCsv(job: BulkJob): CsvExport {
  const rows = [...job.rows.values()].map((row) => reportRow(job, row))
  return { csv: toCsv(REPORT_COLUMNS, rows), fileName: `photo-import-${job.jobId}-report.csv` }
}

function reportRow(job: BulkJob, row: RowModel): string[] {
  const view = toBulkRow(row)
  const result = row.apply.result
  const sent = result !== undefined || row.apply.unresolved !== undefined
  const userId = result?.userId ?? row.apply.unresolved?.userId ?? view.userId ?? ''
  const error = result?.ok === false ? result.error : undefined
  const undo = row.undo.result
  return [
    job.jobId,
    job.created.actor,
    job.created.portalUrl,
    result?.at ?? '',
    row.file.name,
    sent ? (row.apply.sentSha256 ?? '') : '',
    userId,
    userId === view.userId ? (view.personName ?? '') : '',
    view.state,
    row.apply.unresolved ? 'interrupted' : view.result,
    error?.code ?? '',
    error?.message ?? '',
    result?.ok === true && result.verified ? 'yes' : '',
    undo ? (undo.ok ? 'yes' : `failed: ${undo.error.code}`) : ''
  ]
}

const PLAN_COLUMNS = [
  'File',
  'Bytes',
  'Plan',
  'Person ID',
  'Person',
  'Matched by',
  'Approved',
  'Duplicate of',
  'Candidates',
  'Problem code',
  'Problem',
  'Width',
  'Height',
  'Crop x',
  'Crop y',
  'Crop width',
  'Crop height'
] as const

export function planCsv(job: BulkJob): CsvExport {
  const rows = job.bulkRows().map((r) => {
    const fileOf = (id: string): string => job.rows.get(id)?.file.name ?? id
    return [
      r.file,
      String(r.byteLength),
      r.state,
      r.userId ?? '',
      r.personName ?? '',
      r.rule ?? '',
      r.approved ? 'yes' : 'no',
      (r.duplicateOf ?? []).map(fileOf).join('; '),
      (r.candidates ?? []).map((c) => `${c.displayName} <${c.email}>`).join('; '),
      r.problem?.code ?? '',
      r.problem?.message ?? '',
      r.width !== undefined ? String(r.width) : '',
      r.height !== undefined ? String(r.height) : '',
      ...(r.crop ? [r.crop.x, r.crop.y, r.crop.width, r.crop.height].map((n) => n.toFixed(4)) : ['', '', '', ''])
    ]
  })
  return { csv: toCsv(PLAN_COLUMNS, rows), fileName: `photo-import-${job.jobId}-plan.csv` }
}

function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return toSafeCsv([columns, ...rows], { bom: true })
}
