// Version modes: which server behaviours a configured DocSpace version reproduces (CONTRACT.md §2, §6, §9:
// before 3.6.0 admins write others' photos, from 3.6.0 photo writes are self-only, from 3.7.1 the new
// upload binding, the photo visibility rule and PUT's URL checks apply).

export interface VersionRules {
  readonly version: string
  /**
   * < 3.6.0: admins (and the owner) may write other people's photos, with the §2.2 exceptions (not
   * the owner's photo unless you are the owner, no upload for another admin unless you are the owner,
   * no delete for terminated people).
   */
  readonly legacyAdminWrites: boolean
  /** 3.5.0 only, within legacy: DELETE on a Terminated target gives 403 (commit eba9a82313). */
  readonly deleteRejectsTerminated: boolean
  /** < 3.6.0: photo routes treat a non-GUID userid as the caller (`@self` works). */
  readonly nonGuidIsCaller: boolean
  /** >= 3.7.1: upload binds `File` + optional `Autosave` (IFormFile DTO) instead of IFormCollection. */
  readonly modernUploadBinding: boolean
  /** >= 3.7.1: CanUserViewAnotherUserAsync on GET photo and profile reads. */
  readonly visibilityRule: boolean
  /** >= 3.7.1: PUT-from-URL validation (SSRF blacklist, no redirects, status and size checks). */
  readonly putUrlChecks: boolean
  /** < 3.7.1: the owner also has isAdmin:true. */
  readonly ownerIsAdmin: boolean
  /** <= 3.6.1: EmployeeDto carries `title`; EmployeeFullDto carries birthday/sex/workFrom. */
  readonly legacyProfileFields: boolean
  /** >= 3.2.1: count is [Range(1,100)] with default 100; earlier 1000 and clamped. */
  readonly strictCount: boolean
  /** < 3.1.0: /settings/version/build also returns communityServer. */
  readonly communityServer: boolean
  /** < 3.0.0: EmployeeType value 2 is named User and 4 Collaborator. */
  readonly legacyTypeNames: boolean
  /** >= 3.1.0: API keys exist. */
  readonly apiKeys: boolean
  /** >= 3.6.0: FileDto `dimensions`, entry `sharedBy`/`ownedBy`, pathParts `folderType`, AiRoom (CONTRACT-ROOMS §7). */
  readonly filesV36: boolean
  /** >= 3.7.0: My-documents shares drop guests the sharer is not related to. */
  readonly shareDropsUnrelatedGuests: boolean
  /** >= 3.7.1: room invitations drop invitees the caller cannot view. */
  readonly inviteDropsInvisible: boolean
  /** >= 3.7.1: delete refusals are synchronous 403/404, `returnSingleOperation` and operation `status` exist. */
  readonly syncDeleteChecks: boolean
}

/** Parses "3.7.2", "3.7.2.1234" or "v3.6" leniently into comparable numbers. */
export function parseVersion(text: string): number[] {
  const parts = text.trim().replace(/^v/i, '').split(/[.\-+]/)
  const numbers: number[] = []
  for (const part of parts.slice(0, 4)) {
    const n = Number.parseInt(part, 10)
    if (Number.isNaN(n)) break
    numbers.push(n)
  }
  if (numbers.length === 0) throw new Error(`Not a version: "${text}"`)
  return numbers
}

export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a)
  const y = parseVersion(b)
  for (let i = 0; i < 4; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0)
    if (d !== 0) return d
  }
  return 0
}

export function versionRules(version: string): VersionRules {
  const atLeast = (v: string): boolean => compareVersions(version, v) >= 0
  const legacy = !atLeast('3.6.0')
  return {
    version,
    legacyAdminWrites: legacy,
    deleteRejectsTerminated: legacy && atLeast('3.5.0'),
    nonGuidIsCaller: legacy,
    modernUploadBinding: atLeast('3.7.1'),
    visibilityRule: atLeast('3.7.1'),
    putUrlChecks: atLeast('3.7.1'),
    ownerIsAdmin: !atLeast('3.7.1'),
    legacyProfileFields: !atLeast('3.7.0'),
    strictCount: atLeast('3.2.1'),
    communityServer: !atLeast('3.1.0'),
    legacyTypeNames: !atLeast('3.0.0'),
    apiKeys: atLeast('3.1.0'),
    filesV36: atLeast('3.6.0'),
    shareDropsUnrelatedGuests: atLeast('3.7.0'),
    inviteDropsInvisible: atLeast('3.7.1'),
    syncDeleteChecks: atLeast('3.7.1')
  }
}
