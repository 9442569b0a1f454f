/** "Teach this page": point at the chat's parts to build a site profile (issue 9; not built yet). */
import { pick } from '@/components/i18n';
import type { PageSession } from '../page-session';
import { showNotice } from '../notices';

export function startTeaching(session: PageSession): void {
  void session;
  showNotice('info', pick({ zh: '“教会此页面”尚未完成，请先使用通用模式。', en: '"Teach this page" is not ready yet; use generic mode.' }));
}
