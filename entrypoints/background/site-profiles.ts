/** Taught site profiles: plain selector data per origin, stored in the extension's database. */
import { database } from './database';
import { handle } from './handle';
import { teamSiteProfileDeleted, teamSiteProfileSaved } from './team-sync';

export function registerSiteProfileHandlers(): void {
  handle('getSiteProfile', async (req) => (await database().siteProfiles.get(req.origin)) ?? null);
  handle('saveSiteProfile', async (profile) => {
    const saved = { ...profile, updatedAt: Date.now() };
    await database().siteProfiles.put(saved);
    teamSiteProfileSaved(saved);
    return saved;
  });
  handle('deleteSiteProfile', async (req) => {
    await database().siteProfiles.delete(req.origin);
    teamSiteProfileDeleted(req.origin);
    return null;
  });
}
