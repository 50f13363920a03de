// RPM Sync: the small amount of behaviour the pages need. No inline scripts anywhere (CSP).
document.addEventListener('click', (event) => {
  const copy = event.target.closest('[data-copy]');
  if (copy) {
    const source = document.getElementById(copy.dataset.copy);
    const text = source.value !== undefined ? source.value : source.textContent;
    navigator.clipboard.writeText(text.trim()).then(() => {
      const label = copy.textContent;
      copy.textContent = 'Copied';
      setTimeout(() => { copy.textContent = label; }, 1500);
    });
  }
  const menu = event.target.closest('.menu-toggle');
  if (menu) {
    const open = menu.getAttribute('aria-expanded') !== 'true';
    menu.setAttribute('aria-expanded', String(open));
    menu.closest('.topbar').classList.toggle('open', open);
  }
  const confirmer = event.target.closest('[data-confirm]');
  if (confirmer && !window.confirm(confirmer.dataset.confirm)) {
    event.preventDefault();
  }
});

// htmx requests carry the CSRF token from the page's meta tags.
document.addEventListener('htmx:configRequest', (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// One-time links carry their secret after '#', which browsers never send: copy it into the form that posts it.
document.querySelectorAll('input[data-from-fragment]').forEach((input) => {
  if (window.location.hash.length > 1) {
    input.value = decodeURIComponent(window.location.hash.substring(1));
  }
});

// A form whose text could not be stored came back (BackToTheForm): put back what was typed and show the message
// beside the field at fault.
document.addEventListener('DOMContentLoaded', () => {
  const problem = document.getElementById('text-problem');
  const main = document.querySelector('main');
  if (!problem || !main) {
    return;
  }
  let values = {};
  try {
    values = JSON.parse(problem.dataset.values || '{}');
  } catch (e) {
    values = {};
  }
  const skip = ['hidden', 'password', 'file', 'checkbox', 'radio', 'submit', 'button'];
  Object.entries(values).forEach(([name, value]) => {
    const input = main.querySelector('[name="' + CSS.escape(name) + '"]');
    if (input && !skip.includes(input.type)) {
      input.value = value;
    }
  });
  const field = main.querySelector('[name="' + CSS.escape(problem.dataset.field || '') + '"]');
  if (field) {
    const message = document.createElement('p');
    message.className = 'field-error';
    message.id = 'text-problem-message';
    message.setAttribute('role', 'alert');
    message.textContent = problem.textContent;
    field.insertAdjacentElement('afterend', message);
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', message.id);
    field.focus();
    problem.remove();
  }
});
