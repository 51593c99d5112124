'use strict';

// The live timing page: picks a session, opens its server-sent event stream (/sessions/{id}/live) and redraws the
// board on every change. No framework and no build step: the page is served as it is written.

(function () {
  const OVERALL = '';
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
  const STATE_BADGES = { IN_PIT: 'PIT', OUT_LAP: 'OUT', RETIRED: 'RET', FINISHED: 'FIN' };

  const el = (id) => document.getElementById(id);
  const state = {
    sessionId: null,
    carClass: OVERALL,
    standings: null,
    track: null,
    source: null,
    previousPositions: new Map(),
    sessionsTimer: null
  };

  // ------------------------------------------------------------------ helpers

  function escapeHtml(text) {
    return String(text == null ? '' : text).replace(/[&<>"']/g, (c) => ({
      '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'
    })[c]);
  }

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

  function gapText(gap) {
    return gap ? gap.text : '';
  }

  function clockText(ms) {
    if (ms == null) {
      return '--:--:--';
    }
    const s = Math.floor(ms / 1000);
    const pad = (n) => String(n).padStart(2, '0');
    return Math.floor(s / 3600) + ':' + pad(Math.floor(s / 60) % 60) + ':' + pad(s % 60);
  }

  function readUrl() {
    const params = new URLSearchParams(window.location.search);
    state.sessionId = params.get('session');
    state.carClass = params.get('class') || OVERALL;
  }

  function writeUrl() {
    const params = new URLSearchParams();
    if (state.sessionId) {
      params.set('session', state.sessionId);
    }
    if (state.carClass) {
      params.set('class', state.carClass);
    }
    const query = params.toString();
    window.history.replaceState(null, '', query ? '?' + query : window.location.pathname);
  }

  function setConnection(kind, text) {
    el('connection').dataset.state = kind;
    el('connection-text').textContent = text;
  }

  // ------------------------------------------------------------------ sessions

  async function loadSessions() {
    let sessions = [];
    try {
      const response = await fetch('/sessions', { headers: { Accept: 'application/json' } });
      if (response.ok) {
        sessions = (await response.json()).sessions || [];
      }
    } catch (e) {
      setConnection('error', 'Server unreachable');
    }
    const select = el('session');
    const current = state.sessionId;
    select.innerHTML = '';
    for (const s of sessions) {
      const option = document.createElement('option');
      option.value = s.id;
      option.textContent = (s.name || s.id) + (s.chequered ? ' · final' : ' · live');
      option.title = s.id;
      select.appendChild(option);
    }
    if (sessions.length === 0) {
      showEmpty('No session yet. Start one with <code>./timing demo</code> or publish events to ' +
        '<code>timing-events</code>; this page picks it up by itself.');
      return;
    }
    const known = sessions.some((s) => s.id === current);
    if (!known) {
      // The newest running session, else the newest one.
      const running = sessions.filter((s) => !s.chequered);
      const pick = (running.length ? running : sessions).slice(-1)[0];
      selectSession(pick.id);
    }
    select.value = state.sessionId;
  }

  function selectSession(id) {
    if (id === state.sessionId && state.source) {
      return;
    }
    state.sessionId = id;
    state.standings = null;
    state.track = null;
    state.previousPositions.clear();
    writeUrl();
    connect();
  }

  // ------------------------------------------------------------------ live stream

  function connect() {
    if (state.source) {
      state.source.close();
    }
    if (!state.sessionId) {
      return;
    }
    setConnection('connecting', 'Connecting…');
    const source = new EventSource('/sessions/' + encodeURIComponent(state.sessionId) + '/live');
    state.source = source;
    source.onopen = () => setConnection('live', 'Live');
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        setConnection('error', 'Disconnected');
      } else {
        setConnection('connecting', 'Reconnecting…');
      }
    };
    source.addEventListener('standings', (event) => {
      setConnection('live', 'Live');
      state.standings = JSON.parse(event.data);
      render();
    });
    source.addEventListener('track-status', (event) => {
      state.track = JSON.parse(event.data);
      renderTrack();
    });
    source.addEventListener('waiting', (event) => {
      setConnection('live', 'Live');
      showEmpty(escapeHtml(JSON.parse(event.data).message));
    });
  }

  // ------------------------------------------------------------------ rendering

  function showEmpty(html) {
    el('empty').innerHTML = html;
    el('empty').hidden = false;
    el('board').hidden = true;
  }

  function renderTrack() {
    const banner = el('track-status');
    const standings = state.standings;
    let status = state.track ? state.track.status : (standings ? standings.trackStatus : null);
    if (standings && standings.chequered) {
      status = 'CHEQUERED';
    }
    banner.dataset.status = status || 'NONE';
    el('track-label').textContent = status ? STATUS_LABELS[status] || status : 'Waiting for a session';
    const zones = [];
    if (state.track && state.track.activeSlowZones.length) {
      zones.push('Slow zones ' + state.track.activeSlowZones.join(', '));
    }
    if (state.track && state.track.activeYellowZones.length) {
      zones.push('Yellow ' + state.track.activeYellowZones.join(', '));
    }
    el('track-zones').textContent = zones.join(' · ');
  }

  function renderTabs(standings) {
    const tabs = el('tabs');
    const counts = new Map();
    for (const car of standings.cars) {
      counts.set(car.carClass, (counts.get(car.carClass) || 0) + 1);
    }
    if (state.carClass && !counts.has(state.carClass)) {
      state.carClass = OVERALL;
      writeUrl();
    }
    const entries = [[OVERALL, 'Overall', standings.cars.length]].concat(
      standings.classes.map((c) => [c, c, counts.get(c) || 0]));
    tabs.innerHTML = entries.map(([key, label, count]) => {
      const colour = key ? classColour(key) : 'var(--accent)';
      return '<button class="tab" role="tab" data-class="' + escapeHtml(key) + '" aria-selected="' +
        (key === state.carClass) + '" style="--tab-colour:' + colour + '">' +
        (key ? '<span class="chip"></span>' : '') + escapeHtml(label) +
        '<span class="count">' + count + '</span></button>';
    }).join('');
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

  function render() {
    const standings = state.standings;
    if (!standings) {
      return;
    }
    const leader = standings.cars[0];
    el('session-name').textContent = standings.cars.length + ' cars' +
      (leader ? ' · leader #' + leader.car + ', ' + leader.laps + ' laps' : '');
    el('clock').textContent = clockText(standings.sessionTimeMs);
    renderTabs(standings);
    renderTrack();

    const inClass = state.carClass !== OVERALL;
    const cars = standings.cars.filter((c) => !inClass || c.carClass === state.carClass);
    if (cars.length === 0) {
      showEmpty('No cars in this session yet.');
      return;
    }
    el('empty').hidden = true;
    el('board').hidden = false;

    const sectors = sectorCount(standings.cars);
    const bestSectors = classBestSectors(standings.cars, sectors);
    let head = '<tr><th class="num">Pos</th><th>No.</th>' + (inClass ? '' : '<th>Class</th>') +
      '<th>Driver / Team</th><th class="num">Laps</th><th class="num">Gap</th><th class="num">Int</th>' +
      '<th class="num">Last lap</th><th class="num">Best lap</th>';
    for (let i = 0; i < sectors; i++) {
      head += '<th class="num col-sector">S' + (i + 1) + '</th>';
    }
    head += '<th class="num">Pits</th><th class="num col-stint">Stint</th><th>State</th></tr>';
    el('board-head').innerHTML = head;

    const rows = [];
    const positions = new Map();
    for (const car of cars) {
      const position = inClass ? car.classPosition : car.position;
      const before = state.previousPositions.get(car.car);
      positions.set(car.car, position);
      const moved = before == null || before === position ? '' : (position < before ? ' gained' : ' lost');
      const colour = classColour(car.carClass);
      const lastClass = car.lastLapClassBest ? 'best-overall' : (car.lastLapPersonalBest ? 'best-personal' : '');
      const bestClass = car.bestLapClassBest ? 'best-overall' : '';
      const gap = inClass ? car.classGapFirst : car.gapFirst;
      const interval = inClass ? car.classInterval : car.interval;
      const classBest = bestSectors.get(car.carClass) || [];
      let row = '<tr data-car="' + escapeHtml(car.car) + '" class="' +
        (car.state === 'RETIRED' || car.status === 'Retired' ? 'retired' : '') + moved + '" style="--class-colour:' + colour + '">' +
        '<td class="num pos">' + position +
        (inClass ? '<span class="sub">P' + car.position + '</span>' : '') + '</td>' +
        '<td><span class="carno">' + escapeHtml(car.car) + '</span></td>' +
        (inClass ? '' : '<td><span class="class-tag">' + escapeHtml(car.carClass) + '</span>' +
          '<span class="class-pos">P' + car.classPosition + '</span></td>') +
        '<td class="driver"><span class="name">' + escapeHtml(car.driver || '—') + '</span>' +
        '<span class="team">' + escapeHtml(car.team || '') + '</span></td>' +
        '<td class="num">' + car.laps + '</td>' +
        '<td class="num time">' + (gap ? escapeHtml(gapText(gap)) : '<span class="muted">—</span>') + '</td>' +
        '<td class="num time">' + escapeHtml(gapText(interval)) + '</td>' +
        '<td class="num time ' + lastClass + '">' + escapeHtml(car.lastLap || '') + '</td>' +
        '<td class="num time ' + bestClass + '">' + escapeHtml(car.bestLap || '') +
        (car.bestLapNumber ? '<span class="muted col-best-lap-no"> L' + car.bestLapNumber + '</span>' : '') + '</td>';
      for (let i = 0; i < sectors; i++) {
        const last = car.lastSectors[i];
        const personal = car.bestSectors[i];
        let cls = '';
        if (last && classBest[i] != null && last.ms <= classBest[i]) {
          cls = 'best-overall';
        } else if (last && personal && last.ms <= personal.ms) {
          cls = 'best-personal';
        }
        row += '<td class="num time sector col-sector ' + cls + '">' + (last ? escapeHtml(last.text) : '') + '</td>';
      }
      row += '<td class="num pits"><span class="stops">' + car.pitStops + '</span>' +
        (car.lastPitLane ? '<span class="lane">' + escapeHtml(car.lastPitLane) + '</span>' : '') + '</td>' +
        '<td class="num col-stint">' + car.stintLaps + '<span class="muted"> L</span></td>' +
        '<td>' + stateBadge(car) + '</td></tr>';
      rows.push(row);
    }
    el('board-body').innerHTML = rows.join('');
    state.previousPositions = positions;

    el('meta').textContent = standings.eventsSeen.toLocaleString('en') + ' events · ' +
      (standings.chequered ? 'final' : 'live') + ' · updated ' + new Date().toLocaleTimeString('en-GB');
  }

  function stateBadge(car) {
    if (state.standings.chequered && car.status !== 'Classified') {
      // After the flag the classification status is what counts: Retired, Not classified.
      return '<span class="badge status">' + escapeHtml(car.status) + '</span>';
    }
    const badge = STATE_BADGES[car.state];
    if (badge) {
      return '<span class="badge state-' + car.state + '" title="' + escapeHtml(car.status) + '">' + badge + '</span>';
    }
    if (car.status && car.status !== 'Running') {
      return '<span class="badge status">' + escapeHtml(car.status) + '</span>';
    }
    return '';
  }

  // ------------------------------------------------------------------ wiring

  el('session').addEventListener('change', (event) => selectSession(event.target.value));
  el('tabs').addEventListener('click', (event) => {
    const tab = event.target.closest('.tab');
    if (!tab) {
      return;
    }
    state.carClass = tab.dataset.class;
    state.previousPositions.clear();
    writeUrl();
    render();
  });

  readUrl();
  if (state.sessionId) {
    connect();
  }
  loadSessions();
  state.sessionsTimer = window.setInterval(loadSessions, 10000);
})();
