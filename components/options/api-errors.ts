/** Turn any failure of a background call into text the rep can read, in the page's language. */
import { ApiError } from '../api';
import { pick } from '../i18n';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return pick(error.error);
  return pick({ zh: `出错了：${String((error as Error)?.message ?? error)}`, en: `Something went wrong: ${String((error as Error)?.message ?? error)}` });
}
