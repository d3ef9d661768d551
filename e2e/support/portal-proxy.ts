/**
 * A TCP relay in front of an emulated portal, on 127.0.0.1, that a test can pull the plug on: kill()
 * drops every open connection and stops listening (the portal is gone, as when its server dies), and
 * revive() listens again on the same port. The portal behind it keeps its state, so a Retry after
 * revive() talks to the same people and photos. killOn() pulls the plug the moment a request line
 * matching the pattern arrives, before the portal sees it.
 */
import { createServer, connect, type Server, type Socket } from 'node:net'

export interface PortalProxy {
  /** http://127.0.0.1:PORT: what the app signs in to. */
  readonly url: string
  kill(): Promise<void>
  revive(): Promise<void>
  /** Kills the relay when a request whose request line matches arrives (once). */
  killOn(pattern: RegExp): Promise<void>
  close(): Promise<void>
}

export async function startPortalProxy(target: string): Promise<PortalProxy> {
  const { hostname, port: targetPort } = new URL(target)
  const sockets = new Set<Socket>()
  let trigger: { pattern: RegExp; fire: () => void } | null = null
  let server: Server | null = null
  let port = 0

  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const next = createServer((client) => {
        const upstream = connect(Number(targetPort), hostname)
        sockets.add(client).add(upstream)
        client.on('data', (chunk: Buffer) => {
          if (trigger && trigger.pattern.test(chunk.toString('latin1'))) {
            const fire = trigger.fire
            trigger = null
            fire()
            return
          }
          upstream.write(chunk)
        })
        upstream.on('data', (chunk: Buffer) => client.write(chunk))
        for (const s of [client, upstream]) {
          s.on('error', () => undefined)
          s.on('close', () => {
            sockets.delete(s)
            client.destroy()
            upstream.destroy()
          })
        }
      })
      next.once('error', reject)
      next.listen(port, '127.0.0.1', () => {
        const address = next.address()
        if (address && typeof address === 'object') port = address.port
        server = next
        resolve()
      })
    })

  const kill = async (): Promise<void> => {
    const running = server
    server = null
    for (const s of sockets) s.destroy()
    sockets.clear()
    if (running) await new Promise<void>((resolve) => running.close(() => resolve()))
  }

  await listen()
  return {
    url: `http://127.0.0.1:${port}`,
    kill,
    revive: listen,
    killOn: (pattern) => new Promise((resolve) => (trigger = { pattern, fire: () => void kill().then(resolve) })),
    close: kill
  }
}
