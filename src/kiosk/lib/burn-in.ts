/**
 * Where a resting screen's content sits this minute, so that nothing stays lit on the same pixels
 * all day (burn-in on the OLED and cheap LCD panels of reception tablets). By the clock, not by
 * a timer: the same minute always gives the same place (screenshots compare), and a jump once a
 * minute is not motion (no animation, whatever the member's motion setting).
 */
export function minuteStep<T>(now: Date, steps: readonly T[]): T {
  return steps[Math.floor(now.getTime() / 60_000) % steps.length] as T;
}

/** A few pixels around the centre, a step round an ellipse each minute: the attract screen moves without looking as if it moved. */
export const nudge = (now: Date): [number, number] => {
  const turn = (Math.floor(now.getTime() / 60_000) % 8) * (Math.PI / 4);
  return [Math.round(10 * Math.cos(turn)), Math.round(6 * Math.sin(turn))];
};
