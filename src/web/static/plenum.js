// plenum: progressive enhancement only. Every page works without this script.
// Shows instants in the reader's own time zone next to the period's zone.
for (const time of document.querySelectorAll('time[data-local]')) {
  const date = new Date(time.getAttribute('datetime'));
  if (Number.isNaN(date.getTime())) continue;
  const local = new Intl.DateTimeFormat(
    document.documentElement.lang === 'en' ? 'en-GB' : document.documentElement.lang,
    {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    },
  ).format(date);
  const span = document.createElement('span');
  span.className = 'local-time';
  span.textContent = ` · ${time.dataset.local.replace('{time}', local)}`;
  time.after(span);
}
