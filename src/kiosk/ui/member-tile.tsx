import type { DirectoryEntry } from '../../contract/kiosk-api';

const PALETTE = ['bg-brand-700', 'bg-indigo-700', 'bg-rose-700', 'bg-amber-800', 'bg-emerald-800', 'bg-sky-800'];

/** A large tile with the member's photo or initials, their name and company. */
export function MemberTile({ member, onSelect }: { member: DirectoryEntry; onSelect: (member: DirectoryEntry) => void }) {
  const colour = PALETTE[member.id % PALETTE.length];
  return (
    <button
      type="button"
      onClick={() => onSelect(member)}
      className="flex min-h-24 w-full items-center gap-4 rounded-2xl bg-white p-4 text-left shadow-sm ring-2 ring-slate-200 hover:ring-brand-700"
    >
      {member.photoUrl ? (
        <img src={member.photoUrl} alt="" className="size-16 shrink-0 rounded-full object-cover" />
      ) : (
        <span
          aria-hidden="true"
          className={`flex size-16 shrink-0 items-center justify-center rounded-full text-2xl font-bold text-white ${colour}`}
        >
          {member.initials}
        </span>
      )}
      <span className="flex min-w-0 flex-col">
        <span className="truncate text-2xl font-semibold text-slate-900">{member.displayName}</span>
        {member.company ? <span className="truncate text-lg text-slate-700">{member.company}</span> : null}
      </span>
    </button>
  );
}
