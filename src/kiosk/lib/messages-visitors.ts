import type { HostAnswer } from '../../contract/visitors-api';
import { useI18n } from './i18n';
import type { Language } from './messages';

/**
 * The visitor screens' and the host page's words, in every language, loaded with those screens
 * (not with the first screen): a member's visit never downloads them.
 */
const visitorsEn = {
  /** Visitors at the desk: an expected visitor's code, or a walk-in waiting for their host's answer. */
  visitor: {
    startTitle: 'Welcome, visitor',
    startIntro:
      "Have a visitor code from your invitation? Use it to check in or out. No code? Register as a walk-in and we'll let your host know you're here.",
    haveCode: 'I have a visitor code',
    walkIn: 'Register as a walk-in',
    codeTitle: 'Your visitor code',
    codeIntro: 'Type the 6-digit code from your invitation, or scan it.',
    codeLabel: 'Visitor code',
    codeFormat: 'The visitor code is 6 digits.',
    unknownCode: "We couldn't find that visitor code.",
    welcome: (name: string) => `Welcome, ${name} — you're checked in`,
    goodbye: (name: string) => `Goodbye, ${name} — you're checked out`,
    hostKnows: (host: string) => `${host} knows you're here.`,
    thanksForVisiting: 'Thank you for visiting.',
    walkInTitle: 'Register as a walk-in',
    walkInIntro: "Tell us who you are and who you're visiting.",
    fullName: 'Full name',
    email: 'Email',
    company: 'Company (optional)',
    host: 'Who are you visiting?',
    hostHint: 'Type their name, then choose them.',
    hostChoices: 'People with that name',
    hostCount: (n: number) => (n === 0 ? 'No one found' : `${n} ${n === 1 ? 'person' : 'people'} found`),
    hostNoMatches: 'No one found. Check the spelling, or see reception.',
    hostTypeMore: 'More people match: type more of their name.',
    visiting: "You're visiting",
    change: 'Change',
    changeHost: "Change who you're visiting",
    termsTitle: 'Visitor terms',
    defaultTerms:
      'While you are here, please follow the directions of staff and your host. Your name, email and company are recorded for the safety of everyone in the building and shared with the person you are visiting.',
    acceptTerms: 'I accept the visitor terms',
    submit: "Let them know I'm here",
    sending: 'Sending…',
    fullNameRequired: 'Please enter your full name.',
    emailInvalid: 'Please enter an email address such as name@example.com.',
    tooLong: (n: number) => `Use at most ${n} characters.`,
    chooseHost: "Choose who you're visiting.",
    acceptTermsRequired: 'Please accept the visitor terms to continue.',
    notSent: 'We could not register you. Please check your details, or see reception.',
    inProgress: 'Your registration is still being sent. One moment…',
    unreachable: 'We could not send your registration. Please try again or see reception.',
    /** Said when the host's first name is not known. */
    yourHost: 'Your host',
    thanks: (name: string) => `Thank you, ${name}`,
    told: (host: string) => `We've told ${host} you're here`,
    staffWillTell: (host: string) => `Reception will let ${host} know.`,
    takeASeat: (host: string) => `Please take a seat. This screen will tell you when ${host} answers.`,
    queued: (host: string) => `We'll tell ${host} you're here as soon as the connection is back`,
    queuedDetail: 'Your registration is saved on this tablet. If you are in a hurry, please ask at reception.',
    collect: (host: string) => `${host} is on the way to collect you`,
    collectNote: 'Please wait here.',
    desk: (host: string) => `Go up to ${host}'s desk`,
    declined: 'Please see reception',
    checkedIn: (host: string) => `You're checked in. ${host} knows you're here`,
    noAnswer: (host: string) => `${host} hasn't answered yet`,
    receptionCanSee: 'Reception can see your request. Please ask at reception.',
  },
  /** The page a host opens from the e-mail about their visitor. */
  hostAnswer: {
    title: 'Your visitor',
    checking: 'Checking your link…',
    atReception: (visitor: string, location: string) => `${visitor} is at reception in ${location}`,
    confirmNote: 'Nothing is sent until you press the button.',
    answers: {
      collect: "Approve, I'll collect them",
      desk: 'Approve, send them to my desk',
      decline: 'Decline',
    } satisfies Record<HostAnswer, string>,
    done: {
      collect: (visitor: string) => `Done: ${visitor} will be told to wait for you`,
      desk: (visitor: string) => `Done: ${visitor} will be told to come up to your desk`,
      decline: (visitor: string) => `Done: ${visitor} will be told to see reception`,
    } satisfies Record<HostAnswer, (visitor: string) => string>,
    alreadyAnswered: 'This visitor has already been answered.',
    expired: 'This link has expired. Please call reception.',
    invalid: 'This link is not valid.',
    failed: 'Something went wrong. Please try again, or call reception.',
    tryAgain: 'Try again',
  },
};
export type VisitorMessages = typeof visitorsEn;

