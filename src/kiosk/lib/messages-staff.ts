import { useI18n } from './i18n';
import type { Language } from './messages';

/**
 * The staff panel's words for a tablet without its server (the panel opened offline, who is in from
 * the tablet's copy), in every language, loaded with the panel rather than with the first screen.
 */
const staffEn = {
  openedOffline:
    'No connection: the PIN was checked on this tablet. Who is in comes from the tablet’s copy; the server’s connection to Nexudus and the lockouts are not known until the connection is back.',
  /** The tablet's own copy, when the server cannot answer: nothing answered, or the server could not say now. */
  offlineCopy: 'No connection — this is the tablet’s copy.',
  serverCopy: 'The server could not answer — this is the tablet’s copy.',
  membersAsOf: (time: string) => `Members as of ${time}, with the check-ins and check-outs made on this tablet since.`,
  visitorsAsOf: (time: string) => `Visitors as of ${time}, the last time this list was read online.`,
  visitorsUnknown: 'Visitors: not known offline — this list has not been read online today.',
  /** The outbox panel: what waits on this tablet. */
  outboxTitle: 'Waiting to send',
  outboxCounts: (pending: number, sending: number, rejected: number, oldest: string) =>
    `${pending} pending, ${sending} sending, ${rejected} rejected · oldest waiting ${oldest}`,
  outboxSendNow: 'Send now',
  outboxExport: 'Export as JSON',
  outboxClear: 'Clear',
  outboxWalkIn: 'Visitor registration',
  outboxMember: 'Member',
  outboxAction: 'Action',
  outboxTapped: 'Tapped',
  outboxState: 'State',
  outboxReason: 'Reason',
  outboxStates: { pending: 'Pending', sending: 'Sending', rejected: 'Rejected' },
  outboxUnknown: 'The offline outbox is starting…',
  unsentVisitors: (n: number) => `Includes ${n} walk-in${n === 1 ? '' : 's'} registered on this tablet and not sent yet.`,
};
export type StaffMessages = typeof staffEn;

const staffDe: StaffMessages = {
  openedOffline:
    'Keine Verbindung: Die PIN wurde auf diesem Tablet geprüft. Wer im Haus ist, kommt aus der Kopie des Tablets; die Verbindung des Servers zu Nexudus und die Sperren sind erst wieder bekannt, wenn die Verbindung zurück ist.',
  offlineCopy: 'Keine Verbindung — das ist die Kopie des Tablets.',
  serverCopy: 'Der Server konnte nicht antworten — das ist die Kopie des Tablets.',
  membersAsOf: (time) => `Mitglieder: Stand ${time}, dazu die Check-ins und Check-outs an diesem Tablet seitdem.`,
  visitorsAsOf: (time) => `Gäste: Stand ${time}, als die Liste zuletzt online gelesen wurde.`,
  visitorsUnknown: 'Gäste: offline nicht bekannt — die Liste wurde heute noch nicht online gelesen.',
  outboxTitle: 'Wartet auf Übertragung',
  outboxCounts: (pending, sending, rejected, oldest) =>
    `${pending} wartend, ${sending} in Übertragung, ${rejected} abgelehnt · ältester seit ${oldest}`,
  outboxSendNow: 'Jetzt senden',
  outboxExport: 'Als JSON exportieren',
  outboxClear: 'Entfernen',
  outboxWalkIn: 'Besucheranmeldung',
  outboxMember: 'Mitglied',
  outboxAction: 'Aktion',
  outboxTapped: 'Getippt',
  outboxState: 'Status',
  outboxReason: 'Grund',
  outboxStates: { pending: 'Wartend', sending: 'Wird gesendet', rejected: 'Abgelehnt' },
  outboxUnknown: 'Der Offline-Speicher startet…',
  unsentVisitors: (n) =>
    `Enthält ${n} ${n === 1 ? 'Gast, der' : 'Gäste, die'} an diesem Tablet angemeldet und noch nicht gesendet ${n === 1 ? 'wurde' : 'wurden'}.`,
};

const BY_LANGUAGE: Record<Language, StaffMessages> = { en: staffEn, de: staffDe };

export function useStaffMessages(): StaffMessages {
  return BY_LANGUAGE[useI18n().language];
}
