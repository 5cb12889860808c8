import { heldPassCoverage, usedTodayOnly, type VisitContext } from './coverage';
import type { HeldPass } from './model';

/**
 * Orders covering passes the way Nexudus consumes them (help.nexudus.com "passes usage", 2024):
 * a day pass already started today first (it costs nothing more), then UsePriority (High first),
 * day passes before time passes, cheaper first, plan passes before manually added ones, passes
 * linked to fewer locations first, more remaining minutes first; the oldest id breaks a tie.
 */
export function comparePasses(visit: VisitContext) {
  return (a: HeldPass, b: HeldPass): number => {
    const startedToday = Number(usedTodayOnly(b, visit)) - Number(usedTodayOnly(a, visit));
    if (startedToday !== 0) return startedToday;
    const priority = a.product.usePriority - b.product.usePriority;
    if (priority !== 0) return priority;
    const dayFirst = Number(a.product.minutesIncluded !== null) - Number(b.product.minutesIncluded !== null);
    if (dayFirst !== 0) return dayFirst;
    const cheaper = a.product.priceMinor - b.product.priceMinor;
    if (cheaper !== 0) return cheaper;
    const planFirst = Number(b.isFromTariff) - Number(a.isFromTariff);
    if (planFirst !== 0) return planFirst;
    const fewerLocations = a.product.businesses.length - b.product.businesses.length;
    if (fewerLocations !== 0) return fewerLocations;
    const moreMinutes = (b.remainingMinutes ?? 0) - (a.remainingMinutes ?? 0);
    if (moreMinutes !== 0) return moreMinutes;
    return a.id - b.id;
  };
}

/** The covering passes, best first. PAYG passes already issued are not reused for a new visit. */
export function coveringPasses(passes: readonly HeldPass[], visit: VisitContext): HeldPass[] {
  return passes.filter((p) => !p.isPayAsYouGo && heldPassCoverage(p, visit) === 'covers').sort(comparePasses(visit));
}

export function choosePass(passes: readonly HeldPass[], visit: VisitContext): HeldPass | undefined {
  return coveringPasses(passes, visit)[0];
}
