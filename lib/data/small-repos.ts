/**
 * Writes to the small tables: taught site profiles, usage events, risk
 * overrides, settings. Each write is announced once, with its origin.
 */
import type { HuashuDB } from '../db/schema';
import type { Settings } from '../settings';
import type { RiskOverride, SiteProfile, UsageEvent } from '../types';
import type { ChangeOrigin } from './data-change';
import type { Emit } from './scripts-repo';
import { readSettingsFrom, writeSettingsTo } from './settings-rows';

export function createSiteProfilesRepo(db: () => HuashuDB, emit: Emit) {
  return {
    async save(profile: SiteProfile, origin: ChangeOrigin): Promise<void> {
      await db().siteProfiles.put(profile);
      emit({ table: 'siteProfiles', op: 'saved', row: profile, origin });
    },
    async remove(key: string, origin: ChangeOrigin): Promise<void> {
      await db().siteProfiles.delete(key);
      emit({ table: 'siteProfiles', op: 'deleted', key, origin });
    },
  };
}

export function createUsageRepo(db: () => HuashuDB, emit: Emit) {
  return {
    async record(event: UsageEvent, origin: ChangeOrigin): Promise<void> {
      await db().usage.add(event);
      emit({ table: 'usage', op: 'recorded', row: event, origin });
    },
  };
}

/** Risk overrides are a local audit log (a hash of the draft, never the text): nobody reacts to them. */
export function createRiskOverridesRepo(db: () => HuashuDB) {
  return {
    async log(row: RiskOverride): Promise<void> {
      await db().riskOverrides.add(row);
    },
  };
}

export function createSettingsRepo(db: () => HuashuDB, emit: Emit) {
  return {
    async update(patch: Partial<Settings>, origin: ChangeOrigin): Promise<Settings> {
      const before = await readSettingsFrom(db());
      const after = await writeSettingsTo(db(), patch);
      emit({ table: 'settings', op: 'saved', before, after, origin });
      return after;
    },
  };
}
