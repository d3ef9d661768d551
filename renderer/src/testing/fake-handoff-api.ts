/**
 * A fake hand-over api for renderer tests: nothing handed over, nothing waiting, unless a test
 * passes its own methods. Answers are shaped like main's.
 */
import type { AppApi } from '../../../preload/contract'
import { fail, ok } from './fake-app-api'

export function createFakeHandoffApi(overrides: Partial<AppApi['handoff']> = {}): AppApi['handoff'] {
  return {
    prepare: async () => fail('handoff/not-allowed'),
    fromBulk: async () => ok([]),
    withdraw: async () => fail('handoff/unknown'),
    remind: async () => fail('handoff/unknown'),
    list: async () => ok([]),
    status: async () => ok([]),
    exportCsv: async () => ok({ csv: 'userId,personName,state\n', fileName: 'photo-handovers.csv' }),
    waiting: async () => ok([]),
    image: async () => fail('handoff/not-waiting'),
    accept: async () => fail('handoff/not-waiting'),
    decline: async () => fail('handoff/not-waiting'),
    ask: async () => ok([]),
    asked: async () => ok([]),
    route: async (arg) => ok(arg.route ?? 'private'),
    ...overrides
  }
}
