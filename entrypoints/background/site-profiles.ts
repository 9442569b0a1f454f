/** Taught site profiles: plain selector data per origin, stored in the extension's database. */
import { database } from './database';
import { handle, notYours, type Caller } from './handle';

/** A page may read and teach only its own origin's profile. */
function ownOrigin(caller: Caller, origin: string): string {
  if (caller.kind === 'page' && origin !== caller.origin) notYours();
  return origin;
}
import { dataChanges } from './data-changes';

export function registerSiteProfileHandlers(): void {
  handle('getSiteProfile', async (req, caller) => (await database().siteProfiles.get(ownOrigin(caller, req.origin))) ?? null);
  handle('saveSiteProfile', async (profile, caller) => {
    ownOrigin(caller, profile.origin);
    const saved = { ...profile, updatedAt: Date.now() };
    await database().siteProfiles.put(saved);
    dataChanges.emit({ table: 'siteProfiles', op: 'saved', row: saved, origin: 'local' });
    return saved;
  });
  handle('deleteSiteProfile', async (req, caller) => {
    ownOrigin(caller, req.origin);
    await database().siteProfiles.delete(req.origin);
    dataChanges.emit({ table: 'siteProfiles', op: 'deleted', key: req.origin, origin: 'local' });
    return null;
  });
}
