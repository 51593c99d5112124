'use strict';

// The live timing page. It picks a session, opens its server-sent event stream (/sessions/{id}/live) and keeps the
// board in step: a numbered `snapshot` first, then `delta`s with only what changed (a gap in the numbers re-syncs).
// Rows are kept per car and updated in place, so a click, the focus or the scroll position is never lost to an
// update. The page always says how fresh it is: Live, Final, Stale since ..., Server unreachable.
// No framework and no build step: the page is served as it is written. The Charts view is charts.js (uPlot);
// notable events (lead changes, pit stops, ...) come as `notable` events on the same stream and show in a ticker.

(function () {
  const OVERALL = '';
  const STALE_AFTER_MS = 6000;      // heartbeats come every 2 s: three missed ones mean trouble
  const RECONNECT_AFTER_MS = 15000; // a connection that stays silent this long is dead, whatever the browser thinks
  const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000, 30000];
  const CLASS_COLOURS = {
    'HYPERCAR': '#e10600', 'LMH': '#e10600', 'LMDH': '#e10600', 'LMP1': '#e10600',
    'LMP2': '#1f6fff', 'LMP3': '#8b5cf6',
    'LMGT3': '#10b981', 'LMGTE PRO': '#10b981', 'LMGTE AM': '#f59e0b', 'GTE': '#10b981',
    'INNOVATIVE CAR': '#a3a3a3'
  };
  const FALLBACK_COLOURS = ['#06b6d4', '#eab308', '#ec4899', '#84cc16', '#f97316', '#6366f1'];
  const STATUS_LABELS = {
    GREEN: 'Green flag', YELLOW: 'Yellow', SLOW_ZONE: 'Slow zone', FULL_COURSE_YELLOW: 'Full course yellow',
    SAFETY_CAR: 'Safety car', RED: 'Red flag', CHEQUERED: 'Chequered flag'
  };
  const STATE_BADGES = { IN_PIT: 'PIT', OUT_LAP: 'OUT', RETIRED: 'RET', FINISHED: 'FIN', STOPPED: 'STOP' };
  const TICKER_SIZE = 40;            // notable events kept in the ticker
  const TICKER_LOOKBACK_MS = 3600000; // a joining screen reads the last hour's notable events
  const EXTRAPOLATE_MAX_MS = 120000;  // pit timers run on between boards, but not forever on a silent feed

  const el = (id) => document.getElementById(id);
  const state = {
    sessionId: null,
    carClass: OVERALL,
    sessions: [],
    board: null,          // the standings as the last snapshot + deltas make them
    seq: 0,
    track: null,
    feed: 'RUNNING',      // the server's live feed, as heartbeats report it
    source: null,
    attempt: 0,
    reconnectTimer: null,
    lastMessageAt: 0,     // when anything (heartbeat included) last arrived
    lastDataAt: 0,        // when the board last changed
    opened: false,
    unreachable: false,
    renderPending: false,
    rows: new Map(),      // car -> { tr, cells, values }
    sectors: 0,
    previousPositions: new Map(),
    detailsCar: null,
    tabKeys: '',
    view: 'board',
    boardAt: 0,           // wall clock when the board's session time was last read from the server
    notables: [],         // latest first: {id, atMs, at, kind, text}
    withdrawn: new Set(), // ids of notable events taken back
    notablesLoaded: false
  };
  const charts = window.RaceCharts ? window.RaceCharts.create({
    board: () => state.board,
    sessionId: () => state.sessionId,
    carClass: () => state.carClass,
    onOutlook: () => { if (state.detailsCar) { renderDetails(); } }
  }) : null;

  // ------------------------------------------------------------------ helpers

  function classColour(name) {
    const key = String(name || '').toUpperCase();
    if (CLASS_COLOURS[key]) {
      return CLASS_COLOURS[key];
    }
    let hash = 0;
    for (const c of key) {
      hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
    }
    return FALLBACK_COLOURS[hash % FALLBACK_COLOURS.length];
  }

  function clockText(ms) {
    if (ms == null) {
      return '--:--:--';
    }
    const s = Math.floor(ms / 1000);
    const pad = (n) => String(n).padStart(2, '0');
    return Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
  }

  function shortDuration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  function wallTime(ms) {
    return new Date(ms).toLocaleTimeString('en-GB');
  }

  const node = window.Dom.node;

  /** Sets text and class of an element only when they differ: no layout work for what did not change. */
  function put(e, text, className) {
    const t = text == null ? '' : String(text);
    if (e.textContent !== t) {
      e.textContent = t;
    }
    if (className != null && e.className !== className) {
      e.className = className;
    }
  }

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    state.sessionId = params.get('session');
    state.carClass = params.get('class') || OVERALL;
    state.view = params.get('view') === 'charts' ? 'charts' : 'board';
  }

  function writeUrl() {
    const params = new URLSearchParams();
    if (state.sessionId) {
      params.set('session', state.sessionId);
    }
    if (state.carClass) {
      params.set('class', state.carClass);
    }
    if (state.view !== 'board') {
      params.set('view', state.view);
    }
    const query = params.toString();
    window.history.replaceState(null, '', query ? '?' + query : window.location.pathname);
  }

  // ------------------------------------------------------------------ freshness

  function sessionOver() {
    return !!(state.board && (state.board.chequered || state.board.finalClassification)) ||
      !!(state.track && state.track.sessionEnded);
  }

  /** The connection badge: one place decides what the page claims about its freshness. */
  function showConnection() {
    const now = Date.now();
    let kind;
    let text;
    if (state.unreachable) {
      kind = 'error';
      text = 'Server unreachable' + (state.lastDataAt ? ' · data from ' + wallTime(state.lastDataAt) : '') +
        ' · retrying';
    } else if (!state.opened) {
      kind = 'connecting';
      text = state.attempt > 0 ? 'Reconnecting…' : 'Connecting…';
    } else if (now - state.lastMessageAt > STALE_AFTER_MS) {
      kind = 'stale';
      text = 'Stale since ' + wallTime(state.lastMessageAt);
    } else if (state.feed !== 'RUNNING') {
      kind = 'stale';
      text = 'Stale since ' + wallTime(state.lastDataAt || state.lastMessageAt) + ' · server feed restarting';
    } else if (!state.board) {
      kind = 'idle';
      text = 'Waiting for the session';
    } else if (sessionOver()) {
      kind = 'final';
      text = 'Final';
    } else {
      kind = 'live';
      text = 'Live';
    }
    const box = el('connection');
    if (box.dataset.state !== kind) {
      box.dataset.state = kind;
    }
    put(el('connection-text'), text);
    document.body.classList.toggle('is-stale', kind === 'stale' || kind === 'error');
  }

  // ------------------------------------------------------------------ sessions

  async function loadSessions() {
    let sessions;
    try {
      const response = await fetch('/sessions', { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      sessions = (await response.json()).sessions || [];
    } catch (e) {
      // Keep what is on screen; the connection badge says the server is unreachable.
      state.unreachable = true;
      showConnection();
      return;
    }
    state.sessions = sessions;
    if (state.opened) {
      state.unreachable = false;
    }
    const select = el('session');
    const options = sessions.map((s) => [s.id, (s.name || s.id) + (s.chequered ? ' · final' : ' · running')]);
    const key = JSON.stringify(options);
    if (select.dataset.key !== key) {
      select.dataset.key = key;
      select.replaceChildren(...options.map(([id, label]) => {
        const option = node('option', null, label);
        option.value = id;
        option.title = id;
        return option;
      }));
    }
    if (sessions.length === 0 && !state.sessionId) {
      showEmpty('No session yet. Start one with ./timing demo or publish events to timing-events; ' +
        'this page picks it up by itself.');
      return;
    }
    if (!state.sessionId) {
      // The newest running session, else the newest one.
      const running = sessions.filter((s) => !s.chequered);
      selectSession((running.length ? running : sessions).slice(-1)[0].id);
    }
    select.value = state.sessionId;
    if (state.board) {
      scheduleRender();
    }
  }

  function selectSession(id) {
    if (id === state.sessionId && state.source) {
      return;
    }
    state.sessionId = id;
    state.board = null;
    state.track = null;
    state.seq = 0;
    state.previousPositions.clear();
    state.notables = [];
    state.withdrawn.clear();
    state.notablesLoaded = false;
    renderTicker();
    clearRows();
    closeDetails();
    writeUrl();
    if (charts) {
      charts.sessionChanged();
    }
    connect();
  }

  // ------------------------------------------------------------------ live stream

  function connect() {
    window.clearTimeout(state.reconnectTimer);
    if (state.source) {
      state.source.close();
      state.source = null;
    }
    if (!state.sessionId) {
      return;
    }
    state.opened = false;
    showConnection();
    const source = new EventSource('/sessions/' + encodeURIComponent(state.sessionId) + '/live');
    state.source = source;
    source.onopen = () => {
      state.opened = true;
      state.unreachable = false;
      state.lastMessageAt = Date.now();
      showConnection();
    };
    // Any failure, CLOSED included: close it and try again later, with a growing pause (the browser's own retry
    // stops for good after a non-200 answer).
    source.onerror = () => {
      if (state.source !== source) {
        return;
      }
      source.close();
      state.source = null;
      state.unreachable = !state.opened || state.attempt > 0;
      state.opened = false;
      scheduleReconnect();
      showConnection();
    };
    const handle = (name, fn) => source.addEventListener(name, (event) => {
      if (state.source !== source) {
        return;
      }
      state.lastMessageAt = Date.now();
      fn(event.data ? JSON.parse(event.data) : null);
      showConnection();
    });
    handle('snapshot', (body) => {
      state.board = body.standings;
      state.seq = body.seq;
      state.attempt = 0;
      state.lastDataAt = Date.now();
      state.boardAt = Date.now();
      loadNotables();
      scheduleRender();
    });
    handle('delta', (body) => {
      if (!state.board || body.seq !== state.seq + 1) {
        resync();
        return;
      }
      applyDelta(state.board, body);
      state.seq = body.seq;
      state.lastDataAt = Date.now();
      state.boardAt = Date.now();
      scheduleRender();
    });
    handle('track-status', (body) => {
      state.track = body;
      scheduleRender();
    });
    handle('notable', (body) => {
      addNotable(body, true);
    });
    handle('heartbeat', (body) => {
      state.feed = body.feed || 'RUNNING'; // no feed named: nothing to report
    });
    handle('waiting', (body) => {
      state.attempt = 0;
      if (!state.board) {
        showEmpty(body.message);
      }
    });
  }

  /** A delta that does not follow the board held: start again from a snapshot. */
  function resync() {
    state.seq = 0;
    connect();
  }

  function scheduleReconnect() {
    const pause = BACKOFF_MS[Math.min(state.attempt, BACKOFF_MS.length - 1)];
    state.attempt++;
    window.clearTimeout(state.reconnectTimer);
    state.reconnectTimer = window.setTimeout(() => {
      loadSessions();
      connect();
    }, pause * (0.75 + Math.random() * 0.5));
  }

  function watchdog() {
    if (state.opened && Date.now() - state.lastMessageAt > RECONNECT_AFTER_MS) {
      state.opened = false;
      state.attempt = Math.max(state.attempt, 1);
      connect();
    }
    showConnection();
  }

  /**
   * The session time now: the board's, run on by the wall clock since it arrived, so that pit-lane timers tick between
   * boards. Not when the session is over or the page is stale, and for at most EXTRAPOLATE_MAX_MS.
   */
  function sessionNow(board) {
    if (!board || board.sessionTimeMs == null) {
      return null;
    }
    const stale = !state.opened || Date.now() - state.lastMessageAt > STALE_AFTER_MS || state.feed !== 'RUNNING';
    if (sessionOver() || stale || !state.boardAt) {
      return board.sessionTimeMs;
    }
    return board.sessionTimeMs + Math.min(EXTRAPOLATE_MAX_MS, Math.max(0, Date.now() - state.boardAt));
  }

  /** Once a second: the pit-lane timers move on even when no board comes. */
  function tickPitTimers() {
    const board = state.board;
    if (!board) {
      return;
    }
    renderSide(board);
    const inClass = state.carClass !== OVERALL;
    for (const car of board.cars) {
      const row = car.state === 'IN_PIT' && state.rows.get(car.car);
      if (row && (!inClass || car.carClass === state.carClass)) {
        const list = badges(car, board);
        renderBadges(row.cells.state, list);
        renderBadges(row.cells.driverBadges, list);
      }
    }
  }

  // ------------------------------------------------------------------ notable events ticker

  /** A joining screen's recent notable events (the live stream brings only new ones); merged by id with live ones. */
  async function loadNotables() {
    if (state.notablesLoaded || !state.board) {
      return;
    }
    state.notablesLoaded = true;
    const sessionId = state.sessionId;
    const from = Math.max(0, state.board.sessionTimeMs - TICKER_LOOKBACK_MS);
    try {
      const response = await fetch('/sessions/' + encodeURIComponent(sessionId) + '/notable-events?from=' +
        (from / 1000).toFixed(3), { headers: { Accept: 'application/json' } });
      if (!response.ok || sessionId !== state.sessionId) {
        return;
      }
      const body = await response.json();
      (body.events || []).forEach((notable) => addNotable(notable, false));
    } catch (e) {
      // The ticker fills with live events alone.
    }
  }

  function addNotable(notable, live) {
    if (!notable || !notable.id) {
      return;
    }
    if (notable.withdrawn) {
      // A late event made it untrue: it leaves the ticker.
      state.withdrawn.add(notable.id);
      state.notables = state.notables.filter((n) => n.id !== notable.id);
      renderTicker();
      return;
    }
    if (state.withdrawn.has(notable.id) || state.notables.some((n) => n.id === notable.id)) {
      return;
    }
    notable.fresh = live;
    state.notables.push(notable);
    state.notables.sort((a, b) => b.atMs - a.atMs);
    state.notables.length = Math.min(state.notables.length, TICKER_SIZE);
    renderTicker();
  }

  /** Latest first; items are reused by id, so the list never jumps or steals focus, only grows at the top. */
  function renderTicker() {
    const list = el('ticker');
    const existing = new Map(Array.from(list.children).map((li) => [li.dataset.id, li]));
    const items = state.notables.map((n) => {
      let li = existing.get(n.id);
      if (!li) {
        li = node('li', 'notable kind-' + n.kind + (n.fresh ? ' fresh' : ''));
        li.dataset.id = n.id;
        li.appendChild(node('span', 'notable-at', n.at ? n.at.split('.')[0] : ''));
        li.appendChild(node('span', 'notable-text', n.text));
      }
      return li;
    });
    if (items.length === 0) {
      const empty = node('li', 'muted', state.sessionId ? 'No notable event yet' : '');
      empty.dataset.id = '';
      items.push(empty);
    }
    const same = items.length === list.children.length && items.every((li, i) => list.children[i] === li);
    if (!same) {
      list.replaceChildren(...items);
    }
  }

  // ------------------------------------------------------------------ views

  function selectView(view) {
    state.view = view === 'charts' ? 'charts' : 'board';
    for (const button of document.querySelectorAll('.views .view')) {
      const selected = button.dataset.view === state.view;
      button.setAttribute('aria-selected', String(selected));
      button.tabIndex = selected ? 0 : -1;
    }
    el('board-view').hidden = state.view !== 'board';
    el('charts-view').hidden = state.view !== 'charts';
    writeUrl();
    if (charts) {
      charts.show(state.view === 'charts');
    }
  }

  function applyDelta(board, delta) {
    if (delta.set) {
      Object.assign(board, delta.set);
    }
    const byCar = new Map(board.cars.map((c) => [c.car, c]));
    if (delta.cars) {
      for (const [car, fields] of Object.entries(delta.cars)) {
        const line = byCar.get(car);
        if (line) {
          Object.assign(line, fields);
        } else {
          byCar.set(car, Object.assign({}, fields));
        }
      }
    }
    if (delta.removed) {
      delta.removed.forEach((car) => byCar.delete(car));
    }
    board.cars = delta.order ? delta.order.map((car) => byCar.get(car)) : Array.from(byCar.values());
  }

  // ------------------------------------------------------------------ rendering

  function scheduleRender() {
    if (!state.renderPending) {
      state.renderPending = true;
      window.requestAnimationFrame(() => {
        state.renderPending = false;
        render();
      });
    }
  }

  function showEmpty(text) {
    put(el('empty'), text);
    el('empty').hidden = false;
    el('board').hidden = true;
  }

  function clearRows() {
    state.rows.forEach((row) => row.tr.remove());
    state.rows.clear();
  }

  function renderTrack() {
    const banner = el('track-status');
    const board = state.board;
    let status = state.track ? state.track.status : (board ? board.trackStatus : null);
    if (board && board.chequered) {
      status = 'CHEQUERED';
    }
    banner.dataset.status = status || 'NONE';
    put(el('track-label'), status ? STATUS_LABELS[status] || status : 'Waiting for a session');
    const zones = [];
    if (state.track && state.track.activeSlowZones.length) {
      zones.push('Slow zones ' + state.track.activeSlowZones.join(', '));
    }
    if (state.track && state.track.activeYellowZones.length) {
      zones.push('Yellow ' + state.track.activeYellowZones.join(', '));
    }
    put(el('track-zones'), zones.join(' · '));
  }

  /** Classes in the entry list's order (the session summary's), then any the board has that it does not. */
  function classOrder(board) {
    const summary = state.sessions.find((s) => s.id === state.sessionId);
    const order = summary && summary.classes ? summary.classes.slice() : [];
    for (const c of board.classes) {
      if (!order.includes(c)) {
        order.push(c);
      }
    }
    return order.filter((c) => board.classes.includes(c));
  }

  function renderTabs(board) {
    const counts = new Map();
    for (const car of board.cars) {
      counts.set(car.carClass, (counts.get(car.carClass) || 0) + 1);
    }
    if (state.carClass && !counts.has(state.carClass)) {
      state.carClass = OVERALL;
      writeUrl();
    }
    const keys = [OVERALL].concat(classOrder(board));
    const tabs = el('tabs');
    if (state.tabKeys !== keys.join('\n')) {
      // The set of classes changed (rare): build the tabs. Otherwise they are only updated in place.
      state.tabKeys = keys.join('\n');
      tabs.replaceChildren(...keys.map((key, i) => {
        const tab = node('button', 'tab');
        tab.type = 'button';
        tab.id = 'tab-' + i;
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-controls', 'board-panel');
        tab.dataset.class = key;
        tab.style.setProperty('--tab-colour', key ? classColour(key) : 'var(--accent)');
        if (key) {
          tab.appendChild(node('span', 'chip'));
        }
        tab.appendChild(node('span', 'label', key || 'Overall'));
        tab.appendChild(node('span', 'count'));
        return tab;
      }));
    }
    for (const tab of tabs.children) {
      const key = tab.dataset.class;
      const selected = key === state.carClass;
      if (tab.getAttribute('aria-selected') !== String(selected)) {
        tab.setAttribute('aria-selected', String(selected));
        tab.tabIndex = selected ? 0 : -1;
      }
      if (selected) {
        el('board-panel').setAttribute('aria-labelledby', tab.id);
      }
      put(tab.querySelector('.count'), key ? counts.get(key) || 0 : board.cars.length);
    }
  }

  function sectorCount(cars) {
    let n = 0;
    for (const car of cars) {
      n = Math.max(n, car.lastSectors.length, car.bestSectors.length);
    }
    return n;
  }

  /** Best sector time of each class, for purple sectors. */
  function classBestSectors(cars, sectors) {
    const best = new Map();
    for (const car of cars) {
      const row = best.get(car.carClass) || new Array(sectors).fill(null);
      car.bestSectors.forEach((s, i) => {
        if (s && (row[i] == null || s.ms < row[i])) {
          row[i] = s.ms;
        }
      });
      best.set(car.carClass, row);
    }
    return best;
  }

  function renderSectorHeads(sectors) {
    if (sectors === state.sectors) {
      return;
    }
    state.sectors = sectors;
    const head = el('board-head');
    head.querySelectorAll('.col-sector').forEach((th) => th.remove());
    const before = head.querySelector('.col-pits');
    for (let i = 0; i < sectors; i++) {
      const th = node('th', 'num col-sector', 'S' + (i + 1));
      th.scope = 'col';
      head.insertBefore(th, before);
    }
    clearRows(); // rows get their sector cells anew
  }

  const COLUMNS = ['pos', 'no', 'class', 'driver', 'laps', 'gap', 'int', 'last', 'best'];
  const TAIL_COLUMNS = ['pits', 'stint', 'state'];

  function makeRow(car) {
    const tr = node('tr');
    tr.dataset.car = car;
    const cells = {};
    for (const name of COLUMNS) {
      cells[name] = tr.appendChild(node('td', 'col-' + name));
    }
    cells.sectors = [];
    for (let i = 0; i < state.sectors; i++) {
      cells.sectors.push(tr.appendChild(node('td', 'num time sector col-sector')));
    }
    for (const name of TAIL_COLUMNS) {
      cells[name] = tr.appendChild(node('td', 'col-' + name));
    }
    // Fixed inner structure, filled by text updates only.
    cells.pos.className = 'num col-pos pos';
    cells.posMain = cells.pos.appendChild(node('span'));
    cells.posSub = cells.pos.appendChild(node('span', 'sub'));
    const button = node('button', 'carno', car);
    button.type = 'button';
    button.setAttribute('aria-label', 'Car ' + car + ': details');
    cells.no.appendChild(button);
    cells.classTag = cells.class.appendChild(node('span', 'class-tag'));
    cells.classPos = cells.class.appendChild(node('span', 'class-pos'));
    cells.driver.className = 'col-driver driver';
    cells.driverName = cells.driver.appendChild(node('span', 'name'));
    cells.driverBadges = cells.driver.appendChild(node('span', 'inline-state'));
    cells.team = cells.driver.appendChild(node('span', 'team'));
    for (const name of ['laps', 'gap', 'int', 'last', 'best', 'pits', 'stint']) {
      cells[name].className = 'num time col-' + name;
    }
    cells.pits.className = 'num col-pits pits';
    cells.pitsCount = cells.pits.appendChild(node('span', 'stops'));
    cells.pitsLane = cells.pits.appendChild(node('span', 'lane'));
    return { tr, cells };
  }

  function lapMark(text, best, personal) {
    if (!text) {
      return ['', ''];
    }
    if (best) {
      return ['★ ' + text, 'best-overall'];
    }
    if (personal) {
      return ['● ' + text, 'best-personal'];
    }
    return [text, ''];
  }

  function badges(car, board) {
    const list = [];
    if (board.chequered && car.status !== 'Classified' && car.status !== 'Running') {
      // After the flag the classification status is what counts: Retired, Not classified.
      list.push(['status', car.status, car.status]);
    } else if (car.state === 'IN_PIT' && car.pitInAtMs != null) {
      list.push(['state-IN_PIT', 'PIT ' + shortDuration(sessionNow(board) - car.pitInAtMs), 'In the pit lane']);
    } else if (car.state === 'STOPPED') {
      list.push(['state-STOPPED', 'STOP', 'Stopped' + (car.stoppedSince ? ' since ' + car.stoppedSince : '')]);
    } else if (STATE_BADGES[car.state]) {
      list.push(['state-' + car.state, STATE_BADGES[car.state], car.status]);
    } else if (car.status && car.status !== 'Running' && car.status !== 'Classified') {
      list.push(['status', car.status, car.status]);
    }
    if (car.penaltyLaps || car.penaltyTimeMs) {
      const parts = [];
      if (car.penaltyLaps) {
        parts.push('+' + car.penaltyLaps + ' L');
      }
      if (car.penaltyTimeMs) {
        parts.push('+' + car.penaltyTime);
      }
      list.push(['penalty', parts.join(' '), 'Penalty: ' + parts.join(', ')]);
    }
    // Flagged once the car can no longer meet the minimums (or took the flag short), not while a driver is still to drive.
    const short = (car.driverTimes || []).filter((d) => d.short);
    if (car.driveTimeShort && short.length) {
      list.push(['short', 'DT', 'Short of the minimum drive time: ' + short.map((d) => d.driver).join(', ')]);
    }
    return list;
  }

  function renderBadges(container, list) {
    const key = JSON.stringify(list);
    if (container.dataset.key === key) {
      return;
    }
    container.dataset.key = key;
    container.replaceChildren(...list.map(([cls, text, title]) => {
      const badge = node('span', 'badge ' + cls, text);
      badge.title = title || '';
      return badge;
    }));
  }

  function updateRow(row, car, board, inClass, classBest, moved) {
    const c = row.cells;
    const position = inClass ? car.classPosition : car.position;
    row.tr.className = [car.state === 'RETIRED' || car.status === 'Retired' ? 'retired' : '',
      car.state === 'STOPPED' ? 'stopped' : '', moved].filter(Boolean).join(' ');
    row.tr.style.setProperty('--class-colour', classColour(car.carClass));
    put(c.posMain, position);
    put(c.posSub, inClass ? 'P' + car.position : '');
    put(c.classTag, car.carClass);
    put(c.classPos, 'P' + car.classPosition);
    put(c.driverName, car.driver || '—');
    put(c.team, car.team || '');
    put(c.laps, car.laps);
    const gap = inClass ? car.classGapFirst : car.gapFirst;
    const interval = inClass ? car.classInterval : car.interval;
    put(c.gap, gap ? gap.text : '—');
    put(c.int, interval ? interval.text : '');
    const [lastText, lastClass] = lapMark(car.lastLap, car.lastLapClassBest, car.lastLapPersonalBest);
    put(c.last, lastText, 'num time col-last ' + lastClass);
    const [bestText, bestClass] = lapMark(car.bestLap, car.bestLapClassBest, false);
    put(c.best, bestText, 'num time col-best ' + bestClass);
    for (let i = 0; i < c.sectors.length; i++) {
      const last = car.lastSectors[i];
      const personal = car.bestSectors[i];
      let cls = '';
      let text = last ? last.text : '';
      if (last && classBest[i] != null && last.ms <= classBest[i]) {
        cls = 'best-overall';
        text = '★ ' + text;
      } else if (last && personal && last.ms <= personal.ms) {
        cls = 'best-personal';
        text = '● ' + text;
      }
      put(c.sectors[i], text, 'num time sector col-sector ' + cls);
    }
    put(c.pitsCount, car.pitStops);
    put(c.pitsLane, car.lastPitLane || '');
    put(c.stint, car.stintLaps + ' L');
    const list = badges(car, board);
    renderBadges(c.state, list);
    renderBadges(c.driverBadges, list);
  }

  function render() {
    const board = state.board;
    renderTrack();
    if (!board) {
      showConnection();
      return;
    }
    put(el('session-name'), (board.sessionName || board.sessionId) + ' · ' + board.cars.length + ' cars');
    document.title = (board.sessionName || 'Live Timing') + ' · Live Timing';
    const finished = board.chequeredAtMs != null;
    put(el('clock-label'), finished ? 'Finish' : 'Session');
    put(el('clock'), clockText(board.clockMs != null ? board.clockMs : board.sessionTimeMs));
    el('remaining-box').hidden = board.remainingMs == null || finished;
    put(el('remaining'), clockText(board.remainingMs));
    renderTabs(board);

    const inClass = state.carClass !== OVERALL;
    const cars = board.cars.filter((c) => !inClass || c.carClass === state.carClass);
    el('board').classList.toggle('in-class', inClass);
    if (cars.length === 0) {
      showEmpty('No cars in this session yet.');
      return;
    }
    el('empty').hidden = true;
    el('board').hidden = false;

    renderSectorHeads(sectorCount(board.cars));
    const bestSectors = classBestSectors(board.cars, state.sectors);
    const body = el('board-body');
    const positions = new Map();
    const shown = new Set();
    let previous = null;
    for (const car of cars) {
      let row = state.rows.get(car.car);
      if (!row) {
        row = makeRow(car.car);
        state.rows.set(car.car, row);
      }
      shown.add(car.car);
      const position = inClass ? car.classPosition : car.position;
      const before = state.previousPositions.get(car.car);
      positions.set(car.car, position);
      const moved = before == null || before === position ? '' : (position < before ? 'gained' : 'lost');
      updateRow(row, car, board, inClass, bestSectors.get(car.carClass) || [], moved);
      // Move a row only when it is out of place: untouched rows keep focus and hover.
      const expected = previous ? previous.nextSibling : body.firstChild;
      if (expected !== row.tr) {
        body.insertBefore(row.tr, expected);
      }
      previous = row.tr;
    }
    for (const [car, row] of state.rows) {
      if (!shown.has(car)) {
        row.tr.remove();
        state.rows.delete(car);
      }
    }
    state.previousPositions = positions;

    renderSide(board);
    if (state.detailsCar) {
      renderDetails();
    }
    if (charts) {
      charts.boardChanged();
      charts.frame();
    }
    put(el('meta'), board.eventsSeen.toLocaleString('en') + ' events · ' + (sessionOver() ? 'final' : 'running') +
      ' · board ' + state.seq + ' at ' + wallTime(state.lastDataAt || Date.now()));
    showConnection();
  }

  function renderSide(board) {
    const inPit = board.cars.filter((c) => c.state === 'IN_PIT');
    const pit = el('pit-lane');
    const now = sessionNow(board);
    const pitKey = JSON.stringify(inPit.map((c) => [c.car, c.pitInAtMs, Math.floor(now / 1000)]));
    if (pit.dataset.key !== pitKey) {
      pit.dataset.key = pitKey;
      pit.replaceChildren(...(inPit.length ? inPit.map((c) => {
        const li = node('li');
        li.appendChild(node('span', 'carno small', c.car)).style.setProperty('--class-colour', classColour(c.carClass));
        li.appendChild(node('span', 'pit-driver', c.driver || ''));
        li.dataset.car = c.car;
        li.appendChild(node('span', 'pit-time time', c.pitInAtMs != null ? shortDuration(now - c.pitInAtMs) : ''));
        return li;
      }) : [node('li', 'muted', 'No car in the pit lane')]));
    }
    const messages = (state.track && state.track.messages) || [];
    const list = el('messages');
    const messageKey = messages.length + ':' + (messages.length ? messages[messages.length - 1].atMs : '');
    if (list.dataset.key !== messageKey) {
      list.dataset.key = messageKey;
      list.replaceChildren(...(messages.length ? messages.slice(-100).reverse().map((m) => {
        const li = node('li', 'message kind-' + m.kind);
        li.appendChild(node('span', 'message-at time', m.at ? m.at.split('.')[0] : ''));
        li.appendChild(node('span', 'message-text', m.text));
        return li;
      }) : [node('li', 'muted', 'No message yet')]));
    }
  }

  // ------------------------------------------------------------------ car details

  function openDetails(car) {
    state.detailsCar = car;
    el('details').hidden = false;
    renderDetails();
    el('details-close').focus();
  }

  function closeDetails() {
    const car = state.detailsCar;
    state.detailsCar = null;
    el('details').hidden = true;
    const row = car && state.rows.get(car);
    if (row) {
      row.cells.no.querySelector('button').focus();
    }
  }

  function renderDetails() {
    const car = state.board && state.board.cars.find((c) => c.car === state.detailsCar);
    if (!car) {
      closeDetails();
      return;
    }
    put(el('details-title'), '#' + car.car + ' · ' + car.carClass + ' · P' + car.position + ' (class P' +
      car.classPosition + ')');
    const outlook = charts ? charts.outlook(car.car) : null;
    if (charts) {
      charts.wantOutlook();
    }
    const key = JSON.stringify([car, state.board.sessionTimeMs, outlook]);
    const body = el('details-body');
    if (body.dataset.key === key) {
      return;
    }
    body.dataset.key = key;
    const facts = node('dl', 'facts');
    const fact = (term, value) => {
      facts.appendChild(node('dt', null, term));
      facts.appendChild(node('dd', 'time', value == null || value === '' ? '—' : value));
    };
    fact('Team', car.team);
    fact('Driver', car.driver);
    fact('State', badges(car, state.board).map((b) => b[2] || b[1]).join(', ') || car.status);
    fact('Laps', car.laps);
    fact('Gap / Int', (car.gapFirst ? car.gapFirst.text : '—') + ' / ' + (car.interval ? car.interval.text : '—'));
    fact('Last lap', lapMark(car.lastLap, car.lastLapClassBest, car.lastLapPersonalBest)[0]);
    fact('Best lap', car.bestLap ? car.bestLap + (car.bestLapNumber ? ' (lap ' + car.bestLapNumber + ')' : '') : '');
    fact('Pit stops', car.pitStops + (car.lastPitLane ? ' · last in lane ' + car.lastPitLane : ''));
    if (car.state === 'IN_PIT' && car.pitInAtMs != null) {
      fact('In pit lane for', shortDuration(sessionNow(state.board) - car.pitInAtMs));
    }
    fact('Stint', car.stintLaps + ' laps · ' + (car.stintTime || '—'));
    // Predictions: extrapolated from the car's recent laps and its completed stints.
    fact('Laps at the flag', outlook ? (outlook.projectedLapsAtFlag != null ? '≈ ' + outlook.projectedLapsAtFlag +
      (outlook.typicalLap ? ' (typical lap ' + outlook.typicalLap + ')' : '') : 'no estimate yet') : 'reading…');
    fact('Pit window', outlook ? (outlook.nextStopDueLap != null ? 'next stop due around lap ' + outlook.nextStopDueLap +
      ' (typical stint ' + outlook.typicalStintLaps + ' laps)' : 'after its first full stint') : 'reading…');
    if (car.penaltyLaps || car.penaltyTimeMs) {
      fact('Penalties', [car.penaltyLaps ? car.penaltyLaps + ' lap(s)' : '', car.penaltyTimeMs ? car.penaltyTime : '']
        .filter(Boolean).join(' + '));
    }

    const sectors = node('table', 'mini');
    const head = sectors.appendChild(node('tr'));
    head.appendChild(node('th', null, ''));
    const count = Math.max(car.lastSectors.length, car.bestSectors.length);
    for (let i = 0; i < count; i++) {
      head.appendChild(node('th', 'num', 'S' + (i + 1)));
    }
    for (const [label, list] of [['Last', car.lastSectors], ['Best', car.bestSectors]]) {
      const tr = sectors.appendChild(node('tr'));
      tr.appendChild(node('th', null, label));
      for (let i = 0; i < count; i++) {
        tr.appendChild(node('td', 'num time', list[i] ? list[i].text : '—'));
      }
    }

    const drivers = node('table', 'mini');
    const dh = drivers.appendChild(node('tr'));
    ['Driver', 'Category', 'Drive time', 'Minimum'].forEach((t) => dh.appendChild(node('th', null, t)));
    for (const d of car.driverTimes || []) {
      const tr = drivers.appendChild(node('tr', d.short ? 'short-row' : ''));
      tr.appendChild(node('td', null, d.driver));
      tr.appendChild(node('td', null, d.category || '—'));
      tr.appendChild(node('td', 'num time', d.text));
      tr.appendChild(node('td', 'num time', d.minimum ? d.minimum.split('.')[0] + (d.short ? ' ⚠ short' : ' ✓') : '—'));
    }
    body.replaceChildren(facts, node('h3', null, 'Sectors'), sectors, node('h3', null, 'Drivers'), drivers);
  }

  // ------------------------------------------------------------------ wiring

  function selectTab(tab) {
    state.carClass = tab.dataset.class;
    state.previousPositions.clear();
    writeUrl();
    render();
    if (charts) {
      charts.classChanged();
    }
    tab.focus();
  }

  el('session').addEventListener('change', (event) => selectSession(event.target.value));
  el('tabs').addEventListener('click', (event) => {
    const tab = event.target.closest('.tab');
    if (tab) {
      selectTab(tab);
    }
  });
  // WAI-ARIA tabs: arrows move between tabs, Home/End go to the ends; selection follows focus.
  el('tabs').addEventListener('keydown', (event) => {
    const tabs = Array.from(el('tabs').children);
    const i = tabs.indexOf(document.activeElement);
    if (i < 0) {
      return;
    }
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (next == null) {
      return;
    }
    event.preventDefault();
    selectTab(tabs[(next + tabs.length) % tabs.length]);
  });
  el('board-body').addEventListener('click', (event) => {
    const tr = event.target.closest('tr');
    if (tr) {
      openDetails(tr.dataset.car);
    }
  });
  el('details-close').addEventListener('click', closeDetails);
  document.querySelector('.views').addEventListener('click', (event) => {
    const button = event.target.closest('.view');
    if (button) {
      selectView(button.dataset.view);
    }
  });
  document.querySelector('.views').addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      event.preventDefault();
      selectView(state.view === 'board' ? 'charts' : 'board');
      el('view-' + state.view).focus();
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && state.detailsCar) {
      closeDetails();
    }
  });

  readUrl();
  renderTicker();
  selectView(state.view);
  if (state.sessionId) {
    if (charts) {
      charts.sessionChanged();
    }
    connect();
  }
  loadSessions();
  window.setInterval(loadSessions, 10000);
  window.setInterval(watchdog, 1000);
  window.setInterval(tickPitTimers, 1000);
})();