const visitorsDe: VisitorMessages = {
  visitor: {
    startTitle: 'Willkommen als Gast',
    startIntro:
      'Haben Sie einen Besuchercode aus Ihrer Einladung? Damit checken Sie ein oder aus. Ohne Code melden Sie sich ohne Einladung an, und wir sagen Ihrem Gastgeber Bescheid.',
    haveCode: 'Ich habe einen Besuchercode',
    walkIn: 'Ohne Einladung anmelden',
    codeTitle: 'Ihr Besuchercode',
    codeIntro: 'Geben Sie den 6-stelligen Code aus Ihrer Einladung ein oder scannen Sie ihn.',
    codeLabel: 'Besuchercode',
    codeFormat: 'Der Besuchercode hat 6 Ziffern.',
    unknownCode: 'Diesen Besuchercode konnten wir nicht finden.',
    welcome: (name) => `Willkommen, ${name} — Sie sind eingecheckt`,
    goodbye: (name) => `Auf Wiedersehen, ${name} — Sie sind ausgecheckt`,
    hostKnows: (host) => `${host} weiß, dass Sie da sind.`,
    thanksForVisiting: 'Vielen Dank für Ihren Besuch.',
    walkInTitle: 'Ohne Einladung anmelden',
    walkInIntro: 'Sagen Sie uns, wer Sie sind und wen Sie besuchen.',
    fullName: 'Vollständiger Name',
    email: 'E-Mail',
    company: 'Firma (optional)',
    host: 'Wen besuchen Sie?',
    hostHint: 'Namen eingeben, dann die Person auswählen.',
    hostChoices: 'Personen mit diesem Namen',
    hostCount: (n) => (n === 0 ? 'Niemand gefunden' : `${n} ${n === 1 ? 'Person' : 'Personen'} gefunden`),
    hostNoMatches: 'Niemand gefunden. Bitte die Schreibweise prüfen oder an den Empfang wenden.',
    hostTypeMore: 'Es passen weitere Personen: Geben Sie mehr vom Namen ein.',
    visiting: 'Sie besuchen',
    change: 'Ändern',
    changeHost: 'Ändern, wen Sie besuchen',
    termsTitle: 'Besucherbedingungen',
    defaultTerms:
      'Bitte folgen Sie während Ihres Besuchs den Anweisungen des Personals und Ihres Gastgebers. Ihr Name, Ihre E-Mail-Adresse und Ihre Firma werden zur Sicherheit aller im Gebäude erfasst und an die Person weitergegeben, die Sie besuchen.',
    acceptTerms: 'Ich akzeptiere die Besucherbedingungen',
    submit: 'Bescheid geben, dass ich da bin',
    sending: 'Wird gesendet…',
    fullNameRequired: 'Bitte geben Sie Ihren vollständigen Namen ein.',
    emailInvalid: 'Bitte geben Sie eine E-Mail-Adresse wie name@example.com ein.',
    tooLong: (n) => `Höchstens ${n} Zeichen.`,
    chooseHost: 'Bitte wählen Sie aus, wen Sie besuchen.',
    acceptTermsRequired: 'Bitte akzeptieren Sie die Besucherbedingungen, um fortzufahren.',
    notSent: 'Wir konnten Sie nicht anmelden. Bitte prüfen Sie Ihre Angaben oder wenden Sie sich an den Empfang.',
    inProgress: 'Ihre Anmeldung wird noch gesendet. Einen Moment…',
    unreachable: 'Wir konnten Ihre Anmeldung nicht senden. Bitte erneut versuchen oder an den Empfang wenden.',
    yourHost: 'Ihr Gastgeber',
    thanks: (name) => `Danke, ${name}`,
    told: (host) => `Wir haben ${host} Bescheid gegeben, dass Sie da sind`,
    staffWillTell: (host) => `Der Empfang gibt ${host} Bescheid.`,
    takeASeat: (host) => `Bitte nehmen Sie Platz. Dieser Bildschirm zeigt an, sobald ${host} antwortet.`,
    queued: (host) => `Wir geben ${host} Bescheid, sobald die Verbindung wieder da ist`,
    queuedDetail: 'Ihre Anmeldung ist auf diesem Tablet gespeichert. Wenn es eilt, wenden Sie sich bitte an den Empfang.',
    collect: (host) => `${host} ist auf dem Weg, um Sie abzuholen`,
    collectNote: 'Bitte warten Sie hier.',
    desk: (host) => `Gehen Sie bitte zum Platz von ${host}`,
    declined: 'Bitte wenden Sie sich an den Empfang',
    checkedIn: (host) => `Sie sind eingecheckt. ${host} weiß, dass Sie da sind`,
    noAnswer: (host) => `${host} hat noch nicht geantwortet`,
    receptionCanSee: 'Der Empfang sieht Ihre Anmeldung. Bitte wenden Sie sich an den Empfang.',
  },
  hostAnswer: {
    title: 'Ihr Besuch',
    checking: 'Ihr Link wird geprüft…',
    atReception: (visitor, location) => `${visitor} ist am Empfang in ${location}`,
    confirmNote: 'Erst wenn Sie die Schaltfläche drücken, wird etwas gesendet.',
    answers: {
      collect: 'Zustimmen, ich hole die Person ab',
      desk: 'Zustimmen, zu meinem Platz schicken',
      decline: 'Ablehnen',
    },
    done: {
      collect: (visitor) => `Erledigt: ${visitor} wird gebeten, auf Sie zu warten`,
      desk: (visitor) => `Erledigt: ${visitor} wird gebeten, zu Ihrem Platz zu kommen`,
      decline: (visitor) => `Erledigt: ${visitor} wird gebeten, sich an den Empfang zu wenden`,
    },
    alreadyAnswered: 'Dieser Besuch wurde bereits beantwortet.',
    expired: 'Dieser Link ist abgelaufen. Bitte rufen Sie den Empfang an.',
    invalid: 'Dieser Link ist ungültig.',
    failed: 'Etwas ist schiefgelaufen. Bitte erneut versuchen oder den Empfang anrufen.',
    tryAgain: 'Erneut versuchen',
  },
};

const BY_LANGUAGE: Record<Language, VisitorMessages> = { en: visitorsEn, de: visitorsDe };

/** The visit's language's visitor words (the same language `useI18n` shows). */
export function useVisitorMessages(): VisitorMessages {
  return BY_LANGUAGE[useI18n().language];
}
export const visitorMessagesFor = (language: Language): VisitorMessages => BY_LANGUAGE[language];
