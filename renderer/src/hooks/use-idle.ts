import { useEffect } from 'react'

const EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart'] as const

/** Calls `onIdle` once after `minutes` without keyboard or mouse input. */
export function useIdle(minutes: number, onIdle: () => void, enabled = true): void {
  useEffect(() => {
    if (!enabled || minutes <= 0) return
    let timer = setTimeout(onIdle, minutes * 60_000)
    const reset = () => {
      clearTimeout(timer)
      timer = setTimeout(onIdle, minutes * 60_000)
    }
    for (const name of EVENTS) window.addEventListener(name, reset, { passive: true })
    return () => {
      clearTimeout(timer)
      for (const name of EVENTS) window.removeEventListener(name, reset)
    }
  }, [minutes, onIdle, enabled])
}
