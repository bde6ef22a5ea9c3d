/** A calendar day (YYYY-MM-DD) in the reader's language; noon keeps it on the same day in every time zone. */
export function formatDay(date: string, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  return new Intl.DateTimeFormat(locale, options).format(new Date(`${date}T12:00:00`));
}
