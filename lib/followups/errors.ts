/**
 * Typed follow-up errors the UI can show as-is ({zh, en}) and the background
 * can send over messaging (toJSON). Storage failures are mapped here so the
 * rep is told "storage is full" instead of seeing a raw DOMException.
 */
export type FollowUpErrorCode = 'quota' | 'storage' | 'invalid_input' | 'invalid_amount' | 'past_deadline' | 'not_found' | 'bad_transition' | 'conflict';

export interface FollowUpErrorData {
  code: FollowUpErrorCode;
  zh: string;
  en: string;
  field?: string;
}

export class FollowUpError extends Error implements FollowUpErrorData {
  readonly code: FollowUpErrorCode;
  readonly zh: string;
  readonly en: string;
  readonly field?: string;

  constructor(data: FollowUpErrorData, cause?: unknown) {
    super(data.en, cause === undefined ? undefined : { cause });
    this.name = 'FollowUpError';
    this.code = data.code;
    this.zh = data.zh;
    this.en = data.en;
    if (data.field !== undefined) this.field = data.field;
  }

  toJSON(): FollowUpErrorData {
    return { code: this.code, zh: this.zh, en: this.en, ...(this.field !== undefined ? { field: this.field } : {}) };
  }
}

function namesOf(err: unknown): string[] {
  const names: string[] = [];
  let cur: unknown = err;
  // Dexie wraps the DOMException (inner); a transaction abort may carry it as cause.
  for (let depth = 0; depth < 4 && cur && typeof cur === 'object'; depth++) {
    const e = cur as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    cur = e.inner ?? e.cause;
  }
  return names;
}

export function isQuotaError(err: unknown): boolean {
  return namesOf(err).includes('QuotaExceededError');
}

/** Any error from a storage call → FollowUpError (ours pass through unchanged). */
export function mapStorageError(err: unknown): FollowUpError {
  if (err instanceof FollowUpError) return err;
  if (isQuotaError(err))
    return new FollowUpError(
      {
        code: 'quota',
        zh: '浏览器存储空间已满，本次跟进未保存（已保存的记录不受影响）。请导出并清理旧的跟进记录后重试。',
        en: 'Browser storage is full, so this follow-up was not saved (saved items are unaffected). Export and clear old follow-ups, then try again.',
      },
      err,
    );
  return new FollowUpError({ code: 'storage', zh: '保存跟进记录时出错，请重试。', en: 'Could not save the follow-up. Please try again.' }, err);
}
