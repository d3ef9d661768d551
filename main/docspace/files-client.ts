/**
 * The files and sharing calls of CONTRACT-ROOMS.md that the hand-over needs, over one DocSpaceClient
 * (its credential, envelope and failures): upload to "My documents", file info, download through
 * `viewUrl`, the per-user share of a My-documents file, `@share`, `DELETE share`, and file delete
 * with its async operation. Every answer is checked; a shared file is untrusted input.
 */
import { randomBytes } from 'node:crypto'
import type { z } from 'zod'
import type { Result } from '../../preload/contract'
import { fail, ok } from '../core/result'
import type { DocSpaceClient, Envelope } from './client'
import { unexpected } from './failures'
import {
  fileDto,
  fileOperationDto,
  fileShareDto,
  folderContentDto,
  uploadAnswerDto,
  type FileDto,
  type FileOperationDto,
  type FileShareDto
} from './files-dto'

/** §3.3: the share message is at most 255 characters; so is a version comment (§4.9). */
export const MAX_NOTE_CHARS = 255
/** Pages of @share read at most (100 files each): nobody has 2,000 files shared with them that matter here. */
const MAX_SHARE_PAGES = 20
const PAGE = 100

export interface ShareRequest {
  readonly userId: string
  /** FileShare (§0): 2 Read, 3 Restrict, 0 None (removes the share). */
  readonly access: number
  readonly notify: boolean
  readonly message?: string
}

export interface DeleteOptions {
  /** Polls of `GET fileops` before giving up; the operation then carries on on the portal. */
  readonly polls?: number
  readonly pollDelayMs?: number
}

function checkedId(fileId: number): string | undefined {
  return Number.isSafeInteger(fileId) && fileId > 0 ? String(fileId) : undefined
}

function parse<S extends z.ZodType>(schema: S, value: unknown, what: string): Result<z.infer<S>> {
  const dto = schema.safeParse(value)
  return dto.success ? ok(dto.data as z.infer<S>) : unexpected(what)
}

export class FilesClient {
  readonly #client: DocSpaceClient

  constructor(client: DocSpaceClient) {
    this.#client = client
  }

  get origin(): string {
    return this.#client.origin
  }

  /**
   * `POST @my/upload?createNewIfExist=false` (§4.1's portable request): one part named `file` whose
   * filename is the title; the same title the caller may edit becomes a new version of the same id.
   * Accepts either answer shape (an object up to 3.6.1, `[object]` from 3.7.1).
   */
  uploadToMy(title: string, bytes: Uint8Array, mime: string): Promise<Result<FileDto>> {
    return this.uploadTo('@my', title, bytes, mime)
  }

