const MB = 1024 * 1024;

export const DEFAULT_MAX_BYTES = 20 * MB;

/** Megabytes for messages: whole numbers when exact, else one decimal rounded up so an over-limit size never prints as the limit. */
export function formatMB(bytes: number): string {
  const mb = bytes / MB;
  if (Number.isInteger(mb)) return String(mb);
  return String(Math.ceil(mb * 10) / 10);
}
