/** Masks personal data for lists: enough to recognise, not enough to copy (等保 personal-data masking). */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return phone;
  const digits = phone.trim();
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}

/** 110101********1234: region and the last four, never the birth date. */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  if (id.length < 10) return '*'.repeat(id.length);
  return `${id.slice(0, 6)}${'*'.repeat(id.length - 10)}${id.slice(-4)}`;
}
