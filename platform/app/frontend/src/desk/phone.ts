// How numbers are shown and dialled.
import type { PhoneNumber } from '../api/types'

/** What to show: the national form when the number is known, else what the server gave. */
export function displayNumber(raw: string | null | undefined, phone?: PhoneNumber | null): string {
  if (phone?.national) return phone.national
  return raw ?? ''
}

/** What to dial: the number as the server gave it; for a parsed-only number its national digits. */
export function dialNumber(raw: string | null | undefined, phone?: PhoneNumber | null): string {
  if (raw) return raw.trim()
  if (phone) return phone.e164.startsWith('+86') ? phone.national.replace(/[^0-9]/g, '') : phone.e164
  return ''
}

export function regionOf(phone: PhoneNumber | null | undefined, lang: string): string {
  if (!phone) return ''
  return (lang.startsWith('en') ? phone.regionEn || phone.regionZh : phone.regionZh || phone.regionEn) || ''
}
