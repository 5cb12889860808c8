import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { AdminLocationLookSchema, type AdminLocationLook, type LocationLookInput } from '../../../contract/location-looks';
import { useAdminI18n } from '../../lib/messages-admin';
import type { Language } from '../../lib/messages';
import { LocationSelect } from './location-select';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/screen';
import { adminKeys, locationsQuery } from './admin-api';
import { adminRequest } from './admin-session';
import { serverMessage } from './admin-text';

/** The section's words, loaded with the admin page (not with the tablet's first screen). */
const WORDS = {
  en: {
    title: 'How the tablet looks',
    intro:
      'A brand colour, a logo and a picture of the space for this location’s tablets. They show them at their next refresh (within 5 minutes) or when reloaded. The picture lies behind the start screen, under the brand’s deep tone so that its text stays readable.',
    colour: 'Brand colour',
    colourHex: 'Brand colour as #RRGGBB',
    logo: 'Logo address (https://…)',
    banner: 'Address of a picture of the space (https://…)',
    save: 'Save the look',
    reset: 'Use Tapdesk’s own look',
    saved: 'Saved.',
    uses: (colour: string, contrast: number) => `The tablet uses ${colour} (white text on it: ${contrast}:1).`,
    adjusted: (chosen: string, chosenContrast: number, colour: string, contrast: number) =>
      `${chosen} is too light for white text (${chosenContrast}:1; at least 4.5:1 is needed to read it), so the tablet uses ${colour}, the same colour darkened (${contrast}:1).`,
    none: 'This location uses Tapdesk’s own colours.',
  },
  de: {
    title: 'So sieht das Tablet aus',
    intro:
      'Eine Markenfarbe, ein Logo und ein Bild des Raums für die Tablets dieses Standorts. Sie zeigen sie bei der nächsten Aktualisierung (innerhalb von 5 Minuten) oder nach dem Neuladen. Das Bild liegt hinter dem Startbildschirm, unter dem dunklen Ton der Marke, damit die Schrift darauf lesbar bleibt.',
    colour: 'Markenfarbe',
    colourHex: 'Markenfarbe als #RRGGBB',
    logo: 'Adresse des Logos (https://…)',
    banner: 'Adresse eines Bilds des Raums (https://…)',
    save: 'Aussehen speichern',
    reset: 'Tapdesks eigenes Aussehen verwenden',
    saved: 'Gespeichert.',
    uses: (colour: string, contrast: number) => `Das Tablet verwendet ${colour} (weiße Schrift darauf: ${contrast}:1).`,
    adjusted: (chosen: string, chosenContrast: number, colour: string, contrast: number) =>
      `${chosen} ist für weiße Schrift zu hell (${chosenContrast}:1; mindestens 4,5:1 sind zum Lesen nötig), daher verwendet das Tablet ${colour}, dieselbe Farbe dunkler (${contrast}:1).`,
    none: 'Dieser Standort verwendet Tapdesks eigene Farben.',
  },
} satisfies Record<Language, unknown>;

type LookField = 'accent' | 'logoUrl' | 'bannerUrl';

const lookOf = (businessId: number) => adminRequest(`/admin/locations/${businessId}/look`, AdminLocationLookSchema);
const saveLook = ({ businessId, look }: { businessId: number; look: LocationLookInput }) =>
  adminRequest(`/admin/locations/${businessId}/look`, AdminLocationLookSchema, { method: 'PUT', body: look });

