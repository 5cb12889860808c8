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
