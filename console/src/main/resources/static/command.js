// A command's progress through the saga, drawn as steps from its events, as WatchCommand reports them.
import { el, header, param, aggregateLink, short } from './console.js';

const id = param('id');
const steps = document.getElementById('steps');
const trouble = document.getElementById('trouble');
let settled = false;

const arrow = () => el('span', { class: 'arrow' }, '→');

function draw(progress) {
  const boxes = [el('div', { class: 'step done' }, el('small', {}, 'command'), el('span', { class: 'mono' }, short(id))),
    arrow(),
    el('div', { class: `step ${progress.state === 'UNKNOWN' ? 'waiting' : 'done'}`, 'data-state': progress.state },
      el('small', {}, 'outcome'), el('b', { class: progress.state }, progress.state === 'UNKNOWN' ? 'not decided yet' : progress.state))];
  for (const event of progress.events) {
    boxes.push(arrow(), el('div', { class: 'step done', 'data-name': event.name },
      el('small', {}, `${event.aggregateType} v${event.version}`), el('b', {}, event.name), ' ',
      aggregateLink(event.aggregateId, event.aggregateType)));
  }
  boxes.push(arrow(), progress.settled
    ? el('div', { class: 'step done', id: 'settled' }, el('small', {}, 'saga'), el('b', { class: 'SUCCEEDED' }, 'settled'))
    : el('div', { class: 'step waiting' }, el('small', {}, 'saga'), 'still working…'));
  steps.replaceChildren(...boxes);
  document.getElementById('reason').textContent = progress.reason ? `Reason: ${progress.reason}` : '';
}

function watch() {
  const source = new EventSource(`/api/commands/${encodeURIComponent(id)}/progress`);
  source.addEventListener('progress', (message) => {
    trouble.textContent = '';
    const progress = JSON.parse(message.data);
    draw(progress);
    if (progress.settled) { settled = true; source.close(); }
  });
  source.addEventListener('trouble', (message) => { trouble.textContent = `The query service: ${message.data}`; });
  // The stream ends at settled, at the watch's deadline, or when the query service is away: watch again unless settled.
  source.onerror = () => {
    source.close();
    if (!settled) setTimeout(watch, 2000);
  };
}

document.getElementById('title').textContent = `Command ${id}`;
header('command.html');
watch();
