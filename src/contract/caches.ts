/**
 * The worker's cache of other origins' images (logo, photos); the page clears it when the tablet is
 * unpaired. Apart from outbox.ts so the page's first load does not carry the outbox's schemas.
 */
export const IMAGE_CACHE_NAME = 'tapdesk-images-v1';
