import { useI18n } from './i18n';
import type { Language } from './messages';

/**
 * The words of a member's visit (their status, the pass or the PAYG charge, the result), in every
 * language, loaded with the visit's screens rather than with the first screen.
 */
const visitEn = {
  /** Beside the result's mark, large: the member's first name. */
  welcome: (name: string) => `Welcome, ${name}`,
  goodbye: (name: string) => `Goodbye, ${name}`,
  hello: (name: string) => `Hello, ${name}`,
  checkedInSince: (t: string) => `You are checked in since ${t}.`,
  notCheckedIn: 'You are not checked in.',
  withPass: (pass: string) => `with ${pass}`,
  todayUses: 'Today’s visit uses',
  dayPass: 'Day pass',
  timePass: 'Time pass',
  minutesLeft: (h: string) => `${h} left`,
  passesLeft: (n: number) => `${n} more left`,
  alreadyUsedToday: 'Already started today, no extra pass used',
  paygTitle: 'Pay As You Go applies',
  paygNoPass: 'You have no pass for today, so this visit will be charged.',
  paygHourly: (rate: string, step: string, minutes: number) => `${rate} per hour, charged in ${minutes}-minute steps of ${step}.`,
  paygCap: (cap: string) => `At most ${cap} today.`,
  paygMinimum: (min: string) => `At least ${min} a day.`,
  paygDay: (price: string) => `${price} for the day.`,
  paygAlreadyCharged: (amount: string) => `Already charged today: ${amount}.`,
  agreeToCharge: 'I agree to be charged',
  agreeRequired: 'Please agree to the charge to check in.',
  pinBeforeCharge: 'Enter your PIN to agree to the charge',
  checkInAndPay: 'Check in and agree to pay',
  noValidPass: 'You don’t have a valid pass for this location right now, and Pay As You Go is not available here.',
  seeFrontDesk: 'Please see the front desk to buy a pass.',
  inactive: 'Your account is not active. Please see the front desk.',
  checkedIn: (t: string) => `Checked in at ${t}`,
  checkedOut: (t: string) => `Checked out at ${t}`,
  closedAtCutoff: (t: string) => `Recorded as a visit that ended at ${t}.`,
  paygStarted: (rate: string) => `Pay As You Go started: ${rate} per hour`,
  paygStartedDay: (price: string) => `Pay As You Go: ${price} for the day`,
  paygTotalToday: (amount: string) => `Pay As You Go charged today: ${amount}`,
  queuedTitle: 'You’re checked in',
  queuedOutTitle: 'You’re checked out',
  queuedNote: 'We’ll send it to the front desk as soon as the connection is back.',
  refused: 'That didn’t work',
  offlineStatus: (age: string) => `Offline: based on this tablet’s copy from ${age} ago.`,
  undo: 'Undo — that wasn’t me',
  undone: 'Check-in undone. Nothing was recorded.',
};
export type VisitMessages = typeof visitEn;

const visitDe: VisitMessages = {
  welcome: (name) => `Willkommen, ${name}`,
  goodbye: (name) => `Auf Wiedersehen, ${name}`,
  hello: (name) => `Hallo, ${name}`,
  checkedInSince: (t) => `Sie sind seit ${t} eingecheckt.`,
  notCheckedIn: 'Sie sind nicht eingecheckt.',
  withPass: (pass) => `mit ${pass}`,
  todayUses: 'Heute genutzt wird',
  dayPass: 'Tagespass',
  timePass: 'Zeitpass',
  minutesLeft: (h) => `noch ${h}`,
  passesLeft: (n) => `noch ${n} weitere`,
  alreadyUsedToday: 'Heute schon begonnen, kein weiterer Pass',
  paygTitle: 'Pay As You Go wird berechnet',
  paygNoPass: 'Sie haben heute keinen Pass, daher wird dieser Besuch berechnet.',
  paygHourly: (rate, step, minutes) => `${rate} pro Stunde, abgerechnet in ${minutes}-Minuten-Schritten zu ${step}.`,
  paygCap: (cap) => `Höchstens ${cap} heute.`,
  paygMinimum: (min) => `Mindestens ${min} pro Tag.`,
  paygDay: (price) => `${price} für den Tag.`,
  paygAlreadyCharged: (amount) => `Heute bereits berechnet: ${amount}.`,
  agreeToCharge: 'Ich bin mit der Berechnung einverstanden',
  agreeRequired: 'Bitte stimmen Sie der Berechnung zu, um einzuchecken.',
  pinBeforeCharge: 'PIN eingeben, um der Berechnung zuzustimmen',
  checkInAndPay: 'Einchecken und Zahlung zustimmen',
  noValidPass: 'Sie haben für diesen Standort gerade keinen gültigen Pass, und Pay As You Go ist hier nicht verfügbar.',
  seeFrontDesk: 'Bitte wenden Sie sich an den Empfang, um einen Pass zu kaufen.',
  inactive: 'Ihr Konto ist nicht aktiv. Bitte wenden Sie sich an den Empfang.',
  checkedIn: (t) => `Eingecheckt um ${t}`,
  checkedOut: (t) => `Ausgecheckt um ${t}`,
  closedAtCutoff: (t) => `Als Besuch bis ${t} erfasst.`,
  paygStarted: (rate) => `Pay As You Go gestartet: ${rate} pro Stunde`,
  paygStartedDay: (price) => `Pay As You Go: ${price} für den Tag`,
  paygTotalToday: (amount) => `Pay As You Go heute berechnet: ${amount}`,
  queuedTitle: 'Sie sind eingecheckt',
  queuedOutTitle: 'Sie sind ausgecheckt',
  queuedNote: 'Wir übertragen es an den Empfang, sobald die Verbindung zurück ist.',
  refused: 'Das hat nicht geklappt',
  offlineStatus: (age) => `Offline: nach der Kopie dieses Tablets von vor ${age}.`,
  undo: 'Rückgängig — das war ich nicht',
  undone: 'Check-in rückgängig gemacht. Nichts wurde erfasst.',
};

const BY_LANGUAGE: Record<Language, VisitMessages> = { en: visitEn, de: visitDe };

export function useVisitMessages(): VisitMessages {
  return BY_LANGUAGE[useI18n().language];
}
