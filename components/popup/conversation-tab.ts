/** Open a follow-up's conversation: focus a tab already at that URL, else open one. */
import { browser } from 'wxt/browser';
import { chatOriginPattern, LINK_REFUSED } from '@/lib/followups/conversation-link';
import { ApiError } from '@/components/api';

/** Is this link an http(s) page on a chat origin Huashu runs on (built in or granted)? */
export async function isOpenableConversation(url: string | undefined): Promise<boolean> {
  const pattern = chatOriginPattern(url);
  return pattern !== null && (await browser.permissions.contains({ origins: [pattern] }).catch(() => false));
}

const withoutHash = (url: string) => url.split('#')[0];

export async function openConversation(url: string): Promise<void> {
  if (!(await isOpenableConversation(url))) throw new ApiError({ code: 'forbidden', ...LINK_REFUSED });
  const tabs = await browser.tabs.query({}).catch(() => []);
  const open = tabs.find((t) => t.url && withoutHash(t.url) === withoutHash(url));
  if (open?.id !== undefined) {
    await browser.tabs.update(open.id, { active: true });
    if (open.windowId !== undefined) await browser.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  await browser.tabs.create({ url });
}
