import { useEffect, useMemo, useRef, useState } from 'react'
import type { KeyboardEvent } from 'react'
import { useLocation, useNavigate } from 'react-router-dom'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { VehicleFile } from '@shared/vehicle/vehicle-file'

import type { VehicleListOrder } from '@shared/vehicle/vehicle-list-order'
import { VEHICLE_LIST_ORDERS } from '@shared/vehicle/vehicle-list-order'
import { useRepositories } from '../../services/app-context'
import { ExportButton } from '../../components/ExportButton'
import { useVehicleRows } from './use-vehicle-rows'

const ROW_HEIGHT = 44
const SEARCH_LIMIT = 200
const FIRST_SCREEN = 100

interface ListState {
  ids: string[]
  preloaded: VehicleFile[]
  total: number
  truncated: boolean
  searched: string
}

function VinCell({ vin }: { vin: string }) {
  // Staff read the last 8 characters off the windscreen: make them stand out.
  return (
    <span className="vin">
      <span className="vin-head">{vin.slice(0, 9)}</span>
      <strong>{vin.slice(9)}</strong>
    </span>
  )
}

export function VehicleListScreen() {
  const { t } = useTranslation()
  const { vehicleFiles, exports } = useRepositories()
  const navigate = useNavigate()
  const location = useLocation()
  const [query, setQuery] = useState('')
  const [order, setOrder] = useState<VehicleListOrder>('newest')
  const [state, setState] = useState<ListState>({ ids: [], preloaded: [], total: 0, truncated: false, searched: '' })
  const [loaded, setLoaded] = useState(false)
  const [active, setActive] = useState(0)
  const searchRef = useRef<HTMLInputElement>(null)
  // A scanner types the VIN and presses Enter before the search has answered: remember the Enter.
  const enterPendingFor = useRef<string | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const { row, ensure } = useVehicleRows(vehicleFiles, state.ids, state.preloaded)

  useEffect(() => {
    searchRef.current?.focus()
  }, [location.state])

  useEffect(() => {
    let cancelled = false
    const text = query.trim()
    const timer = setTimeout(
      async () => {
        if (text === '') {
          // The newest screenful at once; the whole list (a second at 100 000 files) right after.
          const [first, total] = await Promise.all([vehicleFiles.listIds(FIRST_SCREEN, order), vehicleFiles.count()])
          if (cancelled) return
          setState({ ids: first, preloaded: [], total, truncated: false, searched: '' })
          setLoaded(true)
          if (first.length < total) {
            const ids = await vehicleFiles.listIds(undefined, order)
            if (!cancelled) setState({ ids, preloaded: [], total: ids.length, truncated: false, searched: '' })
          }
        } else {
          const result = await vehicleFiles.search(text, SEARCH_LIMIT)
          if (cancelled) return
          setState({
            ids: result.files.map((f) => f.id),
            preloaded: result.files,
            total: result.files.length,
            truncated: result.truncated,
            searched: text
          })
          if (enterPendingFor.current === text) {
            enterPendingFor.current = null
            if (result.files.length === 1) navigate(`/files/${result.files[0]!.id}`)
          }
        }
        if (!cancelled) {
          setActive(0)
          setLoaded(true)
        }
      },
      text === '' ? 0 : 120
    )
    return () => {
      cancelled = true
      clearTimeout(timer)
    }
  }, [query, order, vehicleFiles, navigate])

  const virtualizer = useVirtualizer({
    count: state.ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1
  useEffect(() => {
    if (last >= first) ensure(first, last)
  }, [first, last, ensure])

  const open = (index: number) => {
    const id = state.ids[index]
    if (id) navigate(`/files/${id}`)
  }

  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const next = Math.max(0, Math.min(state.ids.length - 1, active + (event.key === 'ArrowDown' ? 1 : -1)))
      setActive(next)
      virtualizer.scrollToIndex(next)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const text = query.trim()
      if (text !== '' && state.searched !== text) enterPendingFor.current = text
      else if (state.ids.length > 0) open(active)
    } else if (event.key === 'Escape') {
      setQuery('')
    }
  }

  const summary = useMemo(() => {
    if (!loaded) return ''
    if (state.searched === '') return t('list.total', { count: state.total })
    if (state.truncated) return t('list.truncated', { count: SEARCH_LIMIT })
    return t('list.matches', { count: state.total })
  }, [loaded, state, t])

  return (
    <section className="screen list-screen">
      <header className="screen-head">
        <h1>{t('list.title')}</h1>
        <div className="head-meta" data-testid="list-summary" data-query={state.searched}>
          {summary}
        </div>
        <div className="head-actions">
          <ExportButton
            label={t('exports.vehicleFiles')}
            permission="backup.export"
            run={() => exports.vehicleFiles()}
            testId="export-vehicle-files"
          />
        </div>
      </header>
      <div className="search-bar">
        <input
          ref={searchRef}
          className="search-input"
          type="search"
          aria-label={t('list.searchLabel')}
          placeholder={t('list.searchPlaceholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onSearchKey}
          autoComplete="off"
          spellCheck={false}
        />
        <label className="list-order">
          {t('list.orderLabel')}
          <select
            name="order"
            value={order}
            disabled={state.searched !== ''}
            onChange={(e) => setOrder(e.target.value as VehicleListOrder)}
          >
            {VEHICLE_LIST_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t(`list.orders.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="search-hint">{t('list.keyboardHint')}</span>
      </div>
      <div className="table" role="table" aria-label={t('list.title')}>
        <div className="table-head" role="row">
          <span role="columnheader">{t('list.columns.archiveNo')}</span>
          <span role="columnheader">{t('list.columns.vin')}</span>
          <span role="columnheader">{t('list.columns.plate')}</span>
          <span role="columnheader">{t('list.columns.owner')}</span>
          <span role="columnheader">{t('list.columns.phone')}</span>
          <span role="columnheader">{t('list.columns.vehicle')}</span>
          <span role="columnheader">{t('list.columns.origin')}</span>
          <span role="columnheader">{t('list.columns.location')}</span>
        </div>
        <div className="table-body" ref={scrollRef} data-testid="vehicle-rows">
          {loaded && state.ids.length === 0 ? (
            <div className="empty">
              {state.searched ? t('list.noMatch', { query: state.searched }) : t('list.empty')}
            </div>
          ) : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const id = state.ids[item.index]!
              const file = row(id)
              return (
                <div
                  key={id}
                  role="row"
                  className={`table-row${item.index === active ? ' active' : ''}`}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`
                  }}
                  onClick={() => open(item.index)}
                  onMouseEnter={() => setActive(item.index)}
                  data-testid="vehicle-row"
                >
                  {file ? (
                    <>
                      <span role="cell" className="mono">
                        {file.archiveNo}
                        {file.secrecy !== 'ordinary' ? (
                          <span className={`secrecy ${file.secrecy}`}>{t(`labels.secrecy.${file.secrecy}`)}</span>
                        ) : null}
                      </span>
                      <span role="cell">
                        <VinCell vin={file.vin} />
                      </span>
                      <span role="cell" className="plate" lang="zh-CN">
                        {file.plate ?? '—'}
                      </span>
                      <span role="cell" lang="zh-CN">
                        {file.ownerName}
                      </span>
                      <span role="cell" className="mono">
                        {file.ownerPhone}
                      </span>
                      <span role="cell" lang="zh-CN">
                        {[file.series, file.model].filter(Boolean).join(' ')}
                      </span>
                      <span role="cell">{t(`origin.${file.origin}`)}</span>
                      <span role="cell" className="mono">
                        {[file.cabinet, file.shelf, file.box].filter(Boolean).join('-') || '—'}
                      </span>
                    </>
                  ) : (
                    <span role="cell" className="loading-cell">
                      …
                    </span>
                  )}
                </div>
              )
            })}
          </div>
        </div>
      </div>
    </section>
  )
}
