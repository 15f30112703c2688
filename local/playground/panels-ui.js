// The playground's « Agendas » and « Documents » panels (served as /panels.js by panels.ts, loaded by page.html):
// two buttons in the header open each panel over the grid; « Fermer » gives the grid back.
// Text reaches the DOM only through textContent; documents are shown in a sandboxed iframe.
(() => {
  const locale =
    (new URLSearchParams(location.search).get('locale') || 'fr').slice(0, 2) === 'en' ? 'en' : 'fr';
  const TEXT = {
    fr: {
      calendars: 'Agendas',
      documents: 'Documents',
      close: 'Fermer',
      previous: '‹ Semaine précédente',
      current: 'Cette semaine',
      next: 'Semaine suivante ›',
      week: (from, to) => `Semaine du ${from} au ${to}`,
      booking: 'Réservation Pilote',
      external: 'Événement externe (agenda de l’espace)',
      allDay: 'journée',
      synced: 'envoyée à l’agenda',
      notSynced: 'pas encore envoyée à l’agenda',
      calendar: (id) => `Agenda : ${id}`,
      noCalendar: 'Pas encore d’agenda Google (la synchronisation le crée).',
      empty: 'Rien de prévu cette semaine dans cet espace.',
      noSpaces: 'Aucun espace dans « Espaces ».',
      noDocuments: 'Aucun document produit pour l’instant : ouvrez « Documents » dans la barre latérale.',
      download: 'Télécharger (.docx)',
      missingFile: 'fichier absent de Drive',
      driveOnly: 'dans Drive seulement',
      pick: 'Choisissez un document.',
      failed: 'Lecture impossible : ',
      by: 'par',
    },
    en: {
      calendars: 'Calendars',
      documents: 'Documents',
      close: 'Close',
      previous: '‹ Previous week',
      current: 'This week',
      next: 'Next week ›',
      week: (from, to) => `Week of ${from} to ${to}`,
      booking: 'Pilote booking',
      external: 'External event (the space’s calendar)',
      allDay: 'all day',
      synced: 'sent to the calendar',
      notSynced: 'not sent to the calendar yet',
      calendar: (id) => `Calendar: ${id}`,
      noCalendar: 'No Google calendar yet (the sync creates it).',
      empty: 'Nothing planned in this space this week.',
      noSpaces: 'No space in « Espaces ».',
      noDocuments: 'No document generated yet: open « Documents » in the sidebar.',
      download: 'Download (.docx)',
      missingFile: 'file missing from Drive',
      driveOnly: 'in Drive only',
      pick: 'Pick a document.',
      failed: 'Could not read: ',
      by: 'by',
    },
  }[locale];
  const tag = locale === 'en' ? 'en-GB' : 'fr-FR';
  const DAY_MS = 86400000;
  const dayOf = (iso) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
  const isoOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);
  const longDate = (iso) =>
    new Date(`${iso}T12:00:00Z`).toLocaleDateString(tag, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  const shortDay = (iso) =>
    new Date(`${iso}T12:00:00Z`).toLocaleDateString(tag, {
      weekday: 'short',
      day: '2-digit',
      month: '2-digit',
      timeZone: 'UTC',
    });

  function el(name, attrs = {}, ...children) {
    const node = document.createElement(name);
    for (const [k, v] of Object.entries(attrs)) {
      if (k === 'text') node.textContent = v;
      else if (k === 'onclick') node.onclick = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c) node.append(c);
    return node;
  }

  const style = document.createElement('style');
  style.textContent = `
    /* No box of its own: the body's grid must not give it a cell (its panels are fixed). */
    #panels { display: contents; }
    .panel-tabs { margin-left: auto; display: flex; gap: 4px; flex: none; }
    .panel-tabs button { border: 1px solid #dadce0; background: #fff; padding: 3px 10px; cursor: pointer; border-radius: 4px; }
    .panel-tabs button[aria-pressed="true"] { background: #e8f0fe; border-color: #1a73e8; color: #174ea6; }
    #panels .panel { position: fixed; background: #fff; overflow: auto;
                     z-index: 5; padding: 8px 16px 16px; box-sizing: border-box; border-bottom: 1px solid #dadce0; }
    #panels .panel[hidden] { display: none; }
    #panels .panel-head { display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin-bottom: 8px; }
    #panels .panel-head h2 { font-size: 15px; font-weight: 500; margin: 0 12px 0 0; }
    #panels .panel-head .close { margin-left: auto; }
    #panels .legend { display: flex; gap: 16px; margin: 0 0 8px; font-size: 12px; color: #5f6368; }
    #panels .swatch { display: inline-block; width: 12px; height: 12px; vertical-align: -2px; margin-right: 4px; border-radius: 2px; }
    #panels .space { margin: 12px 0 4px; }
    #panels .space h3 { font-size: 14px; font-weight: 500; margin: 0 0 2px; }
    #panels .space .note { font-size: 11px; color: #5f6368; margin: 0 0 4px; }
    #panels .week { display: grid; grid-template-columns: repeat(7, minmax(90px, 1fr)); border: 1px solid #e0e0e0; }
    #panels .day { border-left: 1px solid #e0e0e0; min-height: 44px; padding: 2px; }
    #panels .day:first-child { border-left: 0; }
    #panels .day > .date { font-size: 11px; color: #5f6368; margin-bottom: 2px; }
    #panels .day.today { background: #f8fbff; }
    #panels .day.today > .date { color: #1a73e8; font-weight: 500; }
    #panels .item { font-size: 11px; border-radius: 3px; padding: 2px 4px; margin: 2px 0; overflow: hidden; text-overflow: ellipsis; }
    #panels .item.booking, #panels .swatch.booking { background: #d2e3fc; border-left: 3px solid #1a73e8; }
    #panels .item.external, #panels .swatch.external { background: repeating-linear-gradient(135deg, #f1f3f4 0 6px, #e8eaed 6px 12px); border-left: 3px dashed #5f6368; }
    #panels .item.cancelled { text-decoration: line-through; opacity: .6; }
    #panels .item .when { font-weight: 500; margin-right: 4px; }
    #panels .empty { font-size: 12px; color: #5f6368; font-style: italic; margin: 0; }
    #panels .docs { display: grid; grid-template-columns: 280px 1fr; gap: 12px; height: calc(100% - 40px); }
    #panels .doc-list { list-style: none; margin: 0; padding: 0; overflow: auto; border-right: 1px solid #e0e0e0; }
    #panels .doc-list button { display: block; width: 100%; text-align: left; border: 0; background: none; padding: 6px 8px; cursor: pointer; }
    #panels .doc-list button[aria-current="true"] { background: #e8f0fe; }
    #panels .doc-list small { display: block; color: #5f6368; }
    #panels .doc-view { display: flex; flex-direction: column; min-width: 0; }
    #panels .doc-view iframe { flex: 1; border: 1px solid #e0e0e0; min-height: 300px; background: #fff; }
    #panels .doc-view .actions { margin-bottom: 6px; }
  `;
  document.head.append(style);

  const root = document.getElementById('panels') || document.body.appendChild(el('div', { id: 'panels' }));
  const state = { open: null, week: null, doc: null };
  const tabs = el('div', {
    class: 'panel-tabs',
    role: 'toolbar',
    'aria-label': `${TEXT.calendars} / ${TEXT.documents}`,
  });
  const panels = {
    calendars: el('section', {
      class: 'panel',
      'data-testid': 'calendar-panel',
      'aria-label': TEXT.calendars,
      hidden: '',
    }),
    documents: el('section', {
      class: 'panel',
      'data-testid': 'documents-panel',
      'aria-label': TEXT.documents,
      hidden: '',
    }),
  };
  const buttons = {};
  for (const name of ['calendars', 'documents']) {
    buttons[name] = el('button', {
      type: 'button',
      text: TEXT[name],
      'aria-pressed': 'false',
      'data-testid': `open-${name}`,
      onclick: () => toggle(name),
    });
    tabs.append(buttons[name]);
  }
  // The buttons go in the page's header (after the menu); the open panel covers the workbook.
  const header = document.querySelector('body > header');
  if (header) header.append(tabs);
  root.replaceChildren(...(header ? [] : [tabs]), panels.calendars, panels.documents);
  function place() {
    const area = document.getElementById('workbook');
    if (!area) return;
    const r = area.getBoundingClientRect();
    for (const p of Object.values(panels))
      Object.assign(p.style, {
        top: `${r.top}px`,
        left: `${r.left}px`,
        width: `${r.width}px`,
        height: `${r.height}px`,
      });
  }
  window.addEventListener('resize', place);

  function toggle(name) {
    state.open = state.open === name ? null : name;
    place();
    for (const n of Object.keys(panels)) {
      panels[n].hidden = state.open !== n;
      buttons[n].setAttribute('aria-pressed', String(state.open === n));
    }
    refresh();
  }

  function head(title, ...extra) {
    return el(
      'div',
      { class: 'panel-head' },
      el('h2', { text: title }),
      ...extra,
      el('button', { type: 'button', class: 'close', text: TEXT.close, onclick: () => toggle(state.open) }),
    );
  }

  async function getJson(path) {
    const response = await fetch(path, { cache: 'no-store' });
    if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
    return response.json();
  }

  async function drawCalendars() {
    const panel = panels.calendars;
    let week;
    try {
      week = await getJson(`/panels/calendar${state.week ? `?week=${state.week}` : ''}`);
    } catch (e) {
      panel.replaceChildren(head(TEXT.calendars), el('p', { class: 'empty', text: TEXT.failed + e.message }));
      return;
    }
    const move = (days) => () => {
      state.week = isoOf(dayOf(week.monday) + days);
      drawCalendars();
    };
    const title = el('span', {
      'data-testid': 'calendar-week',
      text: TEXT.week(longDate(week.monday), longDate(week.sunday)),
    });
    const controls = [
      el('button', {
        type: 'button',
        text: TEXT.previous,
        'data-testid': 'week-previous',
        onclick: move(-7),
      }),
      el('button', {
        type: 'button',
        text: TEXT.current,
        'data-testid': 'week-current',
        onclick: () => {
          state.week = null;
          drawCalendars();
        },
      }),
      el('button', { type: 'button', text: TEXT.next, 'data-testid': 'week-next', onclick: move(7) }),
    ];
    const legend = el(
      'p',
      { class: 'legend' },
      el('span', {}, el('span', { class: 'swatch booking' }), TEXT.booking),
      el('span', {}, el('span', { class: 'swatch external' }), TEXT.external),
    );
    const days = Array.from({ length: 7 }, (_, i) => isoOf(dayOf(week.monday) + i));
    const spaces = week.spaces.map((space) => {
      const section = el('section', { class: 'space', 'data-space': space.space });
      section.append(
        el('h3', { text: space.space }),
        el('p', {
          class: 'note',
          text: space.calendarId ? TEXT.calendar(space.calendarId) : TEXT.noCalendar,
        }),
      );
      if (space.items.length === 0) {
        section.append(el('p', { class: 'empty', text: TEXT.empty }));
        return section;
      }
      const grid = el('div', { class: 'week' });
      for (const d of days) {
        const cell = el(
          'div',
          { class: `day${d === week.today ? ' today' : ''}`, 'data-day': d },
          el('div', { class: 'date', text: shortDay(d) }),
        );
        for (const item of space.items.filter((it) => it.startDate <= d && it.endDate >= d)) {
          const when = item.startTime
            ? (item.startDate === d ? item.startTime : '…') + (item.endDate === d ? `–${item.endTime}` : '→')
            : TEXT.allDay;
          const detail =
            item.kind === 'booking'
              ? `${TEXT.booking} ${item.id} · ${item.status} · ${item.synced ? TEXT.synced : TEXT.notSynced}`
              : `${TEXT.external}${item.creator ? ` · ${TEXT.by} ${item.creator}` : ''}`;
          const cancelled = item.status === 'Annulée' || item.status === 'cancelled';
          cell.append(
            el(
              'div',
              {
                class: `item ${item.kind}${cancelled ? ' cancelled' : ''}`,
                'data-kind': item.kind,
                'data-id': item.id,
                title: `${item.title} — ${detail}`,
              },
              el('span', { class: 'when', text: when }),
              item.title,
            ),
          );
        }
        grid.append(cell);
      }
      section.append(grid);
      return section;
    });
    panel.replaceChildren(
      head(TEXT.calendars, title, ...controls),
      legend,
      ...(spaces.length ? spaces : [el('p', { class: 'empty', text: TEXT.noSpaces })]),
    );
  }

  async function drawDocuments() {
    const panel = panels.documents;
    let docs;
    try {
      docs = await getJson('/panels/documents');
    } catch (e) {
      panel.replaceChildren(head(TEXT.documents), el('p', { class: 'empty', text: TEXT.failed + e.message }));
      return;
    }
    if (docs.length === 0) {
      panel.replaceChildren(head(TEXT.documents), el('p', { class: 'empty', text: TEXT.noDocuments }));
      return;
    }
    if (!docs.some((d) => d.id && d.id === state.doc)) state.doc = docs.find((d) => d.id)?.id ?? null;
    const list = el('ul', { class: 'doc-list', 'data-testid': 'document-list' });
    for (const d of docs) {
      const meta = [
        d.kind,
        d.generatedAt,
        d.status,
        d.id ? (d.inSheet ? '' : TEXT.driveOnly) : TEXT.missingFile,
      ]
        .filter(Boolean)
        .join(' · ');
      const b = el(
        'button',
        { type: 'button', 'aria-current': String(d.id === state.doc), 'data-id': d.id ?? '' },
        d.title,
        el('small', { text: meta }),
      );
      if (d.id)
        b.onclick = () => {
          state.doc = d.id;
          drawDocuments();
        };
      else b.disabled = true;
      list.append(el('li', {}, b));
    }
    const view = el('div', { class: 'doc-view' });
    const chosen = docs.find((d) => d.id === state.doc);
    if (chosen) {
      const q = `id=${encodeURIComponent(chosen.id)}`;
      view.append(
        el(
          'div',
          { class: 'actions' },
          el('a', {
            href: `/panels/document.docx?${q}`,
            download: '',
            'data-testid': 'document-download',
            text: TEXT.download,
          }),
        ),
        // Nothing in the document may run: an empty sandbox.
        el('iframe', {
          src: `/panels/document?${q}`,
          sandbox: '',
          title: chosen.title,
          'data-testid': 'document-frame',
        }),
      );
    } else {
      view.append(el('p', { class: 'empty', text: TEXT.pick }));
    }
    panel.replaceChildren(head(TEXT.documents), el('div', { class: 'docs' }, list, view));
  }

  function refresh() {
    if (state.open === 'calendars') drawCalendars();
    if (state.open === 'documents') drawDocuments();
  }
  // A sidebar call (booking saved, document made) may change what an open panel shows.
  window.addEventListener('message', (event) => {
    if (event.data?.type === 'pilote-rpc') refresh();
  });
})();
