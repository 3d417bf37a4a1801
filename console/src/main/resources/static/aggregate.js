// An aggregate both ways: its stream in the event store beside its row in the read model, with the fields each
// event changed highlighted. Read again every two seconds, so both sides are seen to move.
import { el, api, header, param, commandLink } from './console.js';

const id = param('id');
let type = param('type');
let chosen = null; // the version whose changes are highlighted; the newest while none is clicked

function eventRow(event, isChosen) {
  const correlation = event.metadata?.correlationId;
  const row = el('tr', { class: 'event' + (isChosen ? ' chosen' : ''), 'data-name': event.name },
    el('td', {}, String(event.version)),
    el('td', {}, event.name,
      correlation ? el('small', { style: 'display:block' }, 'started by ', commandLink(correlation)) : null),
    el('td', {}, ...event.changes.map((field) => el('span', { class: 'chip' }, field))),
    el('td', { class: 'mono' }, el('pre', {}, JSON.stringify(event.data))),
    el('td', { class: 'mono' }, String(event.position)),
    el('td', { class: 'mono' }, new Date(event.occurredAt).toLocaleTimeString()));
  row.addEventListener('click', () => { chosen = event.version; render(last); });
  return row;
}

let last;

function render(view) {
  last = view;
  document.getElementById('title').textContent = `Event store: ${view.type || 'aggregate'} ${view.id}`;
  document.getElementById('store-trouble').textContent = view.eventStoreTrouble || '';
  document.getElementById('model-trouble').textContent = view.readModelTrouble || '';
  const highlighted = view.events.find((event) => event.version === chosen) || view.events.at(-1);
  document.getElementById('events').replaceChildren(
    ...view.events.map((event) => eventRow(event, event === highlighted)));
  const changedBy = (field) => view.events.filter((event) => event.changes.includes(field)).map((event) => `v${event.version}`);
  const changed = new Set(highlighted ? highlighted.changes : []);
  document.getElementById('row').replaceChildren(...Object.entries(view.row || {}).map(([field, value]) =>
    el('tr', { 'data-field': field },
      el('td', {}, field),
      el('td', { class: 'mono' + (changed.has(field) ? ' changed' : '') }, value),
      el('td', { class: 'mono' }, changedBy(field).join(', ')))));
}

async function refresh() {
  try {
    const view = await api(`/api/aggregates/${encodeURIComponent(id)}` + (type ? `?type=${type}` : ''));
    type = view.type || type;
    render(view);
  } catch (failure) {
    document.getElementById('store-trouble').textContent = failure.message;
  }
}

/** Read again 2 s after each answer: a slow service never piles requests up. */
async function follow() {
  await refresh();
  setTimeout(follow, 2000);
}

header('aggregate.html');
follow();
