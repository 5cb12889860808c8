import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type * as z from 'zod/mini';
import { StaffSignInSchema, type AdminDevice } from '../../../contract/kiosk-api';
import { KioskApiError } from '../../lib/api-client';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { useZodForm } from '../../ui/use-zod-form';
import { adminKeys, createPairingCode, fetchDevices, fetchLocations, revokeDevice, signIn, signOut, staffToken } from './admin-api';

const message = (error: unknown) => (error instanceof KioskApiError ? error.message : error ? 'Something went wrong.' : null);
const ago = (iso: string | null) => (iso ? `${Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000))} min ago` : 'never');

function SignIn({ onSignedIn }: { onSignedIn: () => void }) {
  const form = useZodForm(StaffSignInSchema, { email: '', password: '' } satisfies z.input<typeof StaffSignInSchema>);
  const mutation = useMutation({
    mutationFn: (v: z.output<typeof StaffSignInSchema>) => signIn(v.email, v.password),
    onSuccess: onSignedIn,
  });
  return (
    <Screen title="Tapdesk admin — sign in">
      <p className="text-lg">Sign in with a Nexudus API user’s email and password.</p>
      <form noValidate className="flex max-w-lg flex-col gap-4" onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <TextField
          label="Email"
          type="email"
          autoComplete="username"
          error={form.formState.errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        {mutation.error ? <Notice tone="error">{message(mutation.error)}</Notice> : null}
        <Button type="submit" disabled={mutation.isPending}>
          Sign in
        </Button>
      </form>
    </Screen>
  );
}

function PairingCode() {
  const locations = useQuery({ queryKey: adminKeys.locations, queryFn: fetchLocations });
  const [businessId, setBusinessId] = useState<number | null>(null);
  const selectId = useId();
  const create = useMutation({ mutationFn: createPairingCode });
  const chosen = businessId ?? locations.data?.[0]?.id ?? null;
  return (
    <section aria-labelledby="pair-heading" className="flex flex-col gap-4 rounded-2xl bg-white p-6 ring-1 ring-slate-200">
      <h2 id="pair-heading" className="text-2xl font-bold">
        Pair a tablet
      </h2>
      <label htmlFor={selectId} className="text-lg font-semibold">
        Location
      </label>
      <select
        id={selectId}
        className="min-h-14 rounded-xl border-2 border-slate-500 px-3 text-xl"
        value={chosen ?? ''}
        onChange={(e) => setBusinessId(Number(e.target.value))}
      >
        {locations.data?.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <Button disabled={chosen === null || create.isPending} onClick={() => chosen !== null && create.mutate(chosen)}>
        Create pairing code
      </Button>
      {create.data ? (
        <Notice tone="success" title="Pairing code">
          <p className="font-mono text-4xl font-bold tracking-widest">{create.data.code}</p>
          <p>Enter it on the tablet within 10 minutes. It works once.</p>
        </Notice>
      ) : null}
      {create.error ? <Notice tone="error">{message(create.error)}</Notice> : null}
    </section>
  );
}

function DeviceRow({ device }: { device: AdminDevice }) {
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: (confirm: boolean) => revokeDevice(device.id, confirm),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.devices }),
    onError: (error) => error instanceof KioskApiError && error.code === 'IN_PROGRESS' && setConfirming(true),
  });
  return (
    <tr className="border-t border-slate-200 align-top">
      <td className="p-3 font-semibold">{device.name}</td>
      <td className="p-3">{device.location.name}</td>
      <td className="p-3">{ago(device.lastSeenAt)}</td>
      <td className="p-3">
        {device.outboxPending} pending{device.outboxOldestAt ? `, oldest ${ago(device.outboxOldestAt)}` : ''} · {device.outboxRejected}{' '}
        rejected
      </td>
      <td className="p-3">
        {device.revokedAt ? (
          'Unpaired'
        ) : confirming ? (
          <div className="flex flex-col gap-2">
            <p className="font-semibold text-danger-700">{message(revoke.error)}</p>
            <Button variant="danger" onClick={() => revoke.mutate(true)}>
              Unpair anyway
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => revoke.mutate(false)}>
            Unpair
          </Button>
        )}
      </td>
    </tr>
  );
}

function Devices() {
  const devices = useQuery({ queryKey: adminKeys.devices, queryFn: fetchDevices, refetchInterval: 15_000 });
  return (
    <section aria-labelledby="devices-heading" className="flex flex-col gap-4 rounded-2xl bg-white p-6 ring-1 ring-slate-200">
      <h2 id="devices-heading" className="text-2xl font-bold">
        Tablets
      </h2>
      {devices.data && devices.data.length === 0 ? <p>No tablets paired yet.</p> : null}
      {devices.data && devices.data.length > 0 ? (
        <table className="w-full text-left text-lg">
          <thead>
            <tr>
              <th className="p-3">Name</th>
              <th className="p-3">Location</th>
              <th className="p-3">Last seen</th>
              <th className="p-3">Outbox</th>
              <th className="p-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {devices.data.map((d) => (
              <DeviceRow key={d.id} device={d} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Staff: sign in, create pairing codes, and see each tablet's health. */
export function AdminPage() {
  const [signedIn, setSignedIn] = useState(() => staffToken() !== null);
  if (!signedIn) return <SignIn onSignedIn={() => setSignedIn(true)} />;
  return (
    <Screen
      title="Tapdesk admin"
      actions={
        <Button
          variant="secondary"
          onClick={() => {
            signOut();
            setSignedIn(false);
          }}
        >
          Sign out
        </Button>
      }
    >
      <PairingCode />
      <Devices />
    </Screen>
  );
}
