/** Follow-ups due (built out with the follow-up feature). */
import { pick } from '../i18n';

export function FollowUpList() {
  return <p class="muted">{pick({ zh: '暂无待跟进事项。', en: 'Nothing due.' })}</p>;
}
