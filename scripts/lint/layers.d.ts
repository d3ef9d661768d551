// Types for layers.js (plain JavaScript so eslint.config.js can load it without a TypeScript loader).
import type { ESLint } from 'eslint'

export interface Layer {
  readonly name: string
  readonly units: readonly string[]
  readonly apart?: boolean
}
export const LAYERS: readonly Layer[]
export function placeOf(path: string): { readonly index: number; readonly unit: string; readonly layer: Layer } | undefined
export function layerViolation(from: string, target: string): string | undefined
export const layersPlugin: ESLint.Plugin
