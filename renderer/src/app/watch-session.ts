import { isDomainError } from '@shared/model/domain-error'
import type { DomainError } from '@shared/model/domain-error'
import type { Repositories } from '../data/repositories'

/** The refusals that end what the operator is doing on every screen, not just the one that asked. */
export const SESSION_REFUSALS = ['SESSION_ENDED', 'PASSWORD_CHANGE_REQUIRED'] as const

export type SessionRefusal = DomainError & { code: (typeof SESSION_REFUSALS)[number] }

export function isSessionRefusal(error: unknown): error is SessionRefusal {
  return isDomainError(error) && (SESSION_REFUSALS as readonly string[]).includes(error.code)
}

/**
 * The same repositories, telling `onRefusal` when the data layer says the session no longer stands
 * (account disabled, role changed, password to be changed). Root then closes the app, so that call is
 * left unanswered rather than shown as one screen's error; every other result passes through unchanged.
 */
export function watchSession(repositories: Repositories, onRefusal: (error: SessionRefusal) => void): Repositories {
  const wrapped = new WeakMap<object, object>()
  const watch = <T extends object>(target: T): T => {
    const known = wrapped.get(target)
    if (known) return known as T
    const proxy = new Proxy(target, {
      get(object, key, receiver) {
        const value: unknown = Reflect.get(object, key, receiver)
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            const result: unknown = (value as (...a: unknown[]) => unknown).apply(object, args)
            if (!(result instanceof Promise)) return result
            return result.catch((error: unknown) => {
              if (!isSessionRefusal(error)) throw error
              onRefusal(error)
              // The app is being closed: no screen answers this call with a refusal of its own.
              return new Promise<never>(() => undefined)
            })
          }
        }
        if (value && typeof value === 'object' && key !== 'operator') return watch(value)
        return value
      }
    })
    wrapped.set(target, proxy)
    return proxy
  }
  return watch(repositories)
}
