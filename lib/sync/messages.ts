/** User-facing sync messages, Simplified Chinese first. The service and the client both use these. */
export interface SyncMessage {
  zh: string;
  en: string;
}

export const SYNC_MESSAGES = {
  unauthorized: { zh: '登录已失效，请重新加入店铺。', en: 'Your sign-in is no longer valid; please join the shop again.' },
  token_expired: { zh: '登录已过期，请重新加入店铺。', en: 'Your sign-in has expired; please join the shop again.' },
  removed: { zh: '你已被移出该店铺，未同步的改动已保留在本机，可导出。', en: 'You were removed from this shop; unsent changes are kept on this device and can be exported.' },
  forbidden: { zh: '只有组长或编辑可以修改共享话术库，请提交修改建议。', en: 'Only the lead or an editor can change the shared library; please propose the change instead.' },
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
  offline: { zh: '当前离线：认领需要联网确认，离线时不能联系买家。', en: 'Offline: a claim needs the server to confirm it; do not contact the buyer while offline.' },
  server_unavailable: { zh: '同步服务暂时不可用，改动已保存在本机，恢复后自动同步。', en: 'The sync service is unavailable; changes are kept on this device and will sync when it is back.' },
  server_error: { zh: '同步服务出错，请稍后重试。', en: 'The sync service hit an error; try again later.' },
  bad_cursor: { zh: '同步进度无效，将从头同步。', en: 'The sync checkpoint is not valid; syncing from the start.' },
  invalid_row: { zh: '数据不完整或格式不对，未保存。', en: 'The data is incomplete or malformed and was not saved.' },
  not_member: { zh: '尚未加入任何店铺。', en: 'Not a member of any shop yet.' },
} as const satisfies Record<string, SyncMessage>;

export type SyncMessageCode = keyof typeof SYNC_MESSAGES;

export function messageFor(code: string): SyncMessage {
  return (SYNC_MESSAGES as Record<string, SyncMessage>)[code] ?? SYNC_MESSAGES.server_error;
}
