'use strict';

// The Charts view of the live page: race trace (gap to the leader or to a chosen car, pit stops marked, neutralised
// periods shaded), lap chart (position per lap) and lap times per car (a pit stop ends a stint), plus the gap trend of
// a chosen pair and each car's outlook (laps at the flag, pit window) for the car details.
// Drawn with uPlot, served from the jar at /vendor/uplot (no internet needed). Laps come from
// /sessions/{id}/history: fetched once per car, then extended with only the laps since the latest one held (from=),
// at most every EXTEND_EVERY_MS and only while the charts are shown - a 24-hour race is never fetched whole again.
window.RaceCharts = (function () {
  const EXTEND_EVERY_MS = 3000;
  const PREDICT_EVERY_MS = 10000;
  /** Re-read this much session time before the latest crossing held: laps of several cars cross close together. */
  const OVERLAP_MS = 60000;
  const DEFAULT_CARS = 5;
  const PALETTE = ['#e10600', '#1f6fff', '#10b981', '#f59e0b', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16',
    '#f97316', '#6366f1', '#eab308', '#14b8a6'];
  const SHADES = {
    SLOW_ZONE: 'rgba(249, 115, 22, 0.16)',
    FULL_COURSE_YELLOW: 'rgba(250, 204, 21, 0.22)',
    SAFETY_CAR: 'rgba(250, 204, 21, 0.34)',
    RED: 'rgba(225, 6, 0, 0.28)'
  };
  const SHADE_ORDER = ['RED', 'SAFETY_CAR', 'FULL_COURSE_YELLOW', 'SLOW_ZONE'];

  const el = (id) => document.getElementById(id);

  const node = window.Dom.node;

  function seconds(ms) {
    return (ms / 1000).toFixed(3);
  }

  function clock(secondsValue) {
    const s = Math.max(0, Math.round(secondsValue));
    return Math.floor(s / 3600) + ':' + String(Math.floor(s / 60) % 60).padStart(2, '0');
  }

  /**
   * @param app what the page shares: board() the board held, sessionId(), carClass() ('' for overall),
   *            onOutlook() called when car outlooks arrive (the car details show them)
   */
  function create(app) {
    const s = {
      sessionId: null,
      carClass: null,
      visible: false,
      cars: [],              // chosen race numbers, in the order shown
      chosenByUser: false,
      laps: new Map(),       // car -> Map(lap -> row of /history)
      cursorMs: null,        // extension reads laps crossed from here (null: nothing held yet)
      fetching: false,
      lastExtendAt: 0,
      generation: 0,         // a session or car change makes answers to older requests void
      reference: 'leader',
      xMode: 'lap',
      plots: {},
      dirty: true,
      pair: [null, null],
      pairByUser: false,
      trend: null,
      outlook: new Map(),
      lastPredictAt: 0,
      predicting: false
    };

    // ------------------------------------------------------------ choosing

    function classCars() {
      const board = app.board();
      if (!board) {
        return [];
      }
      const inClass = app.carClass() !== '';
      return board.cars.filter((c) => !inClass || c.carClass === app.carClass())
        .sort((a, b) => inClass ? a.classPosition - b.classPosition : a.position - b.position);
    }

    function defaults() {
      const cars = classCars();
      if (!s.chosenByUser || s.cars.length === 0) {
        s.cars = cars.slice(0, DEFAULT_CARS).map((c) => c.car);
      }
      if (!s.pairByUser || !s.pair[0]) {
        s.pair = [cars[0] ? cars[0].car : null, cars[1] ? cars[1].car : null];
      }
    }

    function sessionChanged() {
      s.sessionId = app.sessionId();
      s.carClass = app.carClass();
      s.generation++;
      s.laps.clear();
      s.cursorMs = null;
      s.fetching = false;
      s.cars = [];
      s.chosenByUser = false;
      s.pairByUser = false;
      s.trend = null;
      s.outlook.clear();
      s.lastPredictAt = 0;
      s.dirty = true;
      renderPickers();
      draw();
    }

    function classChanged() {
      s.carClass = app.carClass();
      s.chosenByUser = false;
      s.pairByUser = false;
      s.reference = 'leader';
      defaults();
      s.dirty = true;
      renderPickers();
      fetchMissing();
      draw();
      predict(true);
    }

    // ------------------------------------------------------------ laps

    function historyUrl(cars, fromMs) {
      let url = '/sessions/' + encodeURIComponent(s.sessionId) + '/history?cars=' +
        encodeURIComponent(cars.join(','));
      if (fromMs != null) {
        url += '&from=' + seconds(Math.max(0, fromMs));
      }
      return url;
    }

    async function getJson(url) {
      const response = await fetch(url, { headers: { Accept: 'application/json' } });
      if (!response.ok) {
        throw new Error(url + ': HTTP ' + response.status);
      }
      return response.json();
    }

    function hold(rows) {
      let latest = null;
      for (const row of rows) {
        let laps = s.laps.get(row.car);
        if (!laps) {
          laps = new Map();
          s.laps.set(row.car, laps);
        }
        laps.set(row.lap, row); // a lap read again replaces the copy held
        latest = latest == null ? row.crossedAtMs : Math.max(latest, row.crossedAtMs);
      }
      return latest;
    }

    /** The whole history of chosen cars not held yet, and the laps since the cursor of those held: one round. */
    async function load() {
      if (s.fetching || !s.sessionId || !s.visible || s.cars.length === 0) {
        return;
      }
      const generation = s.generation;
      const missing = s.cars.filter((c) => !s.laps.has(c));
      const held = s.cars.filter((c) => s.laps.has(c));
      s.fetching = true;
      s.lastExtendAt = Date.now();
      try {
        const requests = [];
        if (missing.length) {
          requests.push(getJson(historyUrl(missing, null)));
        }
        if (held.length && s.cursorMs != null) {
          requests.push(getJson(historyUrl(held, s.cursorMs)));
        }
        const answers = await Promise.all(requests);
        if (generation !== s.generation) {
          return;
        }
        missing.forEach((c) => s.laps.has(c) || s.laps.set(c, new Map()));
        let latest = s.cursorMs == null ? null : s.cursorMs + OVERLAP_MS;
        for (const answer of answers) {
          const last = hold(answer.laps || []);
          if (last != null) {
            latest = latest == null ? last : Math.max(latest, last);
          }
        }
        if (latest != null) {
          s.cursorMs = latest - OVERLAP_MS;
        }
        s.dirty = true;
        draw();
      } catch (e) {
        // The next board tries again; the charts keep what they hold.
      } finally {
        if (generation === s.generation) {
          s.fetching = false;
        }
      }
    }

    function fetchMissing() {
      if (s.cars.some((c) => !s.laps.has(c))) {
        load();
      }
    }

    /** A new board: extend when a chosen car has completed a lap the charts do not hold yet. */
    function boardChanged() {
      if (s.sessionId !== app.sessionId()) {
        sessionChanged();
      }
      if (!app.board()) {
        return;
      }
      if (s.cars.length === 0 || !s.pair[0]) {
        defaults();
        renderPickers();
      }
      if (!s.visible) {
        return;
      }
      const byCar = new Map(app.board().cars.map((c) => [c.car, c]));
      const behind = s.cars.some((c) => {
        const held = s.laps.get(c);
        const car = byCar.get(c);
        return !held || (car && car.laps > maxLap(held));
      });
      if (behind && Date.now() - s.lastExtendAt >= EXTEND_EVERY_MS) {
        load();
      }
      predict(false);
    }

    function maxLap(laps) {
      let max = 0;
      for (const lap of laps.keys()) {
        max = Math.max(max, lap);
      }
      return max;
    }

    // ------------------------------------------------------------ series

    function rowsOf(car) {
      const laps = s.laps.get(car);
      return laps ? Array.from(laps.values()).sort((a, b) => a.lap - b.lap) : [];
    }

    /** Session time of the leader's (class leader's) crossing of each lap, from any held car on the lead lap. */
    function leaderCrossings() {
      const inClass = app.carClass() !== '';
      const leader = new Map();
      for (const laps of s.laps.values()) {
        for (const row of laps.values()) {
          const first = inClass ? row.classPosition === 1 : row.position === 1;
          const gap = inClass ? row.classGapFirst : row.gapFirst;
          let at = null;
          if (first) {
            at = row.crossedAtMs;
          } else if (gap && gap.ms != null) {
            at = row.crossedAtMs - gap.ms;
          }
          if (at != null && !leader.has(row.lap)) {
            leader.set(row.lap, at);
          }
        }
      }
      return leader;
    }

    function xOf(row) {
      return s.xMode === 'lap' ? row.lap : row.crossedAtMs / 1000;
    }

    /** Aligned data for uPlot from one [x[], y[]] table per car (joined on x when x is the session time). */
    function align(tables) {
      if (tables.length === 0) {
        return [[]];
      }
      if (s.xMode === 'lap') {
        let max = 0;
        tables.forEach(([xs]) => xs.forEach((x) => { max = Math.max(max, x); }));
        const xs = Array.from({ length: max }, (_, i) => i + 1);
        return [xs, ...tables.map(([tx, ty]) => {
          const ys = new Array(max).fill(null);
          tx.forEach((x, i) => { ys[x - 1] = ty[i]; });
          return ys;
        })];
      }
      return uPlot.join(tables.map(([xs, ys]) => [xs, ys]));
    }

    function traceData() {
      const leader = leaderCrossings();
      const reference = s.reference === 'leader' ? null : new Map(rowsOf(s.reference).map((r) => [r.lap, r.crossedAtMs]));
      const tables = [];
      const marks = [];
      for (const car of s.cars) {
        const xs = [];
        const ys = [];
        const pits = [];
        for (const row of rowsOf(car)) {
          const base = reference ? reference.get(row.lap) : leader.get(row.lap);
          const y = base == null ? null : (row.crossedAtMs - base) / 1000;
          xs.push(xOf(row));
          ys.push(y);
          if (row.inLap && y != null) {
            pits.push([xOf(row), y]);
          }
        }
        tables.push([xs, ys]);
        marks.push(pits);
      }
      return { data: align(tables), marks };
    }

    function lapChartData() {
      const inClass = app.carClass() !== '';
      const tables = s.cars.map((car) => {
        const rows = rowsOf(car);
        return [rows.map(xOf), rows.map((r) => inClass ? r.classPosition : r.position)];
      });
      return { data: align(tables), marks: s.cars.map(() => []) };
    }

    /** Lap times; in- and out-laps are left out, which splits each car's line into its stints. */
    function lapTimeData() {
      const tables = [];
      const marks = [];
      for (const car of s.cars) {
        const rows = rowsOf(car);
        tables.push([rows.map(xOf), rows.map((r) => r.inLap || r.outLap || r.lapTimeMs == null ? null : r.lapTimeMs / 1000)]);
        marks.push(rows.filter((r) => r.inLap).map((r) => [xOf(r), null]));
      }
      return { data: align(tables), marks };
    }

    /** Neutralised periods as x ranges: [from, to, status]. */
    function shadedRanges() {
      const ranges = [];
      const seen = new Set();
      for (const laps of s.laps.values()) {
        for (const row of laps.values()) {
          const status = SHADE_ORDER.find((st) => (row.trackStatuses || []).includes(st));
          if (!status) {
            continue;
          }
          let from;
          let to;
          if (s.xMode === 'lap') {
            from = row.lap - 1;
            to = row.lap;
          } else {
            to = row.crossedAtMs / 1000;
            from = to - (row.lapTimeMs || 0) / 1000;
          }
          const key = status + '@' + from + '-' + to;
          if (s.xMode === 'lap' && seen.has(key)) {
            continue;
          }
          seen.add(key);
          ranges.push([from, to, status]);
        }
      }
      return merged(ranges);
    }

    /** Overlapping ranges of one status as one: translucent shades drawn over each other would darken. */
    function merged(ranges) {
      const out = [];
      for (const status of SHADE_ORDER) {
        const mine = ranges.filter((range) => range[2] === status).sort((a, b) => a[0] - b[0]);
        let current = null;
        for (const range of mine) {
          if (current && range[0] <= current[1]) {
            current[1] = Math.max(current[1], range[1]);
          } else {
            current = range.slice();
            out.push(current);
          }
        }
      }
      return out;
    }

    // ------------------------------------------------------------ drawing

    function colour(i) {
      return PALETTE[i % PALETTE.length];
    }

    function plotWidth(container) {
      return Math.max(200, Math.floor(container.getBoundingClientRect().width));
    }

    function plotHeight() {
      return window.innerWidth < 700 ? 210 : 280;
    }

    function shadeHook(u) {
      const ctx = u.ctx;
      ctx.save();
      for (const [from, to, status] of u.shaded || []) {
        const x0 = u.valToPos(from, 'x', true);
        const x1 = u.valToPos(to, 'x', true);
        const left = Math.max(u.bbox.left, Math.min(x0, x1));
        const right = Math.min(u.bbox.left + u.bbox.width, Math.max(x0, x1));
        if (right > left) {
          ctx.fillStyle = SHADES[status];
          ctx.fillRect(left, u.bbox.top, Math.max(1, right - left), u.bbox.height);
        }
      }
      ctx.restore();
    }

    /** Pit stops: a ring on the trace at the in-lap, or a tick at the top of the lap-time chart. */
    function markHook(u) {
      const ctx = u.ctx;
      const r = 4 * devicePixelRatio;
      ctx.save();
      (u.marks || []).forEach((pits, i) => {
        if (!u.series[i + 1] || !u.series[i + 1].show) {
          return;
        }
        ctx.strokeStyle = colour(i);
        ctx.fillStyle = '#0b0d12';
        ctx.lineWidth = 2 * devicePixelRatio;
        for (const [x, y] of pits) {
          const px = u.valToPos(x, 'x', true);
          if (px < u.bbox.left || px > u.bbox.left + u.bbox.width) {
            continue;
          }
          if (y == null) {
            ctx.beginPath();
            ctx.moveTo(px, u.bbox.top);
            ctx.lineTo(px, u.bbox.top + 8 * devicePixelRatio);
            ctx.stroke();
          } else {
            const py = u.valToPos(y, 'y', true);
            ctx.beginPath();
            ctx.arc(px, py, r, 0, 2 * Math.PI);
            ctx.fill();
            ctx.stroke();
          }
        }
      });
      ctx.restore();
    }

    /** A y range for lap times that a safety-car lap does not flatten the racing laps into. */
    function lapTimeRange(u, min, max) {
      const values = [];
      for (let i = 1; i < u.data.length; i++) {
        for (const v of u.data[i]) {
          if (v != null) {
            values.push(v);
          }
        }
      }
      if (values.length === 0) {
        return [min, max];
      }
      values.sort((a, b) => a - b);
      const low = values[0];
      const cap = values[Math.floor(values.length * 0.9)] * 1.08;
      return [Math.floor(low - 1), Math.ceil(Math.max(low + 2, Math.min(max, cap)))];
    }

    /** Tick spacings along the session time, in seconds: whole minutes and hours, so no two labels read the same. */
    const TIME_INCREMENTS = [60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200];

    function xAxis() {
      return {
        incrs: s.xMode === 'lap' ? [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500] : TIME_INCREMENTS,
        stroke: '#9aa4b2',
        grid: { stroke: 'rgba(255,255,255,0.06)' },
        ticks: { stroke: 'rgba(255,255,255,0.12)' },
        values: s.xMode === 'lap' ? (u, splits) => splits.map((v) => v) : (u, splits) => splits.map(clock)
      };
    }

    function yAxis(label, format) {
      return {
        stroke: '#9aa4b2',
        label,
        labelSize: 18,
        size: 46,
        grid: { stroke: 'rgba(255,255,255,0.06)' },
        ticks: { stroke: 'rgba(255,255,255,0.12)' },
        values: (u, splits) => splits.map(format)
      };
    }

    const CHARTS = {
      trace: {
        container: 'chart-trace',
        data: traceData,
        options: () => ({
          axes: [xAxis(), yAxis(s.reference === 'leader' ? 'Gap to leader (s)' : 'Gap to #' + s.reference + ' (s)',
            (v) => v.toFixed(0))],
          scales: { x: { time: false }, y: { dir: -1 } }, // behind is down, as on a race trace
          valueFormat: (v) => v == null ? '—' : v.toFixed(1) + ' s'
        })
      },
      positions: {
        container: 'chart-positions',
        data: lapChartData,
        options: () => ({
          axes: [xAxis(), yAxis('Position', (v) => Number.isInteger(v) ? 'P' + v : '')],
          scales: { x: { time: false }, y: { dir: -1, range: (u, min, max) => [Math.max(0.5, min - 0.5), max + 0.5] } },
          valueFormat: (v) => v == null ? '—' : 'P' + v
        })
      },
      laptimes: {
        container: 'chart-laptimes',
        data: lapTimeData,
        options: () => ({
          axes: [xAxis(), yAxis('Lap time (s)', (v) => v.toFixed(0))],
          scales: { x: { time: false }, y: { range: lapTimeRange } },
          valueFormat: (v) => v == null ? '—' : Math.floor(v / 60) + ':' + (v % 60).toFixed(3).padStart(6, '0')
        })
      }
    };

    function draw() {
      if (!s.visible || !s.dirty || typeof uPlot === 'undefined') {
        return;
      }
      s.dirty = false;
      const shaded = shadedRanges();
      const counts = {};
      for (const [name, chart] of Object.entries(CHARTS)) {
        const container = el(chart.container);
        const { data, marks } = chart.data();
        const spec = chart.options();
        const key = JSON.stringify([s.cars, s.xMode, s.reference, app.carClass()]);
        let plot = s.plots[name];
        if (!plot || plot.key !== key) {
          if (plot) {
            plot.destroy();
          }
          plot = new uPlot({
            width: plotWidth(container),
            height: plotHeight(),
            legend: { live: true },
            cursor: { drag: { x: true, y: false }, points: { size: 6 } },
            scales: spec.scales,
            axes: spec.axes,
            series: [
              { label: s.xMode === 'lap' ? 'Lap' : 'Time', value: (u, v) => v == null ? '—' : s.xMode === 'lap' ? v : clock(v) },
              ...s.cars.map((car, i) => ({
                label: '#' + car,
                stroke: colour(i),
                width: 1.5,
                spanGaps: name !== 'laptimes',
                points: { show: false },
                value: (u, v) => spec.valueFormat(v)
              }))
            ],
            hooks: { drawClear: [shadeHook], draw: [markHook] }
          }, data, container);
          plot.key = key;
          s.plots[name] = plot;
        }
        plot.shaded = shaded;
        plot.marks = marks;
        plot.setData(data, true);
        // What the charts show, for a test or a curious reader: points per car.
        counts[name] = Object.fromEntries(s.cars.map((car, i) => [car, (data[i + 1] || []).filter((v) => v != null).length]));
        container.dataset.points = JSON.stringify(counts[name]);
        container.dataset.reference = s.reference;
        container.dataset.x = s.xMode;
        container.dataset.pits = String(marks.reduce((n, pits) => n + pits.length, 0));
      }
      el('charts-status').textContent = s.cars.length === 0 ? 'No car chosen.'
        : Array.from(s.laps.values()).reduce((n, laps) => n + laps.size, 0).toLocaleString('en') + ' laps held · ' +
          (shaded.length ? 'shaded: neutralised laps (slow zone, FCY, safety car, red flag)' : 'no neutralisation yet');
    }

    function resize() {
      for (const [name, chart] of Object.entries(CHARTS)) {
        const plot = s.plots[name];
        if (plot) {
          plot.setSize({ width: plotWidth(el(chart.container)), height: plotHeight() });
        }
      }
    }

    // ------------------------------------------------------------ pickers

    function renderPickers() {
      const cars = classCars();
      const list = el('chart-cars');
      const key = JSON.stringify([cars.map((c) => c.car), s.cars]);
      if (list.dataset.key !== key) {
        list.dataset.key = key;
        list.replaceChildren(...cars.map((c) => {
          const label = node('label', 'car-choice');
          const box = node('input');
          box.type = 'checkbox';
          box.value = c.car;
          box.checked = s.cars.includes(c.car);
          label.appendChild(box);
          label.appendChild(node('span', null, '#' + c.car));
          const i = s.cars.indexOf(c.car);
          if (i >= 0) {
            label.style.setProperty('--series-colour', colour(i));
          }
          return label;
        }));
        put(el('chart-cars-count'), s.cars.length + ' chosen');
      }
      fillSelect(el('chart-reference'), [['leader', 'the leader']].concat(s.cars.map((c) => [c, '#' + c])), s.reference);
      const options = cars.map((c) => [c.car, '#' + c.car + (c.team ? ' ' + c.team : '')]);
      fillSelect(el('pair-a'), options, s.pair[0]);
      fillSelect(el('pair-b'), options, s.pair[1]);
    }

    function put(e, text) {
      if (e.textContent !== text) {
        e.textContent = text;
      }
    }

    function fillSelect(select, options, value) {
      const key = JSON.stringify(options);
      if (select.dataset.key !== key) {
        select.dataset.key = key;
        select.replaceChildren(...options.map(([v, label]) => {
          const option = node('option', null, label);
          option.value = v;
          return option;
        }));
      }
      if (value != null && select.value !== value) {
        select.value = value;
      }
    }

    // ------------------------------------------------------------ predictions

    async function predict(force) {
      if (!s.sessionId || s.predicting || (!force && Date.now() - s.lastPredictAt < PREDICT_EVERY_MS)) {
        return;
      }
      const generation = s.generation;
      s.predicting = true;
      s.lastPredictAt = Date.now();
      const [a, b] = s.pair;
      let url = '/sessions/' + encodeURIComponent(s.sessionId) + '/predictions';
      if (a && b && a !== b) {
        url += '?from=' + encodeURIComponent(a) + '&to=' + encodeURIComponent(b);
      }
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' } });
        if (generation !== s.generation) {
          return;
        }
        if (response.status === 404 && a && b) {
          s.trend = { none: true };
        } else if (response.ok) {
          const body = await response.json();
          s.trend = body.gapTrend || null;
          s.outlook = new Map((body.cars || []).map((c) => [c.car, c]));
          if (app.onOutlook) {
            app.onOutlook();
          }
        }
        renderTrend();
      } catch (e) {
        // Kept as it was; the next round asks again.
      } finally {
        s.predicting = false;
      }
    }

    function trendText(t) {
      if (!t) {
        return 'Choose two different cars.';
      }
      if (t.none) {
        return 'These two cars have no lap in common yet.';
      }
      const rate = Math.abs(t.closingMsPerLap) / 1000;
      let text;
      if (t.closingMsPerLap > 0) {
        text = '#' + t.behind + ' closing on #' + t.ahead + ' by ' + rate.toFixed(1) + ' s/lap';
        text += t.catchesInLaps != null ? ', catches in ' + t.catchesInLaps + ' laps' : '';
      } else if (t.closingMsPerLap < 0) {
        text = '#' + t.behind + ' losing ' + rate.toFixed(1) + ' s/lap to #' + t.ahead;
      } else {
        text = '#' + t.behind + ' holding the gap to #' + t.ahead;
      }
      text += ' · gap ' + (t.gap || '—') + ' at lap ' + t.lap;
      if (t.pitStopInWindow) {
        text += ' · a pit stop in the last 5 laps distorts the rate';
      }
      return text;
    }

    function renderTrend() {
      put(el('pair-trend'), trendText(s.trend));
    }

    // ------------------------------------------------------------ wiring

    el('chart-cars').addEventListener('change', (event) => {
      const box = event.target;
      if (box.type !== 'checkbox') {
        return;
      }
      s.chosenByUser = true;
      s.cars = box.checked ? s.cars.concat([box.value]) : s.cars.filter((c) => c !== box.value);
      if (!s.cars.includes(s.reference)) {
        s.reference = 'leader';
      }
      s.dirty = true;
      renderPickers();
      fetchMissing();
      draw();
    });
    el('chart-reference').addEventListener('change', (event) => {
      s.reference = event.target.value;
      s.dirty = true;
      draw();
    });
    el('chart-x').addEventListener('change', (event) => {
      s.xMode = event.target.value;
      s.dirty = true;
      draw();
    });
    for (const [i, id] of [[0, 'pair-a'], [1, 'pair-b']]) {
      el(id).addEventListener('change', (event) => {
        s.pair[i] = event.target.value;
        s.pairByUser = true;
        put(el('pair-trend'), 'Reading…');
        predict(true);
      });
    }
    let resizeTimer = null;
    window.addEventListener('resize', () => {
      window.clearTimeout(resizeTimer);
      resizeTimer = window.setTimeout(resize, 150);
    });

    return {
      sessionChanged,
      classChanged,
      boardChanged,
      /** The charts view shown or hidden: charts fetch and draw only while shown. */
      show(visible) {
        s.visible = visible;
        if (visible) {
          boardChanged();
          s.dirty = true;
          load();
          draw();
          resize();
          predict(true);
        }
      },
      /** Laps at the flag and the pit window of a car, from the latest predictions read; null before any. */
      outlook(car) {
        return s.outlook.get(car) || null;
      },
      /** The car details want outlooks: read them if the ones held are old. */
      wantOutlook() {
        predict(false);
      },
      /** Called once a render frame: draws what arrived since. */
      frame() {
        draw();
      }
    };
  }

  return { create };
})();
