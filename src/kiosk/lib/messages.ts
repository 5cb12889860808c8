import type { Lockout, UpstreamStatus } from '../../contract/kiosk-api';

/** Every string the kiosk shows, per language. English is the reference; others must have every key. */
export const en = {
  languageName: 'English',
  appName: 'Tapdesk',
  checkInOut: 'Check in / out',
  imVisiting: "I'm visiting",
  tapToStart: 'Tap to start, or scan your card',
  language: 'Language',
  pendingIndicator: (taps: number, visitors = 0) =>
    `${[taps > 0 ? `${taps} check-in${taps === 1 ? '' : 's'}` : '', visitors > 0 ? `${visitors} visitor${visitors === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ')} waiting to send`,
  findYourself: 'Find yourself',
  searchLabel: 'Your name or company',
  searchPlaceholder: 'Start typing your name…',
  noMatches: 'No one found. Try another spelling, or use your PIN.',
  /** More match than the screen shows: never a silently shorter list. Numbers come formatted. */
  moreMatches: (shown: string, total: string) => `Showing ${shown} of ${total} — type more of your name`,
  resultsCount: (n: number) => `${n} ${n === 1 ? 'person' : 'people'} found`,
  usePin: 'Use my PIN',
  scanWithCamera: 'Scan a QR code',
  back: 'Back',
  cancel: 'Cancel',
  done: 'Done',
  enterPin: 'Enter your PIN',
  pinLabel: 'PIN',
  deleteDigit: 'Delete last digit',
  unknownPin: 'We could not find that PIN. Please try again.',
  unknownCard: 'We could not find that card. Try again or find yourself by name.',
  confirm: 'OK',
  expires: (d: string) => `Valid until ${d}`,
  checkIn: 'Check in',
  checkOut: 'Check out',
  returningSoon: (s: number) => `Back to the start in ${s} s`,
  loading: 'Loading…',
  errors: {
    NETWORK: 'The check-in service is unreachable. Please try again or see the front desk.',
    UPSTREAM_UNAVAILABLE: 'The check-in service is unreachable. Please try again or see the front desk.',
    UNKNOWN_CREDENTIAL: 'We couldn’t find that. Please try again.',
    LOCKED_OUT: 'Too many tries. Please wait a few minutes or see the front desk.',
    RATE_LIMITED: 'Too many tries. Please wait a few minutes.',
    UNAUTHORIZED: 'This tablet is not paired any more.',
    DEVICE_REVOKED: 'This tablet was unpaired by staff.',
    VALIDATION: 'Something was not filled in correctly.',
    NOT_FOUND: 'We couldn’t find you. Please see the front desk.',
    IN_PROGRESS: 'Still recording your last tap. One moment…',
    INTERNAL: 'Something went wrong. Please see the front desk.',
    NOT_APPROVED: 'Please see the front desk.',
    ALREADY_ANSWERED: 'This visitor has already been answered.',
    EXPIRED: 'This link has expired. Please call reception.',
  },
  setupTitle: 'Set up this tablet',
  setupIntro: 'Staff: create a pairing code on the admin page (or with npm run kiosk:pair) and enter it here.',
  pairingCode: 'Pairing code',
  deviceName: 'Tablet name',
  staffPin: 'Staff PIN for this tablet (4–8 digits)',
  pair: 'Pair this tablet',
  staffTitle: 'Staff',
  staffEnterPin: 'Staff PIN',
  staffOpen: 'Open staff panel',
  location: 'Location',
  device: 'Tablet',
  version: 'Version',
  connection: 'Connection',
  online: 'Online',
  offline: 'Offline',
  fullscreen: 'Full screen',
  unpair: 'Unpair this tablet',
  close: 'Close',
  storageUnavailable: 'This tablet cannot store check-ins offline right now (storage unavailable or full). Check-ins work online only.',
  directoryFreshness: (age: string) => `Member list updated ${age} ago`,
  justNow: 'moments',
  lockoutsTitle: 'Lockouts',
  noLockouts: 'No lockouts',
  lockoutKinds: {
    identify: 'Member PIN and card entry',
    'charge-pin': 'Member PIN before a charge',
    'staff-pin': 'Staff PIN entry',
    pairing: 'Pairing code entry',
    password: 'Password sign-in',
    'secret-lookup': 'PIN and card lookups through the API',
    'walk-in': 'Walk-in visitor registrations',
  } satisfies Record<Lockout['kind'], string>,
  lockoutScopes: {
    tablet: 'Tablet',
    location: 'Location',
    member: 'Member',
    'account-client': 'Account and address',
    client: 'Address',
    account: 'Account',
  } satisfies Record<Lockout['scope'], string>,
  /** Said after the kind: "Staff PIN entry on the tablet Front desk". */
  lockoutWhere: {
    tablet: (label: string) => `on the tablet ${label}`,
    location: (label: string) => (label ? `at ${label}` : 'at its location'),
    member: (label: string) => `for member ${label}`,
    'account-client': (label: string) => `for ${label}`,
    client: (label: string) => `from ${label}`,
    account: (label: string) => `for ${label}`,
  } satisfies Record<Lockout['scope'], (label: string) => string>,
  lockoutHere: 'at this location',
  lockoutWhat: (kind: string, where: string) => `${kind} ${where}`,
  lockedUntil: (what: string, until: string) => `${what} — locked until ${until}`,
  upstream: {
    title: 'Connection to Nexudus',
    states: {
      unknown: 'Not connected yet',
      ok: 'Signed in to Nexudus',
      'signed-out': 'Signed out of Nexudus',
      unreachable: 'Nexudus cannot be reached',
      throttled: 'Nexudus asked us to slow down',
    } satisfies Record<UpstreamStatus['state'], string>,
    /** Said instead of "Signed in" when the server is its own Nexudus. */
    embedded: 'Built-in Nexudus (demo)',
    since: (time: string) => `Since ${time}`,
    /** Taps the server holds until Nexudus takes them. */
    held: (count: number, since: string) =>
      count === 1 ? `1 check-in waits for Nexudus, since ${since}` : `${count} check-ins wait for Nexudus, the oldest since ${since}`,
    heldNote: 'They are kept on the server and on the tablets, and sent in order as soon as Nexudus takes them.',
  },
  /** Who is in the building now (the staff panel and the admin page). */
  onSite: {
    title: 'Who is in now',
    counts: (members: number, visitors: number) =>
      `${members} member${members === 1 ? '' : 's'}, ${visitors} visitor${visitors === 1 ? '' : 's'}`,
    asOf: (time: string) => `as of ${time}`,
    kind: 'Kind',
    name: 'Name',
    company: 'Company',
    host: 'Host',
    since: 'Since',
    member: 'Member',
    visitor: 'Visitor',
    nobody: 'Nobody is checked in right now.',
    downloadCsv: 'Download CSV',
    print: 'Print roll-call',
    needsConnection: 'Who is in needs a connection right now.',
    loading: 'Reading who is in…',
  },
};

export type Messages = typeof en;

/**
 * The languages a visit can choose, each named in itself. Only English ships in the first load;
 * the others are loaded when chosen (lib/i18n.tsx), so the attract screen names them from here.
 */
export const LANGUAGE_NAMES = { en: 'English', de: 'Deutsch' } as const;
export type Language = keyof typeof LANGUAGE_NAMES;
