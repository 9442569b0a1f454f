/** User-facing sync messages, Simplified Chinese first. The service and the client both use these. */
export interface SyncMessage {
  zh: string;
  en: string;
}

export const SYNC_MESSAGES = {
  unauthorized: { zh: '登录已失效，请重新加入店铺。', en: 'Your sign-in is no longer valid; please join the shop again.' },
  token_expired: { zh: '登录已过期，请重新加入店铺。', en: 'Your sign-in has expired; please join the shop again.' },
  removed: {
    zh: '你已被移出该店铺，未同步的改动已保留在本机，可导出。',
    en: 'You were removed from this shop; unsent changes are kept on this device and can be exported.',
  },
  forbidden: {
    zh: '只有组长或编辑可以修改共享话术库，请提交修改建议。',
    en: 'Only the lead or an editor can change the shared library; please propose the change instead.',
  },
  lead_only: { zh: '只有组长可以执行此操作。', en: 'Only the lead can do this.' },
  invite_invalid: { zh: '邀请码无效，请向组长确认。', en: 'This invite code is not valid; check it with your lead.' },
  invite_expired: { zh: '邀请码已过期，请让组长重新生成。', en: 'This invite code has expired; ask your lead for a new one.' },
  invite_used: { zh: '邀请码已被使用，每个邀请码只能用一次。', en: 'This invite code has already been used; each code works once.' },
  bad_request: { zh: '请求格式不正确。', en: 'The request is malformed.' },
  too_large: { zh: '一次提交的内容过大，请分批同步。', en: 'The request is too large; sync in smaller batches.' },
  too_many_changes: { zh: '一次提交的改动过多，请分批同步。', en: 'Too many changes in one push; send them in batches.' },
  not_found: { zh: '找不到该条目，可能已被删除。', en: 'Item not found; it may have been deleted.' },
  conflict: { zh: '该条目已被他人修改，已保留你的版本供对比。', en: 'Someone else changed this item; your version was kept for comparison.' },
  claimed_by_other: { zh: '该跟进已被其他客服认领，请勿重复提醒买家。', en: 'Another rep has claimed this follow-up; do not remind the buyer twice.' },
  not_claimed: { zh: '请先认领该跟进（需在线确认）再联系买家。', en: 'Claim this follow-up first (confirmed online) before contacting the buyer.' },
  closed: { zh: '该跟进已结束，无需再联系。', en: 'This follow-up is closed; no contact needed.' },
  bad_transition: { zh: '跟进状态不能这样变更。', en: 'That status change is not allowed.' },
  duplicate_followup: { zh: '同一订单已有进行中的跟进，已合并。', en: 'An open follow-up for this order already exists; merged.' },
  offline: {
    zh: '当前离线：认领需要联网确认，离线时不能联系买家。',
    en: 'Offline: a claim needs the server to confirm it; do not contact the buyer while offline.',
  },
  server_unavailable: {
    zh: '同步服务暂时不可用，改动已保存在本机，恢复后自动同步。',
    en: 'The sync service is unavailable; changes are kept on this device and will sync when it is back.',
  },
  server_error: { zh: '同步服务出错，请稍后重试。', en: 'The sync service hit an error; try again later.' },
  bad_cursor: { zh: '同步进度无效，将从头同步。', en: 'The sync checkpoint is not valid; syncing from the start.' },
  invalid_row: { zh: '数据不完整或格式不对，未保存。', en: 'The data is incomplete or malformed and was not saved.' },
  not_member: { zh: '尚未加入任何店铺。', en: 'Not a member of any shop yet.' },
  invalid_text: {
    zh: '内容含有无法保存的字符（空字符或残缺的表情符号），这条改动未保存。',
    en: 'The content has characters that cannot be stored (a NUL or half of an emoji); this change was not saved.',
  },
  invalid_number: { zh: '数字无效或超出允许范围，这条改动未保存。', en: 'A number is not valid or out of range; this change was not saved.' },
  too_deep: { zh: '数据嵌套层级过深，这条改动未保存。', en: 'The data is nested too deeply; this change was not saved.' },
  invalid_url: {
    zh: '会话链接必须是 http:// 或 https:// 地址，这条改动未保存。',
    en: 'The conversation link must be an http:// or https:// address; this change was not saved.',
  },
  storage_failed: {
    zh: '同步服务无法保存这条改动，已跳过；其余改动照常同步。',
    en: 'The sync service could not store this change; it was skipped and your other changes synced as usual.',
  },
  change_id_reused: {
    zh: '这条改动的编号已被另一条不同的改动使用，未保存。',
    en: 'This change id was already used for a different change; it was not saved.',
  },
  quarantined: {
    zh: '同步服务多次无法接受这条改动，已将其暂存一旁（未同步）；其余改动照常同步。可查看后忽略。',
    en: 'The sync service repeatedly could not accept this change, so it was set aside (not synced); your other changes keep syncing. Review it, then dismiss it.',
  },
  rate_limited: { zh: '尝试过于频繁，请稍后再试。', en: 'Too many attempts; please wait a little and try again.' },
  last_lead: {
    zh: '你是店铺唯一的组长，不能退出或移除自己：店铺至少需要一位组长。',
    en: 'You are the shop’s only lead and cannot leave or remove yourself: a shop needs at least one lead.',
  },
  origin_not_allowed: { zh: '同步服务只接受话术扩展的请求。', en: 'The sync service only accepts requests from the Huashu extension.' },
  insecure_url: {
    zh: '同步服务地址必须以 https:// 开头（本机地址 localhost、127.0.0.1、::1 除外），否则登录凭据会以明文传输。',
    en: 'The sync service address must start with https:// (except this computer: localhost, 127.0.0.1, ::1); otherwise your sign-in travels in clear text.',
  },
} as const satisfies Record<string, SyncMessage>;

export type SyncMessageCode = keyof typeof SYNC_MESSAGES;

export function messageFor(code: string): SyncMessage {
  return (SYNC_MESSAGES as Record<string, SyncMessage>)[code] ?? SYNC_MESSAGES.server_error;
}
