import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { PERMISSION_LABELS } from '@shared/operators/permissions'
import { ChedangDatabase } from '../../data/dexie/database'
import { zhCN } from '../../i18n/zh-CN'

// The Chinese UI shows no internal identifiers: every table the integrity check counts and every field an
// audit event records is read under a Chinese label.
describe('labels for what the system screen and the audit trail show', () => {
  it('names every database table in Chinese on the 系统检查 screen', async () => {
    const db = new ChedangDatabase('table-labels')
    await db.open()
    const labels = zhCN.system.tables as Record<string, string>
    const unlabelled = db.tables.map((t) => t.name).filter((name) => !labels[name])
    db.close()
    expect(unlabelled).toEqual([])
  })

  it('names every recorded change field of handovers, inspections and backups in Chinese', () => {
    const fields = { ...zhCN.form.fields, ...zhCN.audit.fields } as Record<string, string>
    for (const key of [
      'handover',
      'archive',
      'documents',
      'missingNote',
      'status',
      'round',
      'items',
      'lines',
      'input',
      'manual',
      'correctionDueAt',
      'tables',
      'permission'
    ]) {
      expect(fields[key], key).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(PERMISSION_LABELS['settings.manage']).toMatch(/[\u4e00-\u9fff]/)
  })
})
