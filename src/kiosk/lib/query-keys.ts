export const directoryKeys = {
  all: ['directory'] as const,
};
export const memberKeys = {
  all: ['member'] as const,
  status: (id: number) => ['member', id, 'status'] as const,
};
export const deviceKeys = {
  info: ['device'] as const,
};
/** A visitor's walk-in status (queries) and what they typed or scanned (mutations): all forgotten at the kiosk's reset. */
export const visitorKeys = {
  all: ['visitor'] as const,
  walkIn: (clientId: string) => ['visitor', 'walk-in', clientId] as const,
  register: ['visitor', 'register'] as const,
  code: ['visitor', 'code'] as const,
};
