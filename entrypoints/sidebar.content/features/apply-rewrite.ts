/** Apply a risk finding's rewrite to the draft through the same insertion chain the page's framework sees. */
import { replaceRange } from '@/lib/insert/replace-range';
import type { RiskFinding } from '@/lib/types';
import { t } from '@/components/i18n';
import type { PageSession } from '../page-session';
import { showNotice } from '../notices';

export async function applyFindingRewrite(session: PageSession, finding: RiskFinding): Promise<boolean> {
  const box = session.composeBox();
  if (!box || finding.rewrite === undefined) {
    showNotice('error', t('noComposeBox'));
    return false;
  }
  const result = await replaceRange(box, finding.start, finding.end, finding.rewrite);
  if (!result.ok) showNotice('error', t('copiedInstead'));
  return result.ok;
}
