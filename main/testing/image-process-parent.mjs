// A main that starts the image process, has it answer one task, prints both pids as JSON and then
// ends in the way argv[2] names: 'return' (drops off the end, no dispose), 'exit' (process.exit, no
// dispose) or 'wait' (stays until killed). Used by image-process.test.ts to prove no orphan is left.
import { register } from 'tsx/esm/api'

register()
const { createImageProcessPool } = await import('../images/image-process.ts')
const pool = createImageProcessPool({ workers: 1 })
const answer = await pool.inspect(new Uint8Array([0xff, 0xd8, 0xff]))
process.stdout.write(`${JSON.stringify({ main: process.pid, image: pool.pid, answered: typeof answer.ok === 'boolean' })}\n`)
if (process.argv[2] === 'exit') process.exit(0)
if (process.argv[2] === 'wait') setInterval(() => {}, 1000)
