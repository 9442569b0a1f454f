/** Risk overrides are logged (time, site, categories, a hash of the text, the reason) — never the draft itself. */
import { repos } from './repositories';
import { handle, notYours } from './handle';
import { mayUseSite } from '@/lib/protocol/caller';

export function registerRiskHandlers(): void {
  handle('logRiskOverride', async (req, caller) => {
    if (!mayUseSite(caller, req.site)) notYours();
    await repos.riskOverrides.log({ id: crypto.randomUUID(), at: Date.now(), ...req });
    return null;
  });
}
