import type { Policy, PolicyChanges } from '@shared/policy'
import { issueDetails } from '@shared/validation'
import { getPreset, listPresets } from '@shared/policy'
import { clonePreset, revisePolicy } from '@shared/rules'
import { DomainError } from '@shared/model/domain-error'
import { newSyncMeta } from '@shared/model/sync-meta'
import type { CalendarOverride, WorkingCalendar } from '@shared/calendar'
import { calendarOverridesSchema, createWorkingCalendar } from '@shared/calendar'
import { calendarOverridesDocument } from '@shared/calendar/calendar-override'
import { type ActivePolicyRef, activePolicyDocument } from '@shared/policy/policy-document'
import { policyDocument } from '@shared/rules/policy-document'
import { deepFreeze } from '@shared/policy/deep-freeze'
import { SETTING_KEYS } from '@shared/settings/stored-settings'
import type { Policies, PolicySummary } from '../repositories'
import { actorOf } from '../session'
import type { ChedangDatabase } from './database'
import type { AccessGuard } from './access-guard'
import { writeSetting } from './dexie-settings'
import { cleanFreeText } from '@shared/validation/free-text'

const ACTIVE_KEY = SETTING_KEYS.activePolicy
const OVERRIDES_KEY = SETTING_KEYS.calendarOverrides
const SERVICE_DAYS_KEY = SETTING_KEYS.serviceDayOverrides
const rowId = (policyId: string, version: number) => `${policyId}@${version}`

/** The policy in force, the versions kept, and the dealership's calendar. */
export class DexiePolicies implements Policies {
  constructor(
    private readonly db: ChedangDatabase,
    private readonly guard: AccessGuard,
    private readonly now: () => Date = () => new Date()
  ) {}

  private async activeRef(): Promise<ActivePolicyRef | null> {
    const row = await this.db.settings.get(ACTIVE_KEY)
    return row ? activePolicyDocument.read(row.value) : null
  }

  // A policy version never changes once written, and validating one takes milliseconds: keep the last reading of each row.
  private readonly readings = new Map<string, { document: string; policy: Policy }>()

  async getVersion(policyId: string, version: number): Promise<Policy | undefined> {
    const row = await this.db.policies.get(rowId(policyId, version))
    if (!row) return undefined
    const kept = this.readings.get(row.id)
    if (kept?.document === row.document) return kept.policy
    const policy = deepFreeze(policyDocument.read(row.document))
    this.readings.set(row.id, { document: row.document, policy })
    return policy
  }

  /** The policy in force; the FAW-VW preset is installed as version 1 the first time one is needed. */
  async active(): Promise<Policy> {
    const ref = await this.activeRef()
    if (ref) {
      const policy = await this.getVersion(ref.policyId, ref.version)
      if (policy) return policy
    }
    return this.install(
      clonePreset('faw-vw', {
        id: 'dealer-policy',
        name: getPreset('faw-vw').name,
        createdAt: this.now().toISOString()
      }),
      '启用默认制度（一汽大众）'
    )
  }

  private async install(policy: Policy, summary: string): Promise<Policy> {
    const actor = actorOf(this.guard.session)
    const at = this.now().toISOString()
    const { db } = this
    await db.transaction('rw', [db.policies, db.settings, db.auditEvents, db.counters], async () => {
      await db.policies.put({
        ...newSyncMeta(rowId(policy.id, policy.version), actor, at),
        policyId: policy.id,
        version: policy.version,
        name: policy.name,
        document: policyDocument.write(policy)
      })
      await writeSetting(
        db,
        actor,
        ACTIVE_KEY,
        activePolicyDocument.write({ policyId: policy.id, version: policy.version }),
        {
          action: 'setting.change',
          changes: { policy: [null, `${policy.name} 第 ${policy.version} 版`] },
          summary
        },
        at
      )
    })
    return policy
  }

  async list(): Promise<PolicySummary[]> {
    const [rows, ref] = await Promise.all([this.db.policies.toArray(), this.activeRef()])
    return rows
      .map((row) => ({
        policyId: row.policyId,
        version: row.version,
        name: row.name,
        createdAt: row.createdAt,
        active: ref?.policyId === row.policyId && ref.version === row.version
      }))
      .sort((a, b) => b.version - a.version || a.name.localeCompare(b.name, 'zh-CN'))
  }

  presets() {
    return listPresets()
  }

  async adoptPreset(presetId: string, name: string): Promise<Policy> {
    await this.guard.require('policy.manage')
    const current = await this.activeRef()
    const version = current ? (await this.db.policies.where('policyId').equals(current.policyId).count()) + 1 : 1
    const base = clonePreset(presetId, {
      id: current?.policyId ?? 'dealer-policy',
      name: cleanFreeText(name) || getPreset(presetId).name,
      createdAt: this.now().toISOString()
    })
    return this.install({ ...base, version }, `改用制度：${base.name}`)
  }

  async revise(changes: PolicyChanges): Promise<Policy> {
    await this.guard.require('policy.manage')
    const next = revisePolicy(await this.active(), changes, this.now().toISOString())
    if (await this.db.policies.get(rowId(next.id, next.version)))
      throw new DomainError('POLICY_STALE', '制度已被他人修改，请刷新后再改')
    return this.install(next, `修改制度：${next.name} 第 ${next.version} 版`)
  }

  async calendarOverrides(): Promise<CalendarOverride[]> {
    const row = await this.db.settings.get(OVERRIDES_KEY)
    return row ? calendarOverridesDocument.read(row.value) : []
  }

  async calendar(): Promise<WorkingCalendar> {
    return createWorkingCalendar({
      overrides: await this.calendarOverrides(),
      serviceDayOverrides: await this.serviceDayOverrides()
    })
  }

  async serviceDayOverrides(): Promise<CalendarOverride[]> {
    const row = await this.db.settings.get(SERVICE_DAYS_KEY)
    return row ? calendarOverridesDocument.read(row.value) : []
  }

  async saveServiceDayOverrides(overrides: CalendarOverride[]): Promise<CalendarOverride[]> {
    return this.saveOverrides(SERVICE_DAYS_KEY, overrides, '修改本店服务日（服务部停业/营业日）')
  }

  async saveCalendarOverrides(overrides: CalendarOverride[]): Promise<CalendarOverride[]> {
    return this.saveOverrides(OVERRIDES_KEY, overrides, '修改本店工作日调整')
  }

  private async saveOverrides(
    key: string,
    overrides: CalendarOverride[],
    summary: string
  ): Promise<CalendarOverride[]> {
    await this.guard.require('policy.manage')
    const parsed = calendarOverridesSchema.safeParse(overrides)
    if (!parsed.success)
      throw new DomainError('CALENDAR_OVERRIDE_INVALID', parsed.error.issues[0]?.message ?? '日历调整有误', {
        field: 'overrides',
        ...(parsed.error.issues[0] ? issueDetails(parsed.error.issues[0]) : {})
      })
    const next = [...parsed.data].sort((a, b) => a.date.localeCompare(b.date))
    const actor = actorOf(this.guard.session)
    const at = this.now().toISOString()
    const before = key === OVERRIDES_KEY ? await this.calendarOverrides() : await this.serviceDayOverrides()
    const { db } = this
    await db.transaction('rw', [db.settings, db.auditEvents, db.counters], () =>
      writeSetting(
        db,
        actor,
        key,
        calendarOverridesDocument.write(next),
        { action: 'setting.change', changes: { [key]: [before.length, next.length] }, summary },
        at
      )
    )
    return next
  }
}
