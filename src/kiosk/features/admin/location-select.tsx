import type { AdminLocation } from '../../../contract/kiosk-api';

/** The admin page's choice of location: a labelled select of the locations Nexudus lists. */
export function LocationSelect({
  id,
  label,
  locations,
  value,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  locations: AdminLocation[] | undefined;
  value: number | null;
  onChange: (businessId: number) => void;
  /** Shown (and chosen) while no location is: the select never seems to show one that is not. */
  placeholder?: string;
}) {
  return (
    <>
      <label htmlFor={id} className="text-lg font-semibold">
        {label}
      </label>
      <select
        id={id}
        className="min-h-14 rounded-xl border-2 border-slate-500 px-3 text-xl"
        value={value ?? ''}
        onChange={(e) => onChange(Number(e.target.value))}
      >
        {value === null && placeholder ? (
          <option value="" disabled>
            {placeholder}
          </option>
        ) : null}
        {locations?.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
    </>
  );
}
