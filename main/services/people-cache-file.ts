/**
 * The people cache's file format, apart from PeopleCache so that the writer's worker thread
 * (people-cache-worker.ts) seals files without loading the keychain or file code. Layout: MAGIC (4) |
 * FORMAT (1) | IV (12) | TAG (16) | AES-256-GCM ciphertext of "savedAt\nbody"; the header and the
 * account id are the additional data, so a file copied over another account's fails.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { CachedPeople } from '../../preload/contract'

const MAGIC = Buffer.from('DSPL', 'latin1')
/** Bumped whenever the body's shape changes; an older file is then no cache. 2: field by field. */
const FORMAT = 2
const HEADER = Buffer.concat([MAGIC, Buffer.from([FORMAT])])
const IV_BYTES = 12
const TAG_BYTES = 16
export const KEY_BYTES = 32
const NEWLINE = 0x0a
const OPEN_BRACE = 0x7b
const CLOSE_BRACE = 0x7d

function additionalData(accountId: string): Buffer {
  return Buffer.concat([HEADER, Buffer.from(accountId, 'latin1')])
}

export function encrypt(savedAt: string, body: string, key: Buffer, accountId: string): Buffer {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(additionalData(accountId))
  const ciphertext = Buffer.concat([cipher.update(`${savedAt}\n${body}`, 'utf8'), cipher.final()])
  return Buffer.concat([HEADER, iv, cipher.getAuthTag(), ciphertext])
}

/** The body, or null for anything that is not an intact file of this format, key and account. */
export function decrypt(bytes: Buffer, key: Buffer, accountId: string): CachedPeople | null {
  if (bytes.length < HEADER.length + IV_BYTES + TAG_BYTES || !bytes.subarray(0, HEADER.length).equals(HEADER)) return null
  const iv = bytes.subarray(HEADER.length, HEADER.length + IV_BYTES)
  const tag = bytes.subarray(HEADER.length + IV_BYTES, HEADER.length + IV_BYTES + TAG_BYTES)
  let plain: Buffer
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(additionalData(accountId))
    decipher.setAuthTag(tag)
    const first = decipher.update(bytes.subarray(HEADER.length + IV_BYTES + TAG_BYTES))
    // final() checks the tag; GCM is a stream mode, so it adds no bytes and the body needs no copy.
    const rest = decipher.final()
    plain = rest.length === 0 ? first : Buffer.concat([first, rest])
  } catch {
    return null
  }
  // Authenticated, so this app wrote it; the cheap checks guard against a bug in an older build.
  const newline = plain.indexOf(NEWLINE)
  const savedAt = plain.subarray(0, Math.max(0, newline)).toString('latin1')
  const body = plain.subarray(newline + 1)
  if (newline < 0 || Number.isNaN(Date.parse(savedAt)) || body[0] !== OPEN_BRACE || body[body.length - 1] !== CLOSE_BRACE) return null
  return { savedAt, body }
}
