// Calendar dates in Japan as ISO strings "YYYY-MM-DD" (they compare correctly as strings).
// Arithmetic uses plain day numbers (days since 1970-01-01 in the proleptic Gregorian calendar),
// never a timestamp in a local time zone (RULES.md: "Dates are calendar dates in Japan").

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function ymd(iso: IsoDate): [number, number, number] {
  return [+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)];
}

export function toIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Strict ISO calendar date check (real day of a real month). */
export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  return m !== null && isValidYmd(+m[1]!, +m[2]!, +m[3]!);
}

/** Days since 1970-01-01 (pure integer arithmetic on the proleptic Gregorian calendar). */
export function dayNumber(iso: IsoDate): number {
  const [y0, m, d] = ymd(iso);
  // H. Hinnant's days_from_civil
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): IsoDate {
  // H. Hinnant's civil_from_days
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return toIso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(iso: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return (((dayNumber(iso) + 4) % 7) + 7) % 7;
}

/** Same day N months later, clamped to the end of the target month. */
export function addMonthsClamped(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = ymd(iso);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  return toIso(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

export function endOfMonth(iso: IsoDate): IsoDate {
  const [y, m] = ymd(iso);
  return toIso(y, m, daysInMonth(y, m));
}

export function firstOfNextMonth(iso: IsoDate): IsoDate {
  const [y, m] = ymd(iso);
  return m === 12 ? toIso(y + 1, 1, 1) : toIso(y, m + 1, 1);
}

/**
 * The N-th birthday. Someone born on 29 February has their birthday on 1 March in common years
 * (RULES.md R15).
 */
export function birthday(birthDate: IsoDate, n: number): IsoDate {
  const [y, m, d] = ymd(birthDate);
  const ty = y + n;
  if (m === 2 && d === 29 && !isLeapYear(ty)) return toIso(ty, 3, 1);
  return toIso(ty, m, d);
}

/** 年齢に達する日: the day before the N-th birthday. */
export function reachesAge(birthDate: IsoDate, n: number): IsoDate {
  return addDays(birthday(birthDate, n), -1);
}

/** Completed years of age on `on` (the birthday counts from the birthday itself). */
export function ageOn(birthDate: IsoDate, on: IsoDate): number {
  const [by] = ymd(birthDate);
  const [oy] = ymd(on);
  let age = oy - by;
  if (age > 0 && on < birthday(birthDate, age)) age -= 1;
  return Math.max(0, age);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** Today's calendar date in Japan. */
export function todayInJapan(now: Date = new Date()): IsoDate {
  // Japan has no daylight saving time: JST is UTC+9 all year.
  return fromDayNumber(Math.floor((now.getTime() + 9 * 3_600_000) / 86_400_000));
}
