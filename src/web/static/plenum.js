// plenum: progressive enhancement only. Every page works without this script.
// Writes the reader's own time into the disclosure beside an instant (instantLabel).
for (const time of document.querySelectorAll('[data-local][data-datetime]')) {
  const date = new Date(time.dataset.datetime);
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
  time.className = 'local-time';
  time.textContent = ` · ${time.dataset.local.replace('{time}', local)}`;
}

// On a document open for comments: select words in a paragraph, then "Comment on the selected
// words" opens the submission form with the paragraph chosen and the words quoted.
const article = document.querySelector('article.content[data-quote-label]');
if (article) {
  const button = document.createElement('a');
  button.className = 'button quote-button';
  button.textContent = article.dataset.quoteLabel;
  button.lang = article.dataset.uiLang;
  button.dir = article.dataset.uiDir;
  button.hidden = true;
  const offer = () => {
    const selection = document.getSelection();
    const words = selection ? selection.toString().trim() : '';
    const node = selection && selection.anchorNode;
    const paragraph = node && (node.nodeType === 1 ? node : node.parentElement).closest('p[id]');
    const link =
      paragraph &&
      paragraph.nextElementSibling &&
      paragraph.nextElementSibling.querySelector('a[href*="/submit?block="]');
    if (!words || words.length > 2000 || !link || !article.contains(paragraph)) {
      button.hidden = true;
      return;
    }
    button.href = `${link.getAttribute('href')}&quote=${encodeURIComponent(words)}`;
    paragraph.after(button);
    button.hidden = false;
  };
  article.addEventListener('mouseup', offer);
  article.addEventListener('keyup', offer);
}

// A long list of checkboxes (co-signers, paragraphs) gets a filter box: typing hides the choices
// whose text (a paragraph's whole text, data-search) does not contain the words; chosen ones
// always stay in view.
for (const filter of document.querySelectorAll('input.choice-filter')) {
  const choices = filter.parentElement.querySelectorAll('label.choice');
  filter.hidden = false;
  filter.addEventListener('input', () => {
    const words = filter.value.trim().toLocaleLowerCase();
    for (const choice of choices) {
      const box = choice.querySelector('input');
      const text = `${choice.textContent} ${choice.dataset.search ?? ''}`.toLocaleLowerCase();
      choice.hidden = words !== '' && !box.checked && !text.includes(words);
    }
  });
}

// A file field with limits (data-max-bytes, data-max-count, accept): the chosen files are checked
// at once, so a file the server would refuse is not sent first; the message stands beside the
// field and the field is emptied. The server checks the same limits always.
for (const field of document.querySelectorAll('input[type="file"][data-max-bytes]')) {
  const out = document.getElementById(field.getAttribute('aria-describedby').split(' ').pop());
  const types = (field.accept || '').split(',').filter((t) => t.startsWith('.'));
  const megabytes = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
  field.addEventListener('change', () => {
    const files = [...field.files];
    const problems = [];
    const max = Number(field.dataset.maxCount);
    if (files.length > max)
      problems.push(field.dataset.tooMany.replace('{n}', String(files.length)));
    for (const file of files) {
      const name = file.name.toLowerCase();
      if (types.length > 0 && !types.some((t) => name.endsWith(t)))
        problems.push(field.dataset.wrongType.replace('{name}', file.name));
      else if (file.size > Number(field.dataset.maxBytes))
        problems.push(
          field.dataset.tooLarge
            .replace('{name}', file.name)
            .replace('{size}', megabytes(file.size)),
        );
    }
    out.textContent = problems.join(' ');
    out.hidden = problems.length === 0;
    if (problems.length > 0) {
      field.value = '';
      field.setAttribute('aria-invalid', 'true');
    } else field.removeAttribute('aria-invalid');
  });
}
