import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { onDeviceChange, readDevice } from '../lib/device-store';
import { I18nProvider } from '../lib/i18n';
import { Kiosk } from './kiosk';

const AdminPage = lazy(() => import('../features/admin/admin-page').then((m) => ({ default: m.AdminPage })));
// First run only: pairing is not part of the kiosk's everyday first load.
const SetupScreen = lazy(() => import('../features/setup/setup-screen').then((m) => ({ default: m.SetupScreen })));

export function createQueryClient() {
  return new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
}

function KioskRoot() {
  const stored = useSyncExternalStore(onDeviceChange, readDevice, () => null);
  return stored ? (
    <Kiosk device={stored.device} />
  ) : (
    <Suspense fallback={null}>
      <SetupScreen />
    </Suspense>
  );
}

export function App({ client: given }: { client?: QueryClient }) {
  const [client] = useState(() => given ?? createQueryClient());
  const admin = window.location.pathname.startsWith('/admin');
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        {admin ? (
          <Suspense fallback={<p className="p-8 text-xl">Loading…</p>}>
            <AdminPage />
          </Suspense>
        ) : (
          <KioskRoot />
        )}
      </I18nProvider>
    </QueryClientProvider>
  );
}
