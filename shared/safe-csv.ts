/**
 * CSV for spreadsheets, after OWASP's CSV-injection guidance, written once for main and the renderer
 * (this folder imports nothing, so the sandboxed renderer may use it as main does): every field is
 * quoted (so a ";" or "," inside a cell cannot start a new cell in a locale that splits on it),
 * quotes are doubled, and a cell a spreadsheet could run as a formula gets a leading apostrophe.
 * RFC 4180 otherwise: CRLF after every record.
 */

/**
 * = + - @ and their full-width and small forms (＝ ＋ － ＠ ﹢ ﹣) and the minus sign, which some apps
 * normalise to ASCII; or any leading whitespace, control or invisible character (tab, CR, LF, space,
 * no-break space, zero-width and direction marks), which apps strip before they look for a formula.
 */
const FORMULA_START = /^(?:[=+\-@\uFF1D\uFF0B\uFF0D\uFF20\uFE62\uFE63\u2212]|[\s\p{Cc}\p{Cf}\u180E])/u

/** A text cell that stays text in a spreadsheet. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value
}

export interface CsvOptions {
  /** UTF-8 byte order mark first, so spreadsheet apps read umlauts right. */
  readonly bom?: boolean
}

/** Rows (the header first) as one CSV text, every cell neutralised and quoted. */
export function toSafeCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => `${row.map((cell) => `"${neutraliseCell(cell).replace(/"/g, '""')}"`).join(',')}\r\n`).join('')
  return options.bom ? `\uFEFF${body}` : body
}
