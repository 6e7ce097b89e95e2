import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Region } from './region-data'
import { loadRegions } from './region-data'

export interface RegionValue {
  provinceCode: string
  provinceName: string
  cityCode: string
  cityName: string
  countyCode: string
  countyName: string
}

interface Props {
  value: RegionValue
  onChange: (value: RegionValue) => void
  errors: Partial<Record<'provinceCode' | 'cityCode' | 'countyCode', string>>
}

/** Province → city → county, each list narrowed by the one before. */
export function RegionSelect({ value, onChange, errors }: Props) {
  const { t } = useTranslation()
  const [regions, setRegions] = useState<Region[] | null>(null)
  useEffect(() => {
    void loadRegions().then(setRegions)
  }, [])

  const province = regions?.find((p) => p.code === value.provinceCode)
  const city = province?.children?.find((c) => c.code === value.cityCode)
  const select = (level: 'province' | 'city' | 'county', code: string) => {
    if (level === 'province') {
      const p = regions?.find((r) => r.code === code)
      // Municipalities have one "city" (市辖区): pick it so the county list appears at once.
      const only = p?.children?.length === 1 ? p.children[0] : undefined
      onChange({
        provinceCode: code,
        provinceName: p?.name ?? '',
        cityCode: only?.code ?? '',
        cityName: only?.name ?? '',
        countyCode: '',
        countyName: ''
      })
    } else if (level === 'city') {
      const c = province?.children?.find((r) => r.code === code)
      onChange({ ...value, cityCode: code, cityName: c?.name ?? '', countyCode: '', countyName: '' })
    } else {
      const k = city?.children?.find((r) => r.code === code)
      onChange({ ...value, countyCode: code, countyName: k?.name ?? '' })
    }
  }

  const levels = [
    {
      key: 'province' as const,
      label: t('form.fields.province'),
      code: value.provinceCode,
      options: regions ?? [],
      error: errors.provinceCode
    },
    {
      key: 'city' as const,
      label: t('form.fields.city'),
      code: value.cityCode,
      options: province?.children ?? [],
      error: errors.cityCode
    },
    {
      key: 'county' as const,
      label: t('form.fields.county'),
      code: value.countyCode,
      options: city?.children ?? [],
      error: errors.countyCode
    }
  ]
  return (
    <>
      {levels.map((level) => (
        <label key={level.key} className={`field${level.error ? ' has-error' : ''}`}>
          <span className="field-label">{level.label}</span>
          <select
            name={`${level.key}Code`}
            value={level.code}
            disabled={!regions || (level.key !== 'province' && level.options.length === 0)}
            onChange={(e) => select(level.key, e.target.value)}
            aria-invalid={level.error ? true : undefined}
          >
            <option value="">{regions ? t('form.placeholders.select') : t('form.regionsLoading')}</option>
            {level.options.map((r) => (
              <option key={r.code} value={r.code} lang="zh-CN">
                {r.name}
              </option>
            ))}
          </select>
          {level.error ? (
            <span className="field-error" role="alert">
              {level.error}
            </span>
          ) : null}
        </label>
      ))}
    </>
  )
}
