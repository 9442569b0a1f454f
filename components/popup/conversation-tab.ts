/** Open a follow-up's conversation: focus a tab already at that URL, else open one. */
import { browser } from 'wxt/browser';
import { isOpenableLink, LINK_REFUSED } from '@/lib/followups/conversation-link';
import { ApiError } from '@/components/api';

const withoutHash = (url: string) => url.split('#')[0];

export async function openConversation(url: string): Promise<void> {
  if (!(await isOpenableLink(url, (origin) => browser.permissions.contains({ origins: [origin] })))) throw new ApiError({ code: 'forbidden', ...LINK_REFUSED });
  const tabs = await browser.tabs.query({}).catch(() => []);
  const open = tabs.find((t) => t.url && withoutHash(t.url) === withoutHash(url));
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url });
}
