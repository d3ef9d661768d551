/**
 * The face detector, @vladmandic/human 3.3.6 on TensorFlow.js's WASM backend. Why this one: its
 * weights ship inside the npm package (BlazeFace + the 468-point face mesh, MIT), it needs no native
 * build and downloads nothing at install or run time, and on WASM it finds faces in a 1024 px picture
 * in well under 100 ms on Node 20. Alternatives measured: @vladmandic/face-api (SSD MobileNet) was
 * tighter but about 600 ms; MediaPipe's packaged models did not load in Node; tfjs-node downloads
 * its binary at install. We frame from the mesh's eye corners and chin, because the detector's own
 * box is 1.5-2x the face.
 *
 * Caveats handled here: the package's `exports` keys lack "./", so its Node WASM build is loaded by
 * path; TensorFlow's HTTP loader cannot read file:// (Node's fetch refuses it), so a small load router
 * reads the model files from disk; the frame cache is off, or a batch of photos would be answered from
 * the previous photo's result.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL, fileURLToPath } from 'node:url'
import { eyeLineRoll, type DetectedFace, type DetectResult, type FaceDetector, type Point, type RgbImage } from './face-detector'

// Face-mesh landmark indices (MediaPipe's canonical mesh): eye corners and the chin.
const IMAGE_LEFT_EYE = [33, 133] as const
const IMAGE_RIGHT_EYE = [362, 263] as const
const CHIN = 152
/**
 * Tuned on the test photos: real faces scored 0.69-0.87 as boxes and 0.49-1 as meshes; a rocket's
 * exhaust plume scored 0.39 as a box (and 0.95 as a mesh, so the box score is the one to trust).
 */
const MIN_BOX_SCORE = 0.5
const MIN_SCORE = 0.4

/* The slice of Human's API this adapter uses (its bundled types pull in all of TensorFlow.js). */
interface Tensor {
  dispose(): void
}
interface HumanFace {
  readonly score: number
  readonly mesh: readonly (readonly number[])[]
}
interface IoHandler {
  load(): Promise<unknown>
}
interface HumanInstance {
  load(): Promise<void>
  detect(input: Tensor): Promise<{ readonly face: readonly HumanFace[] }>
  readonly tf: {
    tensor3d(data: Uint8Array, shape: [number, number, number], dtype: 'int32'): Tensor
    readonly io: {
      registerLoadRouter(router: (url: string | string[]) => IoHandler | null): void
      getModelArtifactsForJSON(json: unknown, loadWeights: (manifest: readonly { paths: readonly string[] }[]) => Promise<[unknown, ArrayBuffer]>): Promise<unknown>
    }
  }
}
type HumanConstructor = new (config: Record<string, unknown>) => HumanInstance

interface PackagePaths {
  readonly humanBuild: string
  readonly modelsDir: string
  readonly wasmDir: string
}

function packagePaths(): PackagePaths {
  const require = createRequire(import.meta.url)
  // require.resolve('@vladmandic/human') gives dist/human.node.js (its "exports" has no "./package.json").
  const humanRoot = join(dirname(require.resolve('@vladmandic/human')), '..')
  const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist')
  return { humanBuild: join(humanRoot, 'dist', 'human.node-wasm.js'), modelsDir: join(humanRoot, 'models'), wasmDir }
}

/** Reads a TensorFlow.js graph model (model.json + weight shards) from a file:// URL. */
function fileModelRouter(tf: HumanInstance['tf']) {
  return (url: string | string[]): IoHandler | null => {
    const first = Array.isArray(url) ? url[0] : url
    if (typeof first !== 'string' || !first.startsWith('file://')) return null
    const jsonPath = fileURLToPath(first)
    return {
      async load() {
        const json = JSON.parse(await readFile(jsonPath, 'utf8')) as unknown
        return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
          const specs: unknown[] = []
          const buffers: Buffer[] = []
          for (const group of manifest as readonly { paths: readonly string[]; weights: readonly unknown[] }[]) {
            specs.push(...group.weights)
            for (const p of group.paths) buffers.push(await readFile(join(dirname(jsonPath), p)))
          }
          const all = Buffer.concat(buffers)
          return [specs, all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer]
        })
      }
    }
  }
}

function humanConfig(paths: PackagePaths): Record<string, unknown> {
  return {
    backend: 'wasm',
    wasmPath: `${pathToFileURL(paths.wasmDir).href}/`.replace(/^file:\/\//, ''),
    modelBasePath: `${pathToFileURL(paths.modelsDir).href}/`,
    debug: false,
    // The frame cache compares each input with the last one and may return the previous result.
    cacheSensitivity: 0,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { rotation: true, maxDetected: 20, minConfidence: MIN_BOX_SCORE, return: false },
      mesh: { enabled: true },
      iris: { enabled: false },
      description: { enabled: false },
      emotion: { enabled: false },
      antispoof: { enabled: false },
      liveness: { enabled: false }
    },
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false }
  }
}

function meanOf(mesh: HumanFace['mesh'], indices: readonly number[]): Point {
  let x = 0
  let y = 0
  for (const i of indices) {
    x += mesh[i]?.[0] ?? 0
    y += mesh[i]?.[1] ?? 0
  }
  return { x: x / indices.length, y: y / indices.length }
}

function toFace(face: HumanFace): DetectedFace | null {
  const { mesh } = face
  if (mesh.length < 468) return null
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const [x = 0, y = 0] of mesh) {
    minX = Math.min(minX, x)
    minY = Math.min(minY, y)
    maxX = Math.max(maxX, x)
    maxY = Math.max(maxY, y)
  }
  // The person's right eye is on the image's left when the face is upright; kept in that order on a
  // turned picture too, so the eye line's angle says which way the face is turned.
  const leftEye = meanOf(mesh, IMAGE_LEFT_EYE)
  const rightEye = meanOf(mesh, IMAGE_RIGHT_EYE)
  const chin = meanOf(mesh, [CHIN])
  return {
    box: { x: minX, y: minY, width: maxX - minX, height: maxY - minY },
    leftEye,
    rightEye,
    chin,
    rollDegrees: eyeLineRoll(leftEye, rightEye),
    score: face.score
  }
}

export interface HumanFaceDetectorOptions {
  /** Override the package locations (tests of a packaged layout); found through Node's resolution by default. */
  readonly paths?: PackagePaths
}

/** Loads the models on first use; a second call waits for the same load. */
export function createHumanFaceDetector(options: HumanFaceDetectorOptions = {}): FaceDetector {
  let ready: Promise<HumanInstance | Error> | undefined

  async function load(): Promise<HumanInstance | Error> {
    try {
      const paths = options.paths ?? packagePaths()
      const require = createRequire(import.meta.url)
      const { Human } = require(paths.humanBuild) as { Human: HumanConstructor }
      const human = new Human(humanConfig(paths))
      human.tf.io.registerLoadRouter(fileModelRouter(human.tf))
      await human.load()
      return human
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error))
    }
  }

  return {
    async detect(image: RgbImage): Promise<DetectResult> {
      ready ??= load()
      const human = await ready
      if (human instanceof Error) return { ok: false, error: { reason: 'unavailable', detail: human.message } }
      const tensor = human.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32')
      try {
        const result = await human.detect(tensor)
        const faces = result.face.filter((f) => f.score >= MIN_SCORE).flatMap((f) => toFace(f) ?? [])
        return { ok: true, value: faces.sort((p, q) => q.box.width * q.box.height - p.box.width * p.box.height) }
      } finally {
        tensor.dispose()
      }
    }
  }
}
