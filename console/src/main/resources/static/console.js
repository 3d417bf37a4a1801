// What every page shares: the header, calls to the console's API, and small helpers to build the page.

/** An element with attributes and children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, value);
  }
  element.append(...children.filter((child) => child !== null && child !== undefined));
  return element;
}

/** The console's API as JSON; a refusal becomes an Error carrying the service's own words. */
export async function api(path, body) {
  const response = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(answer.message || `${response.status} ${response.statusText}`);
  return answer;
}

export const short = (id) => (id ? String(id).slice(0, 8) : '');

export function aggregateLink(id, type) {
  const query = new URLSearchParams({ id });
  if (type) query.set('type', type);
  return el('a', { href: `aggregate.html?${query}`, class: 'mono', title: id }, short(id));
}

export function commandLink(id, text) {
  return el('a', { href: `command.html?id=${encodeURIComponent(id)}`, class: 'mono', title: id }, text || short(id));
}

export const param = (name) => new URLSearchParams(location.search).get(name);

/** The header: where you are, a box to open any aggregate or command by id, and who the console acts as. */
export async function header(here) {
  const pages = [['index.html', 'Live'], ['act.html', 'Act']];
  const find = el('input', { name: 'find', placeholder: 'an aggregate or command id', 'aria-label': 'find' });
  const form = el('form', {}, find, el('button', { class: 'quiet', name: 'aggregate' }, 'Aggregate'),
    el('button', { class: 'quiet', name: 'command' }, 'Command'));
  form.addEventListener('submit', (submitted) => {
    submitted.preventDefault();
    const id = find.value.trim();
    location.href = submitted.submitter?.name === 'command' ? `command.html?id=${encodeURIComponent(id)}`
      : `aggregate.html?id=${encodeURIComponent(id)}`;
  });
  const caller = el('span', { id: 'caller' }, 'caller …');
  document.body.prepend(el('header', {}, el('h1', {}, 'financing console'),
    el('nav', {}, ...pages.map(([href, name]) => el('a', { href, class: href === here ? 'here' : null }, name))),
    form, caller));
  try {
    const who = await api('/api/caller');
    caller.textContent = who.role === 'none' ? 'calling without a token'
      : `calling as ${who.role} “${who.name}”` + (who.expiresAt ? `, token valid until ${new Date(who.expiresAt).toLocaleString()}` : '');
    caller.title = 'Every call this console makes to the listener and the query service carries this caller\'s token.';
  } catch (failure) {
    caller.textContent = 'caller unknown: ' + failure.message;
  }
}
