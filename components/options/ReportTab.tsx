/**
 * Slot for the follow-up report (built by the follow-ups feature): this file
 * is the place to render it; until then it says what will be here.
 */
import { pick } from '../i18n';

export function ReportTab() {
  return (
    <section class="report card" data-huashu="report-tab">
      <h2>{pick({ zh: '跟进报表', en: 'Follow-up report' })}</h2>
      <p class="muted">{pick({ zh: '催付、差评回访、售后回访的完成情况和转化统计将显示在这里。', en: 'Completion and conversion of payment reminders, review recovery and revisits will appear here.' })}</p>
    </section>
  );
}
