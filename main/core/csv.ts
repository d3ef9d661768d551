// main's way to the one CSV writer, shared with the renderer (shared/safe-csv.ts imports nothing).
export { neutraliseCell, toSafeCsv, type CsvOptions } from '../../shared/safe-csv'
