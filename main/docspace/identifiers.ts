/**
 * The identifier shapes DocSpace uses for a person in a path: a GUID, or a user name where the API
 * takes one (CONTRACT.md §1: `{userid}` that is not a GUID is looked up as a user name). Anything else
 * ("." and ".." above all, which URL resolution turns into other API paths) is refused before a path is built.
 */
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Letters, digits, dot, dash, underscore; starts with a letter or digit, so never "." or "..". */
const USER_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export function isGuid(value: string): boolean {
  return GUID.test(value)
}

export function isUserName(value: string): boolean {
  return USER_NAME.test(value)
}

/** A person identifier that is safe as one path segment: a GUID or a user name. */
export function isPersonId(value: string): boolean {
  return isGuid(value) || isUserName(value)
}
