// Prints "Tests: N passed, N failed, N skipped" from the vitest and Playwright JSON reports.
// Exits 1 when a report is missing, something failed, or nothing passed.
import { readFileSync, existsSync } from 'node:fs'

const [vitestFile, pwFile] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
let missing = false

if (vitestFile && existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests + (v.success === false && v.numFailedTests === 0 ? 1 : 0)
  skipped += v.numPendingTests + (v.numTodoTests ?? 0)
  console.log(`vitest: ${v.numPassedTests} passed, ${v.numFailedTests} failed, ${v.numPendingTests} skipped`)
} else {
  console.log(`missing vitest report ${vitestFile}`)
  missing = true
}
if (pwFile && existsSync(pwFile)) {
  const s = JSON.parse(readFileSync(pwFile, 'utf8')).stats
  passed += s.expected + s.flaky
  failed += s.unexpected
  skipped += s.skipped
  console.log(`playwright: ${s.expected} passed, ${s.unexpected} failed, ${s.flaky} flaky, ${s.skipped} skipped`)
} else {
  console.log(`missing playwright report ${pwFile}`)
  missing = true
}
if (missing) failed += 1
const checksFailed = Number(process.env.CHECKS_FAILED ?? 0)
if (checksFailed > 0) console.log(`static checks: ${checksFailed} failed`)
failed += checksFailed
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
