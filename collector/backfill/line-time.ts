/**
 * The time of a hub log line, `[L YYYY-MM-DD HH:MM:SS.mmm App module:n]`, as epoch ms. JupyterHub
 * writes local time without a zone, so the hub's zone is an input (`--tz`). Read by char codes with
 * the zone offset cached per minute: it runs on every line of a year of logs.
 */

const D0 = 48;

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = s.charCodeAt(at + i) - D0;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Checks a zone name the way Intl does; throws RangeError naming it when unknown. */
export function checkTimeZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new RangeError(`--tz: "${zone}" is not a time zone (e.g. Europe/Berlin, UTC)`);
  }
}

export function machineTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Wall-clock ms (the digits read as if UTC) -> epoch ms in one zone. */
export class ZoneClock {
  private readonly format: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(readonly zone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  /** The zone's offset (wall - utc) at an instant. */
  private offsetAt(utcMs: number): number {
    const parts: Record<string, number> = {};
    for (const p of this.format.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    return wall - Math.floor(utcMs / 1000) * 1000;
  }

  toEpochMs(wallMs: number): number {
    const hour = Math.floor(wallMs / 3_600_000);
    let offset = this.offsets.get(hour);
    if (offset === undefined) {
      // Two steps settle on the offset valid at the resulting instant (DST edges included).
      const guess = wallMs - this.offsetAt(wallMs);
      offset = this.offsetAt(guess);
      if (this.offsets.size > 100_000) this.offsets.clear();
      this.offsets.set(hour, offset);
    }
    return wallMs - offset;
  }
}

/** Epoch ms of a hub-prefixed line, or -1 when the line does not start with one. */
export class LineTime {
  private minuteText = '';
  private minuteEpoch = 0;

  constructor(private readonly clock: ZoneClock) {}

  of(s: string, start: number): number {
    // `[I 2026-12-01 08:41:57.110 ...`: fixed positions after "[L ".
    if (s.charCodeAt(start) !== 91 || s.charCodeAt(start + 2) !== 32) return -1;
    const at = start + 3;
    if (!(this.minuteText !== '' && s.startsWith(this.minuteText, at))) {
      if (s.charCodeAt(at + 4) !== 45 || s.charCodeAt(at + 10) !== 32 || s.charCodeAt(at + 13) !== 58) return -1;
      const y = digits(s, at, 4);
      const mo = digits(s, at + 5, 2);
      const d = digits(s, at + 8, 2);
      const h = digits(s, at + 11, 2);
      const mi = digits(s, at + 14, 2);
      if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59) return -1;
      this.minuteText = s.slice(at, at + 16);
      this.minuteEpoch = this.clock.toEpochMs(Date.UTC(y, mo - 1, d, h, mi));
    }
    if (s.charCodeAt(at + 16) !== 58) return -1;
    const sec = digits(s, at + 17, 2);
    if (sec < 0 || sec > 60) return -1;
    const ms = s.charCodeAt(at + 19) === 46 ? digits(s, at + 20, 3) : 0;
    return this.minuteEpoch + sec * 1000 + Math.max(0, ms);
  }
}
