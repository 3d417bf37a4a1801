// The act page: a party registered as the Registering context would, and each command sent through the listener
// as any client sends it. Each result links to what it made, and follows it until it is settled.
import { el, api, header, aggregateLink, commandLink } from './console.js';

/** Fills the ids a form just made into the forms that take them next. */
function offer(field, value) {
  document.querySelectorAll(`input[name="${field}"]`).forEach((input) => { input.value = value; });
}

/** Follows a command on its page's stream, saying its outcome in the form until it is settled. */
function follow(commandId, into) {
  const state = el('b', { class: 'UNKNOWN' }, 'enqueued');
  into.append(' ', state);
  const source = new EventSource(`/api/commands/${encodeURIComponent(commandId)}/progress`);
  source.addEventListener('progress', (message) => {
    const progress = JSON.parse(message.data);
    state.className = progress.state;
    state.textContent = progress.state === 'UNKNOWN' ? 'enqueued' : progress.state + (progress.settled ? ', settled' : ', saga working…')
      + (progress.reason ? `: ${progress.reason}` : '');
    if (progress.settled) source.close();
  });
  source.onerror = () => source.close();
}

/** Says when a registered party exists in the financing context: when its stream has its first event. */
async function awaitCreated(partyId, into) {
  const state = el('b', { class: 'UNKNOWN' }, 'published');
  into.append(' ', state);
  for (let attempt = 0; attempt < 60; attempt++) {
    const view = await api(`/api/aggregates/${partyId}`).catch(() => null);
    if (view && view.events.length) {
      state.className = 'SUCCEEDED';
      state.textContent = `${view.events[0].name}`;
      return;
    }
    await new Promise((wait) => setTimeout(wait, 1000));
  }
}

const answers = {
  'register-issuer': (answer, result) => {
    offer('issuerId', answer.partyId);
    result.append('Issuer ', aggregateLink(answer.partyId, 'Issuer'));
    awaitCreated(answer.partyId, result);
  },
  'register-investor': (answer, result) => {
    offer('investorId', answer.partyId);
    result.append('Investor ', aggregateLink(answer.partyId, 'Investor'));
    awaitCreated(answer.partyId, result);
  },
  sell: (answer, result) => {
    offer('invoiceId', answer.invoiceId);
    result.append('Command ', commandLink(answer.commandId), ' for invoice ', aggregateLink(answer.invoiceId, 'Invoice'));
    follow(answer.commandId, result);
  },
};

function sentCommand(answer, result) {
  result.append('Command ', commandLink(answer.commandId));
  follow(answer.commandId, result);
}

for (const form of document.querySelectorAll('form[data-path]')) {
  form.addEventListener('submit', async (submitted) => {
    submitted.preventDefault();
    const result = form.querySelector('.result');
    result.className = 'result';
    result.replaceChildren('sending…');
    try {
      const answer = await api(form.dataset.path, Object.fromEntries(new FormData(form)));
      result.replaceChildren();
      (answers[form.id] || sentCommand)(answer, result);
      known();
    } catch (refusal) {
      result.className = 'result refused';
      result.replaceChildren(refusal.message);
    }
  });
}

/** The newest parties and invoices, offered by the id fields. */
async function known() {
  try {
    const known = await api('/api/act/known');
    for (const list of ['issuers', 'investors', 'invoices']) {
      document.getElementById(list).replaceChildren(...known[list].map((entry) => {
        const [id, ...about] = entry.split(' ');
        return el('option', { value: id }, about.join(' '));
      }));
    }
  } catch (failure) {
    // The forms work without the offers: ids can be typed or pasted.
  }
}

header('act.html');
known();
