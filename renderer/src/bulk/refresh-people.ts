/**
 * After a run, the people list shows the changed people's new photos: each read again
 * (people:get), or, past a few dozen, the whole list reloaded, which is fewer calls.
 */
import type { AppApi } from '../../../preload/contract'
import type { usePeopleStore } from '../stores/people-store'

/** Past this many changed people, one reload of the list is cheaper than one people:get each. */
export const REFRESH_ONE_BY_ONE = 40

export async function refreshPeople(
  userIds: readonly string[],
  accountId: string | null,
  deps: { readonly api: AppApi; readonly people: ReturnType<typeof usePeopleStore> }
): Promise<void> {
  const { api, people } = deps
  if (accountId === null || userIds.length === 0 || people.accountId !== accountId) return
  if (userIds.length > REFRESH_ONE_BY_ONE) {
    people.forgetPhotos(userIds)
    await people.load(accountId)
    return
  }
  for (const userId of userIds) {
    const fresh = await api.people.get({ accountId, userId })
    if (fresh.ok) people.replacePerson(fresh.value)
  }
}
