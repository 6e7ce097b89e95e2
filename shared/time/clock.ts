// The one source of "now": code that needs the time takes a Clock, so tests can pin it.

/** Returns the current instant. Repositories and screens receive one; tests pass a fixed one. */
export type Clock = () => Date

/** The computer's clock. */
export const systemClock: Clock = () => new Date()

/** A clock that always says `at` (an ISO instant or a Date), for tests and replays. */
export function fixedClock(at: string | Date): Clock {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime()
  if (Number.isNaN(ms)) throw new RangeError(`Expected an instant, got ${JSON.stringify(at)}`)
  return () => new Date(ms)
}
