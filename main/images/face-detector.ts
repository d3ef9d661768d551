/**
 * The face detector port: what framing and the quality check need from a detector, in the pixels of
 * the image it was given. The adapter (human-face-detector.ts) is the only module that knows which
 * library does the work, as sharp lives behind prepare-photo.ts.
 */

export interface Point {
  readonly x: number
  readonly y: number
}

export interface PixelBox {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface DetectedFace {
  /** Around the face's landmarks, brow to chin and cheek to cheek (not the detector's loose box). */
  readonly box: PixelBox
  /** Centre of the person's right eye (on the image's left when the face is upright) and of their left eye. */
  readonly leftEye: Point
  readonly rightEye: Point
  /** The lowest point of the chin. */
  readonly chin: Point
  /** Degrees the eye line is turned clockwise from level (positive: the person's left eye is lower); near ±90 or 180 on a turned picture. */
  readonly rollDegrees: number
  /** 0..1: how sure the detector is that this is a face. */
  readonly score: number
}

/** 8-bit RGB pixels, row by row, as sharp's raw() gives them. */
export interface RgbImage {
  readonly data: Uint8Array
  readonly width: number
  readonly height: number
}

export type DetectResult = { readonly ok: true; readonly value: readonly DetectedFace[] } | { readonly ok: false; readonly error: { readonly reason: 'unavailable'; readonly detail: string } }

export interface FaceDetector {
  /** Faces in `image`'s pixels, largest first. Not safe to call concurrently: one detector per worker thread. */
  detect(image: RgbImage): Promise<DetectResult>
}

/** Roll of an eye line, in degrees clockwise (image y grows downwards). */
export function eyeLineRoll(leftEye: Point, rightEye: Point): number {
  return (Math.atan2(rightEye.y - leftEye.y, rightEye.x - leftEye.x) * 180) / Math.PI
}

export function eyeDistance(face: Pick<DetectedFace, 'leftEye' | 'rightEye'>): number {
  return Math.hypot(face.rightEye.x - face.leftEye.x, face.rightEye.y - face.leftEye.y)
}
