// Policies are values: a version, once made, never changes, so it is frozen all the way down.

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}

/** A deep, unfrozen copy of plain policy data (JSON-shaped: no dates, functions or undefined values kept). */
export function copyPolicyData<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T
}
