import type { DirectoryEntry } from '../../contract/kiosk-api';
import { Avatar } from './avatar';

/** A large tile with the member's photo or initials, their name and company. */
export function MemberTile({ member, onSelect }: { member: DirectoryEntry; onSelect: (member: DirectoryEntry) => void }) {
  return (
    <button
      type="button"
      onClick={() => onSelect(member)}
      className="flex min-h-24 w-full items-center gap-4 rounded-2xl bg-white p-4 text-left shadow-sm ring-2 ring-slate-200 hover:ring-brand-700"
    >
      <Avatar id={member.id} photoUrl={member.photoUrl} initials={member.initials} />
      <span className="flex min-w-0 flex-col">
        <span className="truncate text-2xl font-semibold text-slate-900">{member.displayName}</span>
        {member.company ? <span className="truncate text-lg text-slate-700">{member.company}</span> : null}
      </span>
    </button>
  );
}
