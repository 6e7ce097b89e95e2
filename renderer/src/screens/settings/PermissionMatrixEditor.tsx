import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Permission, PermissionMatrix } from '@shared/operators/permissions'
import { PERMISSIONS } from '@shared/operators/permissions'
import { ROLES } from '@shared/operators/roles'
import type { Role } from '@shared/operators/roles'
import { useRepositories } from '../../services/app-context'
import { errorMessage } from '../../components/error-message'

/** The permission matrix as a grid: roles down, permissions across; editable by whoever may manage it. */
export function PermissionMatrixEditor({ initial, editable }: { initial: PermissionMatrix; editable: boolean }) {
  const { t } = useTranslation()
  const { settings } = useRepositories()
  const [matrix, setMatrix] = useState<PermissionMatrix>(initial)
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)

  const toggle = (role: Role, permission: Permission) => {
    const has = matrix[role].includes(permission)
    setMatrix({ ...matrix, [role]: has ? matrix[role].filter((p) => p !== permission) : [...matrix[role], permission] })
  }
  const save = async () => {
    try {
      setMatrix(await settings.savePermissionMatrix(matrix))
      setStatus({ kind: 'ok', text: t('settings.permissionsSaved') })
    } catch (error) {
      setStatus({ kind: 'error', text: errorMessage(error) })
    }
  }

  return (
    <section className="card">
      <h2>{t('settings.permissions')}</h2>
      <p className="muted">{editable ? t('settings.permissionsHint') : t('settings.permissionsReadOnly')}</p>
      {status ? (
        <div className={`banner ${status.kind}`} role={status.kind === 'ok' ? 'status' : 'alert'}>
          {status.text}
        </div>
      ) : null}
      <div className="matrix-wrap">
        <table className="matrix">
          <thead>
            <tr>
              <th>{t('settings.role')}</th>
              {PERMISSIONS.map((p) => (
                <th key={p}>
                  <span>{t(`labels.permission.${p}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROLES.map((role) => (
              <tr key={role}>
                <th scope="row">{t(`labels.role.${role}`)}</th>
                {PERMISSIONS.map((p) => (
                  <td key={p}>
                    <input
                      type="checkbox"
                      aria-label={`${t('labels.labelled', { label: t(`labels.role.${role}`) })}${t(`labels.permission.${p}`)}`}
                      checked={matrix[role].includes(p)}
                      disabled={!editable}
                      onChange={() => toggle(role, p)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editable ? (
        <div className="form-actions">
          <button type="button" className="primary" onClick={save}>
            {t('settings.savePermissions')}
          </button>
        </div>
      ) : null}
    </section>
  )
}
