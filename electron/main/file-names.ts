const WINDOWS_FORBIDDEN = /[<>:"|?*\\/]/g
const CONTROL_CHARACTERS = /\p{Cc}/gu
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i

/**
 * Turns the renderer's suggested file name into one every OS accepts as a plain name
 * (it only pre-fills the save dialog; the user still chooses the final path).
 */
export function safeFileName(suggested: string): string {
  let name = suggested.replace(CONTROL_CHARACTERS, '').replace(WINDOWS_FORBIDDEN, '_')
  name = name.replace(/[. ]+$/u, '').trim()
  if (name === '' || /^\.+$/.test(name)) return '未命名'
  if (WINDOWS_RESERVED.test(name)) return `_${name}`
  return name
}
