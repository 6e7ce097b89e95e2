import { DomainError } from '../../model/domain-error'
import { deepFreeze } from '../deep-freeze'
import type { Policy } from '../policy'
import { FAW_VW_PRESET } from './faw-vw'
import { SVW_SKODA_PRESET } from './svw-skoda'

// The policies shipped with the app. A dealership clones one and edits its copy; presets never change in place.

const PRESETS: readonly Policy[] = [deepFreeze(FAW_VW_PRESET), deepFreeze(SVW_SKODA_PRESET)]

export interface PresetSummary {
  readonly id: string
  readonly name: string
}

export function listPresets(): readonly PresetSummary[] {
  return PRESETS.map((preset) => ({ id: preset.id, name: preset.name }))
}

/** The frozen preset; DomainError('POLICY_PRESET_UNKNOWN') when there is none by that id. */
export function getPreset(presetId: string): Policy {
  const preset = PRESETS.find((candidate) => candidate.id === presetId)
  if (!preset) {
    const known = PRESETS.map((p) => `“${p.name}”（${p.id}）`).join('、')
    throw new DomainError('POLICY_PRESET_UNKNOWN', `没有编号为“${presetId}”的预置制度，可选：${known}`, {
      presetId,
      known
    })
  }
  return preset
}
