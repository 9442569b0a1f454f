/** Taught site profiles: plain selector data per origin, stored in the extension's database. */
import { database } from './database';
import { handle, notYours, type Caller } from './handle';

/** A page may read and teach only its own origin's profile. */
function ownOrigin(caller: Caller, origin: string): string {
  if (caller.kind === 'page' && origin !== caller.origin) notYours();
  return origin;
}
import { repos } from './repositories';

export function registerSiteProfileHandlers(): void {
  handle('getSiteProfile', async (req, caller) => (await database().siteProfiles.get(ownOrigin(caller, req.origin))) ?? null);
  handle('saveSiteProfile', async (profile, caller) => {
    ownOrigin(caller, profile.origin);
    const saved = { ...profile, updatedAt: Date.now() };
    await repos.siteProfiles.save(saved, 'local');
    return saved;
  });
  handle('deleteSiteProfile', async (req, caller) => {
    ownOrigin(caller, req.origin);
    await repos.siteProfiles.remove(req.origin, 'local');
    return null;
  });
}
