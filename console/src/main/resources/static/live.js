// The live page: the feed of events (filtered and pausable), beside the system's figures and health.
import { el, api, header, aggregateLink, commandLink, short } from './console.js';

const SHOWN = 300; // rows kept on the page; older ones make way
const feed = document.getElementById('feed');
const type = document.getElementById('type');
const aggregate = document.getElementById('aggregate');
const pause = document.getElementById('pause');
const held = document.getElementById('held');
const feedState = document.getElementById('feed-state');
const seen = new Set(); // a re-published event (same eventId) is shown once
let paused = false;
let waiting = [];
let source;

function row(event) {
  const e = event.envelope;
  return el('tr', { class: 'fresh', 'data-name': e.name, 'data-aggregate': e.aggregateId, title: JSON.stringify(event.data) },
    el('td', { class: 'mono' }, new Date(e.occurredAt).toLocaleTimeString()),
    el('td', {}, e.name),
    // A command's outcome is stored as the Command's own event: its page is the command's progress.
    el('td', {}, e.aggregateType + ' ', e.aggregateType === 'Command' ? commandLink(e.aggregateId)
      : aggregateLink(e.aggregateId, e.aggregateType)),
    el('td', {}, String(e.version)),
    el('td', { class: 'mono' }, String(e.position)),
    el('td', { class: 'mono', title: e.correlationId }, short(e.correlationId)));
}

function show(events) {
  const fresh = events.filter((event) => !seen.has(event.envelope.eventId));
  fresh.forEach((event) => seen.add(event.envelope.eventId));
  if (paused) {
    waiting.push(...fresh);
    held.textContent = waiting.length ? `${waiting.length} held while paused` : '';
    return;
  }
  for (const event of fresh) feed.prepend(row(event));
  while (feed.rows.length > SHOWN) feed.deleteRow(-1);
  if (seen.size > 10 * SHOWN) seen.clear();
}

/** The server filters, so that a filtered page sees all of its events however busy the system is. */
function follow() {
  if (source) source.close();
  feed.replaceChildren();
  seen.clear();
  const query = new URLSearchParams();
  if (type.value) query.set('type', type.value);
  if (aggregate.value.trim()) query.set('id', aggregate.value.trim());
  source = new EventSource(`/api/feed?${query}`);
  source.addEventListener('events', (message) => show(JSON.parse(message.data)));
  source.onopen = () => { feedState.textContent = ''; };
  source.onerror = () => { feedState.textContent = 'feed interrupted: reconnecting…'; };
}

pause.addEventListener('click', () => {
  paused = !paused;
  pause.textContent = paused ? 'Resume' : 'Pause';
  if (!paused) {
    const release = waiting;
    waiting = [];
    held.textContent = '';
    show(release.map((event) => { seen.delete(event.envelope.eventId); return event; }));
  }
});
type.addEventListener('change', follow);
let typing;
aggregate.addEventListener('input', () => { clearTimeout(typing); typing = setTimeout(follow, 400); });

const number = (value, digits = 0) => Number(value).toLocaleString(undefined, { maximumFractionDigits: digits });

function figure(name, value) {
  return el('div', { class: 'figure' }, el('span', {}, name), el('b', {}, value));
}

async function overview() {
  try {
    const now = await api('/api/overview');
    const outcomes = now.outcomes;
    document.getElementById('figures').replaceChildren(
      figure('commands accepted / s', number(now.commandsPerSecond, 1)),
      figure('succeeded (per s)', `${number(outcomes.succeeded.total)} (${number(outcomes.succeeded.perSecond, 1)})`),
      figure('rejected (per s)', `${number(outcomes.rejected.total)} (${number(outcomes.rejected.perSecond, 1)})`),
      figure('relay lag, events', number(now.relayLag)),
      ...Object.entries(now.projectionLag).map(([model, lag]) => figure(`projection lag, ${model}`, number(lag))),
      figure('Kafka consumer lag, messages', number(now.consumerLag)),
      figure('dead letters', number(now.deadLetters)));
    document.getElementById('health').replaceChildren(...now.services.map((service) =>
      el('tr', {}, el('td', {}, service.name), el('td', { class: service.health }, service.health),
        el('td', { class: 'mono' }, service.partsDown.join(', ')))));
    document.getElementById('missing').replaceChildren(...now.missing.map((part) => el('li', {}, part)));
  } catch (failure) {
    document.getElementById('missing').replaceChildren(el('li', {}, 'the console itself: ' + failure.message));
  }
}

/** Asked again 2 s after each answer: a slow console never piles requests up. */
async function watchOverview() {
  await overview();
  setTimeout(watchOverview, 2000);
}

header('index.html');
follow();
watchOverview();
