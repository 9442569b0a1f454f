/**
 * A follow-up's conversation link comes from a page, a backup file or a team
 * member, so it is opened only when it is an http(s) address on a chat origin
 * the extension runs on (built in, or granted by the rep). This returns the
 * permission pattern to check, or null when the link is not even http(s):
 * data:, file:, javascript: and chrome: links are never opened.
 */
export function chatOriginPattern(link: string | undefined): string | null {
  if (!link) return null;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return `${url.protocol}//${url.hostname}/*`;
}

/** Is this link an http(s) page on a chat origin the extension holds a host permission for? `hasOrigin` asks the browser. */
export async function isOpenableLink(link: string | undefined, hasOrigin: (pattern: string) => Promise<boolean>): Promise<boolean> {
  const pattern = chatOriginPattern(link);
  return pattern !== null && (await hasOrigin(pattern).catch(() => false));
}

export const LINK_REFUSED = {
  zh: '这条跟进的会话链接不是 话术 运行的聊天页面，已阻止打开。',
  en: 'This follow-up’s conversation link is not a chat page Huashu runs on, so it was not opened.',
} as const;
