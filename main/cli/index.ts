#!/usr/bin/env node
// The command line's entry point (npm run cli, or the package's bin): see args.ts for the commands.
import { runCli } from './run-cli'

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`)
})
process.exitCode = code
