/**
 * The people cache writer's worker thread: it gathers the pages of each load as main serves them
 * (people-snapshot.ts numbers the loads), and on a save encodes and encrypts the list here, so that
 * main's event loop, which answers every IPC call, never spends the second this takes at 50,000
 * people. It gets a key and gives back the file's bytes; main keeps the keychain and the file.
 * Built as out/main/people-cache-worker.js (electron.vite.config.ts); from the TypeScript sources it
 * starts through people-cache-worker-dev.mjs.
 */
import { parentPort } from 'node:worker_threads'
import type { Person } from '../../preload/contract'
import { encodePeopleBody } from './people-cache-body'
import { encrypt } from './people-cache-file'
import type { WriterReply, WriterRequest } from './people-cache-writer'
import { everyoneOn } from './people-snapshot'

/** Each load's pages by start index. */
const loads = new Map<number, Map<number, readonly Person[]>>()

function peopleOf(source: Extract<WriterRequest, { type: 'seal' }>['source']): readonly Person[] {
  if ('people' in source) return source.people
  const pages = loads.get(source.load)
  loads.delete(source.load)
  return everyoneOn(
    source.pages.map((start) => {
      const people = pages?.get(start)
      // Only after a restart of this thread, which lost the pages it had.
      if (!people) throw new Error('a page of the load is missing')
      return people
    })
  )
}

function handle(message: WriterRequest): void {
  switch (message.type) {
    case 'page': {
      const pages = loads.get(message.load) ?? new Map<number, readonly Person[]>()
      pages.set(message.startIndex, message.people)
      loads.set(message.load, pages)
      return
    }
    case 'forget':
      loads.delete(message.load)
      return
    case 'seal': {
      let reply: WriterReply
      try {
        const sealed = encrypt(message.savedAt, encodePeopleBody(peopleOf(message.source)), Buffer.from(message.key), message.accountId)
        // A copy of its own, so its memory can move to main instead of being copied there.
        const bytes = new Uint8Array(sealed)
        reply = { job: message.job, bytes }
        parentPort?.postMessage(reply, [bytes.buffer])
      } catch (e) {
        reply = { job: message.job, error: e instanceof Error ? e.message : String(e) }
        parentPort?.postMessage(reply)
      }
    }
  }
}

parentPort?.on('message', handle)
