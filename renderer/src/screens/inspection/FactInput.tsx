import { useTranslation } from 'react-i18next'
import type { FactDefinition } from '@shared/policy'
import type { FactValue, SignatureEntry } from '@shared/rules'
import { DateInput } from '../../components/DateInput'

interface Props {
  name: string
  definition: FactDefinition
  value: FactValue | undefined
  onChange: (value: FactValue | undefined) => void
}

/** One input per fact definition: what the checker reads off the paper, as the rules need it. */
export function FactInput({ name, definition, value, onChange }: Props) {
  const { t } = useTranslation()
  const text = (v: string) => onChange(v.trim() === '' ? undefined : v)
  switch (definition.type) {
    case 'date':
      return (
        <DateInput name={name} value={typeof value === 'string' ? value : ''} onChange={(e) => text(e.target.value)} />
      )
    case 'datetime':
    case 'text':
      return (
        <input
          name={name}
          value={typeof value === 'string' ? value : ''}
          placeholder={definition.type === 'datetime' ? t('inspection.facts.datetimePlaceholder') : ''}
          onChange={(e) => text(e.target.value)}
        />
      )
    case 'number':
      return (
        <span className="with-unit">
          <input
            name={name}
            inputMode="decimal"
            value={typeof value === 'number' ? String(value) : ''}
            onChange={(e) => onChange(e.target.value.trim() === '' ? undefined : Number(e.target.value))}
          />
          {definition.unit ? <span className="unit">{definition.unit}</span> : null}
        </span>
      )
    case 'boolean':
      return (
        <select
          name={name}
          value={value === true ? 'yes' : value === false ? 'no' : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value === 'yes')}
        >
          <option value="">{t('inspection.facts.notEntered')}</option>
          <option value="yes">{t('inspection.facts.yes')}</option>
          <option value="no">{t('inspection.facts.no')}</option>
        </select>
      )
    case 'choice':
      return (
        <select
          name={name}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">{t('inspection.facts.notEntered')}</option>
          {definition.options.map((o) => (
            <option key={o.code} value={o.code} lang="zh-CN">
              {o.label}
            </option>
          ))}
        </select>
      )
    case 'list': {
      const selected = Array.isArray(value) ? (value as string[]) : []
      const toggle = (code: string) =>
        onChange(selected.includes(code) ? selected.filter((c) => c !== code) : [...selected, code])
      return (
        <span className="checks">
          {(definition.options ?? []).map((o) => (
            <label key={o.code} className="check">
              <input
                type="checkbox"
                name={`${name}.${o.code}`}
                checked={selected.includes(o.code)}
                onChange={() => toggle(o.code)}
              />
              <span lang="zh-CN">{o.label}</span>
            </label>
          ))}
          {!definition.options?.length || definition.allowOther ? (
            <input
              name={`${name}.other`}
              placeholder={t('inspection.facts.otherItems')}
              value={selected.filter((c) => !(definition.options ?? []).some((o) => o.code === c)).join('、')}
              onChange={(e) =>
                onChange([
                  ...selected.filter((c) => (definition.options ?? []).some((o) => o.code === c)),
                  ...e.target.value
                    .split(/[、,，]/)
                    .map((s) => s.trim())
                    .filter(Boolean)
                ])
              }
            />
          ) : null}
          <button type="button" className="link-button" onClick={() => onChange(value === undefined ? [] : undefined)}>
            {value === undefined ? t('inspection.facts.noneChecked') : t('inspection.facts.clear')}
          </button>
        </span>
      )
    }
    case 'signatures': {
      const entries = Array.isArray(value) ? (value as SignatureEntry[]) : []
      const find = (role: string) => entries.find((e) => e.role === role)
      const set = (role: string, entry: SignatureEntry | null) =>
        onChange([...entries.filter((e) => e.role !== role), ...(entry ? [entry] : [])])
      return (
        <span className="signers">
          {definition.signers.map((slot) => {
            const entry = find(slot.role)
            return (
              <span key={slot.role} className="signer">
                <label className="check">
                  <input
                    type="checkbox"
                    name={`${name}.${slot.role}`}
                    checked={!!entry}
                    onChange={() => set(slot.role, entry ? null : { role: slot.role })}
                  />
                  <span lang="zh-CN">{slot.label}</span>
                </label>
                {entry ? (
                  <input
                    className="time"
                    name={`${name}.${slot.role}.at`}
                    placeholder={t('inspection.facts.signedAt')}
                    value={entry.signedAt ?? ''}
                    onChange={(e) =>
                      set(slot.role, { role: slot.role, ...(e.target.value ? { signedAt: e.target.value } : {}) })
                    }
                  />
                ) : null}
              </span>
            )
          })}
        </span>
      )
    }
    case 'measurements': {
      const readings =
        value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, number | null>) : {}
      return (
        <span className="measurements">
          {definition.positions.map((p) => (
            <label key={p.code} className="measure">
              {p.label}
              <input
                name={`${name}.${p.code}`}
                inputMode="decimal"
                value={readings[p.code] ?? ''}
                onChange={(e) =>
                  onChange({ ...readings, [p.code]: e.target.value === '' ? null : Number(e.target.value) })
                }
              />
            </label>
          ))}
          <span className="unit">{definition.unit}</span>
        </span>
      )
    }
  }
}