  /** The same upload into a room or folder by id (§4.1: `POST {folderId}/upload`). */
  async uploadTo(folder: '@my' | number, title: string, bytes: Uint8Array, mime: string): Promise<Result<FileDto>> {
    const target = folder === '@my' ? folder : checkedId(folder)
    if (!target) return fail('input/invalid', 'not a folder id')
    const boundary = `----DocSpacePhotoManager${randomBytes(12).toString('hex')}`
    const filename = title.replace(/["\r\n\\]/g, '_')
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${mime}\r\n\r\n`)
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`)
    const res = await this.#client.request('POST', `/files/${target}/upload`, {
      query: { createNewIfExist: 'false' },
      body: Buffer.concat([head, bytes, tail]),
      contentType: `multipart/form-data; boundary=${boundary}`
    })
    if (!res.ok) return res
    const answer = parse(uploadAnswerDto, res.value.response, 'upload answer')
    if (!answer.ok) return answer
    const file = Array.isArray(answer.value) ? answer.value[0] : answer.value
    return file ? ok(file) : unexpected('upload answer')
  }

  /** `GET file/{id}` (§4.5). */
  async file(fileId: number): Promise<Result<FileDto>> {
    const id = checkedId(fileId)
    if (!id) return fail('input/invalid', 'not a file id')
    const res = await this.#client.request('GET', `/files/file/${id}`)
    return res.ok ? parse(fileDto, res.value.response, 'file') : res
  }

  /** `PUT file/{id}/comment` (§4.9): at most 255 characters, written by the owner of a My-documents file. */
  async setComment(fileId: number, version: number, comment: string): Promise<Result<void>> {
    const id = checkedId(fileId)
    if (!id) return fail('input/invalid', 'not a file id')
    const res = await this.#client.request('PUT', `/files/file/${id}/comment`, { json: { version, comment: comment.slice(0, MAX_NOTE_CHARS) } })
    return res.ok ? ok(undefined) : res
  }

  /**
   * The file's bytes through its `viewUrl` (§4.6), with the API's credential, only on this portal's
   * own origin (a redirect too), at most `maxBytes`. Without a `viewUrl` the handler's documented address is used.
   */
  async download(file: FileDto, maxBytes: number): Promise<Result<Uint8Array>> {
    const url = file.viewUrl ?? `${this.#client.origin}/filehandler.ashx?action=download&fileid=${file.id}`
    const res = await this.#client.download(url, maxBytes)
    return res.ok ? ok(res.value.bytes) : res
  }

  /** `PUT file/{id}/share` (§3.3): `{share:[{shareTo,access}], notify, sharingMessage}`; answers the changed records. */
  async share(fileId: number, request: ShareRequest): Promise<Result<readonly FileShareDto[]>> {
    const id = checkedId(fileId)
    if (!id) return fail('input/invalid', 'not a file id')
    const json = {
      share: [{ shareTo: request.userId, access: request.access }],
      notify: request.notify,
      ...(request.message ? { sharingMessage: request.message.slice(0, MAX_NOTE_CHARS) } : {})
    }
    const res = await this.#client.request('PUT', `/files/file/${id}/share`, { json })
    return res.ok ? this.#records(res.value) : res
  }

  /** `GET file/{id}/share` (§3.3): the owner first, then every record. */
  async shares(fileId: number): Promise<Result<readonly FileShareDto[]>> {
    const id = checkedId(fileId)
    if (!id) return fail('input/invalid', 'not a file id')
    const res = await this.#client.request('GET', `/files/file/${id}/share`)
    return res.ok ? this.#records(res.value) : res
  }

  /**
   * `GET @share` (§3.3): the files shared with the signed-in person, page by page. An entry that is
   * not a file as §5.4 describes is left out, not trusted.
   */
  async sharedWithMe(): Promise<Result<readonly FileDto[]>> {
    const files: FileDto[] = []
    for (let page = 0; page < MAX_SHARE_PAGES; page++) {
      const res = await this.#client.request('GET', '/files/@share', { query: { startIndex: page * PAGE, count: PAGE, filterType: 1 } })
      if (!res.ok) return res
      const content = parse(folderContentDto, res.value.response, 'shared files')
      if (!content.ok) return content
      for (const raw of content.value.files) {
        const file = fileDto.safeParse(raw)
        if (file.success) files.push(file.data)
      }
      const total = content.value.total ?? res.value.total ?? 0
      if (content.value.files.length < PAGE || (page + 1) * PAGE >= total) break
    }
    return ok(files)
  }

  /** `DELETE share {fileIds, folderIds:[]}` (§3.3): removes files from the caller's own view (their record reads 3). */
  async removeShares(fileIds: readonly number[]): Promise<Result<void>> {
    if (!fileIds.every((id) => checkedId(id) !== undefined)) return fail('input/invalid', 'not a file id')
    const res = await this.#client.request('DELETE', '/files/share', { json: { fileIds, folderIds: [] } })
    return res.ok ? ok(undefined) : res
  }

  /**
   * `DELETE file/{id}` at once (§4.8), then `GET fileops?id=` until the operation finishes. Refusals
   * are a 403/404 up front from 3.7.1 and the operation's `error` before that; both are failures.
   */
  async deleteFile(fileId: number, options: DeleteOptions = {}): Promise<Result<void>> {
    const id = checkedId(fileId)
    if (!id) return fail('input/invalid', 'not a file id')
    const res = await this.#client.request('DELETE', `/files/file/${id}`, {
      query: { returnSingleOperation: 'true' },
      json: { deleteAfter: false, immediately: true }
    })
    if (!res.ok) return res
    let op = this.#operation(res.value.response)
    if (!op.ok) return op
    const polls = options.polls ?? 30
    for (let i = 0; !op.value.finished && i < polls; i++) {
      await new Promise((resolve) => setTimeout(resolve, options.pollDelayMs ?? 200))
      const next = await this.#client.request('GET', '/files/fileops', { query: { id: op.value.id } })
      if (!next.ok) return next
      // The list holds every operation of the caller: follow ours by id.
      const list = Array.isArray(next.value.response) ? next.value.response : [next.value.response]
      const wanted = op.value.id
      const mine = list.find((o) => fileOperationDto.safeParse(o).data?.id === wanted)
      if (mine === undefined) break
      op = this.#operation(mine)
      if (!op.ok) return op
    }
    if (op.value.error) return fail('portal/forbidden', 'the portal did not delete the file', { detail: op.value.error })
    return ok(undefined)
  }

  #operation(response: unknown): Result<FileOperationDto> {
    // The answer is a list of every delete of the caller, or ours alone with returnSingleOperation (3.7.1+): the first is ours.
    const first: unknown = Array.isArray(response) ? response[0] : response
    return parse(fileOperationDto, first, 'file operation')
  }

  #records(envelope: Envelope): Result<readonly FileShareDto[]> {
    if (!Array.isArray(envelope.response)) return unexpected('share records')
    const records: FileShareDto[] = []
    for (const raw of envelope.response) {
      const record = fileShareDto.safeParse(raw)
      if (record.success) records.push(record.data)
    }
    return ok(records)
  }
}

/** The person a share record is for (`sharedToUser`, or the obsolete `sharedTo`). */
export function recordUserId(record: FileShareDto): string | undefined {
  return record.sharedToUser?.id ?? record.sharedTo?.id
}
