/**
 * The origin ("scheme://host[:port]") of a URL, or null when it has none.
 * `URL.origin` is "null" for non-special schemes such as `app:` in Node, so it is built by hand;
 * for http(s) the result is identical to `URL.origin` (default ports are already dropped).
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`.toLowerCase()
}

export function isTrustedUrl(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && trustedOrigins.includes(origin)
}
