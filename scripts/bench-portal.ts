/**
 * The benchmarks' portal: `emulator/cli.ts` in its own process, so its CPU work (JSON, images) is the
 * portal's, as it would be on a server, and not charged to the app being measured.
 */
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

const ROOT = resolve(import.meta.dirname, '..')

export interface PortalProcess {
  readonly url: string
  close(): Promise<void>
}

/** Starts the emulator CLI with `args` (e.g. ['--people', '10000', '--latency', '50']) and waits until it listens. */
export async function startPortalProcess(args: readonly string[]): Promise<PortalProcess> {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx')
  const child = spawn(tsx, [join(ROOT, 'emulator', 'cli.ts'), ...args, '--quiet'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const url = await new Promise<string>((found, failed) => {
    const lines = createInterface({ input: child.stdout })
    lines.on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match?.[1]) found(match[1])
    })
    child.once('exit', (code) => failed(new Error(`the emulator exited (${code}) before it listened`)))
  })
  return {
    url,
    async close() {
      child.kill('SIGTERM')
      await exited
    }
  }
}
