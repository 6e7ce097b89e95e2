import { domainErrorOfIpc } from '@shared/ipc/errors'

/**
 * The preload's bridge with every failure turned back into what it was in main: a refusal (a DomainError,
 * or an IPC_ code) keeps its code and details, so the screen words it as such, not as "unexpected".
 */
export function withRefusals<T extends object>(bridge: T): T {
  const rethrow = (error: unknown): never => {
    throw domainErrorOfIpc(error) ?? error
  }
  return new Proxy(bridge, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        try {
          const result: unknown = value.apply(target, args)
          return result instanceof Promise ? result.catch(rethrow) : result
        } catch (error) {
          return rethrow(error)
        }
      }
    }
  })
}