/** Staff give a location's tablets its brand colour, logo and picture, and see the colour the tablets will really use. */
export function LookSection() {
  const { t, language } = useAdminI18n();
  const w = WORDS[language];
  const client = useQueryClient();
  const locations = useQuery(locationsQuery());
  const [businessId, setBusinessId] = useState<number | null>(null);
  const chosen = businessId ?? locations.data?.[0]?.id ?? null;
  const current = useQuery({
    queryKey: [...adminKeys.all, 'look', chosen],
    queryFn: () => lookOf(chosen ?? 0),
    enabled: chosen !== null,
  });
  // The fields open with the location's saved look, set in the same render that enables them, so
  // it never overwrites what staff typed; choosing another location starts again from its own.
  const [form, setForm] = useState<({ for: number } & Record<LookField, string>) | null>(null);
  const loaded = current.data !== undefined && current.data.businessId === chosen ? current.data : undefined;
  if (loaded && form?.for !== loaded.businessId)
    setForm({ for: loaded.businessId, accent: loaded.accent ?? '', logoUrl: loaded.logoUrl ?? '', bannerUrl: loaded.bannerUrl ?? '' });
  const ready = loaded !== undefined && form?.for === loaded.businessId;
  const value = (field: LookField) => (ready ? (form?.[field] ?? '') : '');
  const accent = value('accent');
  const set = (field: LookField) => (text: string) => setForm((f) => f && { ...f, [field]: text });
  const setAccent = set('accent');
  const save = useMutation({
    mutationFn: saveLook,
    onSuccess: (look) => client.setQueryData([...adminKeys.all, 'look', look.businessId], look),
  });
  const ids = { select: useId(), colour: useId(), hex: useId(), logoUrl: useId(), bannerUrl: useId() };
  const submit = (look: LocationLookInput) => chosen !== null && save.mutate({ businessId: chosen, look });
  const shown: AdminLocationLook | undefined = save.data?.businessId === chosen ? save.data : current.data;

  return (
    <section aria-labelledby="look-heading" className="flex flex-col gap-4 rounded-2xl bg-white p-6 ring-1 ring-slate-200">
      <h2 id="look-heading" className="text-2xl font-bold">
        {w.title}
      </h2>
      <p>{w.intro}</p>
      <LocationSelect
        id={ids.select}
        label={t.admin.location}
        locations={locations.data}
        value={chosen}
        onChange={(id) => {
          save.reset();
          setBusinessId(id);
        }}
      />
      <div className="flex flex-wrap items-end gap-4">
        <Field id={ids.colour} label={w.colour}>
          <input
            id={ids.colour}
            type="color"
            value={/^#[0-9a-f]{6}$/i.test(accent) ? accent : '#145c5e'}
            onChange={(e) => setAccent(e.target.value)}
            disabled={!ready}
            className="h-14 w-24 rounded-xl border-2 border-slate-500"
          />
        </Field>
        <Field id={ids.hex} label={w.colourHex}>
          <input
            id={ids.hex}
            value={accent}
            onChange={(e) => setAccent(e.target.value.trim())}
            disabled={!ready}
            placeholder="#145C5E"
            className="min-h-14 rounded-xl border-2 border-slate-500 px-3 font-mono text-xl"
          />
        </Field>
      </div>
      {(['logoUrl', 'bannerUrl'] as const).map((field) => (
        <Field key={field} id={ids[field]} label={field === 'logoUrl' ? w.logo : w.banner}>
          <input
            id={ids[field]}
            type="url"
            value={value(field)}
            onChange={(e) => set(field)(e.target.value)}
            disabled={!ready}
            className="min-h-14 rounded-xl border-2 border-slate-500 px-3 text-xl"
          />
        </Field>
      ))}
      <div className="flex flex-wrap gap-4">
        <Button
          disabled={!ready || save.isPending}
          onClick={() =>
            submit({ accent: accent || null, logoUrl: value('logoUrl').trim() || null, bannerUrl: value('bannerUrl').trim() || null })
          }
        >
          {w.save}
        </Button>
        <Button
          variant="secondary"
          disabled={!ready || save.isPending}
          onClick={() => submit({ accent: null, logoUrl: null, bannerUrl: null })}
        >
          {w.reset}
        </Button>
      </div>
      {save.error ? <Notice tone="error">{serverMessage(save.error, t)}</Notice> : null}
      {shown ? <LookResult look={shown} saved={save.isSuccess} w={w} /> : null}
    </section>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor={id} className="text-lg font-semibold">
        {label}
      </label>
      {children}
    </div>
  );
}

function LookResult({ look, saved, w }: { look: AdminLocationLook; saved: boolean; w: (typeof WORDS)['en'] }) {
  const applied = look.applied;
  const text = !applied
    ? w.none
    : applied.adjusted
      ? w.adjusted(look.accent ?? '', applied.chosenContrast, applied.colour, applied.contrast)
      : w.uses(applied.colour, applied.contrast);
  return (
    <Notice tone={applied?.adjusted ? 'warn' : 'info'} title={saved ? w.saved : undefined}>
      <div className="flex items-center gap-4">
        {applied ? (
          <span
            aria-hidden="true"
            data-testid="look-swatch"
            className="inline-block size-12 shrink-0 rounded-xl ring-2 ring-slate-400"
            style={{ backgroundColor: applied.colour }}
          />
        ) : null}
        <p>{text}</p>
      </div>
    </Notice>
  );
}
