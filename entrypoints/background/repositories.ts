/**
 * The background's one write path: every write to the database goes through
 * these repositories (lib/data/), which announce it on the change bus.
 */
import { createBackupRepo } from '@/lib/data/backup-repo';
import { createFollowUpsRepo } from '@/lib/data/followups-repo';
import { createScriptsRepo } from '@/lib/data/scripts-repo';
import { createRiskOverridesRepo, createSettingsRepo, createSiteProfilesRepo, createUsageRepo } from '@/lib/data/small-repos';
import { database } from './database';
import { dataChanges } from './data-changes';

const emit = dataChanges.emit;

export const repos = {
  scripts: createScriptsRepo(database, emit),
  followUps: createFollowUpsRepo(database, emit),
  siteProfiles: createSiteProfilesRepo(database, emit),
  usage: createUsageRepo(database, emit),
  riskOverrides: createRiskOverridesRepo(database),
  settings: createSettingsRepo(database, emit),
  backup: createBackupRepo(database, emit),
};
