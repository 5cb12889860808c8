import type { DeviceInfo, Lockout } from '../../../contract/kiosk-api';
import { until } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { lockoutWhat } from '../../lib/lockout-text';

/** The guessing lockouts in force at this tablet's location, as they were when staff entered the PIN. */
export function LockoutList({ lockouts, location }: { lockouts: Lockout[]; location: DeviceInfo['location'] }) {
  const { t, locale } = useI18n();
  const now = new Date();
  return (
    <section aria-labelledby="lockouts-heading" className="flex flex-col gap-4">
      <h2 id="lockouts-heading" className="text-2xl font-bold">
        {t.lockoutsTitle}
      </h2>
      {lockouts.length === 0 ? (
        <p className="text-xl">{t.noLockouts}</p>
      ) : (
        <ul className="flex list-disc flex-col gap-2 pl-6 text-xl">
          {lockouts.map((lockout) => (
            <li key={lockout.id}>
              {t.lockedUntil(
                lockoutWhat(lockout, t, location.id),
                until(lockout.lockedUntil, now, locale, { timeZone: location.timeZone }),
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
