import { notifyManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { onDeviceChange, readDevice } from '../lib/device-store';
import { I18nProvider } from '../lib/i18n';
import { Kiosk } from './kiosk';

const AdminPage = lazy(() => import('../features/admin/admin-page').then((m) => ({ default: m.AdminPage })));
// A host's page from the e-mail about their visitor: no device, no kiosk.
const HostAnswerPage = lazy(() => import('../features/host-answer/host-answer-page').then((m) => ({ default: m.HostAnswerPage })));
// First run only: pairing is not part of the kiosk's everyday first load.
const SetupScreen = lazy(() => import('../features/setup/setup-screen').then((m) => ({ default: m.SetupScreen })));

// TanStack batches its notifications to React in a setTimeout by default: a timer task between a
// tap's answer and the render of its result. A microtask still batches them, without the wait.
notifyManager.setScheduler(queueMicrotask);

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
  const path = window.location.pathname;
  const admin = path.startsWith('/admin');
  const hostAnswer = path === '/host-answer' || path.startsWith('/host-answer/');
  return (
    <QueryClientProvider client={client}>
      <I18nProvider>
        {admin || hostAnswer ? (
          <Suspense fallback={<p className="p-8 text-xl">Loading…</p>}>{admin ? <AdminPage /> : <HostAnswerPage />}</Suspense>
        ) : (
          <KioskRoot />
        )}
      </I18nProvider>
    </QueryClientProvider>
  );
}
