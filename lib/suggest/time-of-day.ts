/**
 * Greetings written for a time of day (早间开场, 夜间问候…) should not come
 * first at the wrong hour. The hint is read from the script's title; shop time
 * is China time (UTC+8, no daylight saving).
 */
const SLOTS: Array<{ words: RegExp; from: number; to: number }> = [
  { words: /早间|早上|早安|上午/, from: 5, to: 11 },
  { words: /午间|中午/, from: 11, to: 14 },
  { words: /夜间|晚间|晚上|晚安|深夜/, from: 18, to: 5 },
];

export function chinaHour(now: number): number {
  return new Date(now + 8 * 3_600_000).getUTCHours();
}

/** 1 when the script fits the hour (or names none), a small penalty factor when it is for another time. */
export function timeOfDayFit(title: string, now: number): number {
  const slot = SLOTS.find((s) => s.words.test(title));
  if (!slot) return 1;
  const h = chinaHour(now);
  const inSlot = slot.from < slot.to ? h >= slot.from && h < slot.to : h >= slot.from || h < slot.to;
  return inSlot ? 1.02 : 0.9;
}
