// The app's own check of a "set from URL" address, before anything is sent to the portal.
import { describe, expect, it } from 'vitest'
import { checkPhotoUrl, isPrivateAddress } from './photo-url'

const dns = (table: Record<string, readonly string[]>) => async (host: string): Promise<readonly string[]> => {
  const answer = table[host]
  if (!answer) throw new Error('ENOTFOUND')
  return answer
}
const resolve = dns({
  'images.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'mixed.example': ['93.184.215.14', '10.0.0.5'],
  'metadata.example': ['169.254.169.254'],
  'v6-ula.example': ['fd12:3456::1'],
  localhost: ['127.0.0.1', '::1']
})

describe('checkPhotoUrl', () => {
  it('passes a public https address', async () => {
    expect(await checkPhotoUrl('https://images.example/a.png', { resolve })).toEqual({ ok: true, value: 'https://images.example/a.png' })
  })

  it.each([
    ['http://images.example/a.png', 'not-https'],
    ['https://10.1.2.3/a.png', 'private-address'],
    ['https://172.16.0.1/a.png', 'private-address'],
    ['https://172.31.255.255/a.png', 'private-address'],
    ['https://192.168.1.10/a.png', 'private-address'],
    ['https://127.0.0.1/a.png', 'private-address'],
    ['https://2130706433/a.png', 'private-address'], // 127.0.0.1 as one number
    ['https://0x7f.1/a.png', 'private-address'],
    ['http://169.254.169.254/latest/meta-data/', 'private-address'],
    ['https://100.64.0.1/a.png', 'private-address'],
    ['https://0.0.0.0/a.png', 'private-address'],
    ['https://[::1]/a.png', 'private-address'],
    ['https://[::ffff:169.254.169.254]/a.png', 'private-address'],
    ['https://[::ffff:a00:1]/a.png', 'private-address'],
    ['https://[fc00::1]/a.png', 'private-address'],
    ['https://[fd12:3456::1]/a.png', 'private-address'],
    ['https://[fe80::1]/a.png', 'private-address'],
    ['https://mixed.example/a.png', 'private-address'], // one private address among public ones is enough
    ['https://metadata.example/a.png', 'private-address'],
    ['https://v6-ula.example/a.png', 'private-address'],
    ['https://localhost/a.png', 'private-address'],
    ['https://nowhere.invalid/a.png', 'unresolved'],
    ['ftp://images.example/a.png', 'not-http'],
    ['https://user:pw@images.example/a.png', 'credentials'],
    ['not a url', 'not-a-url']
  ])('%s is refused: %s', async (url, problem) => {
    const r = await checkPhotoUrl(url, { resolve })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'url/invalid', facts: { urlProblem: problem } })
  })

  it('names the host in the facts, for the message', async () => {
    const r = await checkPhotoUrl('https://metadata.example/x', { resolve })
    expect(!r.ok && r.error.facts?.urlHost).toBe('metadata.example')
  })

  it('allows loopback (http too) only in test mode, and only when every address is loopback', async () => {
    expect((await checkPhotoUrl('http://127.0.0.1:9/a.png', { resolve, allowLoopback: true })).ok).toBe(true)
    expect((await checkPhotoUrl('http://localhost:9/a.png', { resolve, allowLoopback: true })).ok).toBe(true)
    expect((await checkPhotoUrl('http://[::1]:9/a.png', { resolve, allowLoopback: true })).ok).toBe(true)
    expect((await checkPhotoUrl('https://10.0.0.1/a.png', { resolve, allowLoopback: true })).ok).toBe(false)
    expect((await checkPhotoUrl('http://images.example/a.png', { resolve, allowLoopback: true })).ok).toBe(false)
  })

  it('resolves with node:dns by default: localhost is refused outside test mode', async () => {
    const r = await checkPhotoUrl('https://localhost/a.png')
    expect(!r.ok && r.error.facts?.urlProblem).toBe('private-address')
  })
})

describe('isPrivateAddress', () => {
  it('knows public from private', () => {
    expect(['8.8.8.8', '93.184.215.14', '2606:4700::1111', '172.32.0.1', '100.128.0.1'].map(isPrivateAddress)).toEqual([false, false, false, false, false])
    expect(['10.0.0.1', '172.20.1.1', '169.254.1.1', '::', 'fe80::abcd', '64:ff9b::a00:1', 'garbage'].map(isPrivateAddress)).toEqual([true, true, true, true, true, true, true])
  })
})
