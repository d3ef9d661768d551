import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { utilityProcessLauncher, type UtilityChildLike, type UtilityProcessLike } from './utility-process-launcher'

class FakeChild extends EventEmitter implements UtilityChildLike {
  pid: number | undefined = undefined
  readonly posted: unknown[] = []
  killed = 0
  postMessage(message: unknown) {
    this.posted.push(message)
  }
  kill() {
    this.killed++
    return true
  }
}

describe('the utility process launcher', () => {
  it('holds tasks until the process has started, forwards answers and the exit, and drops tasks after it', () => {
    const child = new FakeChild()
    const forks: unknown[][] = []
    const utilityProcess: UtilityProcessLike = { fork: (...args) => (forks.push(args), child) }
    const got: unknown[] = []
    const exits: string[] = []
    const handle = utilityProcessLauncher(utilityProcess)(
      { entry: '/app/out/main/image-host.js', args: ['--image-host={}'], env: { MALLOC_ARENA_MAX: '2' }, name: 'image process (background)' },
      { message: (m) => got.push(m), exit: (r) => exits.push(r) }
    )
    expect(forks[0]).toMatchObject(['/app/out/main/image-host.js', ['--image-host={}'], { serviceName: 'image process (background)', env: { MALLOC_ARENA_MAX: '2' } }])
    handle.send({ id: 1, task: { kind: 'hash', bytes: new Uint8Array([1]) } })
    expect(child.posted).toEqual([])
    child.pid = 77
    child.emit('spawn')
    expect(child.posted).toHaveLength(1)
    expect(handle.pid).toBe(77)
    handle.send({ id: 2, task: { kind: 'hash', bytes: new Uint8Array([2]) } })
    expect(child.posted).toHaveLength(2)
    child.emit('message', { id: 1, ok: true, value: { ok: true, value: 'x' } })
    expect(got).toEqual([{ id: 1, ok: true, value: { ok: true, value: 'x' } }])
    child.emit('exit', 139)
    expect(exits).toEqual(['it exited with code 139'])
    handle.send({ id: 3, task: { kind: 'hash', bytes: new Uint8Array([3]) } })
    expect(child.posted).toHaveLength(2)
    handle.kill()
    expect(child.killed).toBe(1)
  })
})
