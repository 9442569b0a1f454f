/** Risk overrides are logged (time, site, categories, a hash of the text, the reason) — never the draft itself. */
import { database } from './database';
import { handle } from './handle';

export function registerRiskHandlers(): void {
  handle('logRiskOverride', async (req) => {
    await database().riskOverrides.add({ id: crypto.randomUUID(), at: Date.now(), ...req });
    return null;
  });
}
