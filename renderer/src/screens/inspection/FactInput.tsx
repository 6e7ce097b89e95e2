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
          placeholder={definition.type === 'datetime' ? '年-月-日 时:分' : ''}
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
          <option value="">未录入</option>
          <option value="yes">是</option>
          <option value="no">否</option>
        </select>
      )
    case 'choice':
      return (
        <select
          name={name}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value || undefined)}
        >
          <option value="">未录入</option>
          {definition.options.map((o) => (
            <option key={o.code} value={o.code}>
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
              {o.label}
            </label>
          ))}
          {!definition.options?.length || definition.allowOther ? (
            <input
              name={`${name}.other`}
              placeholder="其它，用顿号分隔"
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
            {value === undefined ? '无（已核对）' : '清除'}
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
                  {slot.label}
                </label>
                {entry ? (
                  <input
                    className="time"
                    name={`${name}.${slot.role}.at`}
                    placeholder="签字时间"
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
