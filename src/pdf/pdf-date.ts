/**
 * The date written into a PDF's CreationDate and ModDate. Reproducible builds: SOURCE_DATE_EPOCH
 * (whole seconds since 1970, https://reproducible-builds.org/specs/source-date-epoch/) wins,
 * else the document's own `date` at midnight UTC — never the clock, so the same input gives
 * the same bytes.
 */
export function pdfDate(documentDate: string, sourceDateEpoch: string | undefined): Date {
  if (sourceDateEpoch !== undefined && sourceDateEpoch !== '') {
    const seconds = parseSourceDateEpoch(sourceDateEpoch);
    if (seconds === undefined) throw new TypeError(`SOURCE_DATE_EPOCH must be checked with parseSourceDateEpoch first, got \`${sourceDateEpoch}\``);
    return new Date(seconds * 1000);
  }
  const date = new Date(`${documentDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) throw new TypeError(`Expected a validated YYYY-MM-DD document date, got \`${documentDate}\``);
  return date;
}

/** Whole non-negative seconds, or undefined when malformed (the caller reports it). */
export function parseSourceDateEpoch(value: string): number | undefined {
  if (!/^\d{1,12}$/.test(value)) return undefined;
  return Number(value);
}
