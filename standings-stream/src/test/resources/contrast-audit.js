// WCAG 2.x contrast of every visible text on the page against the background it is drawn on.
// Returns the texts below the minimum: 4.5:1, or 3:1 for large text (>= 24 px, or >= 18.66 px bold).
// The background is found by walking up the ancestors and blending their background colours (images are
// not considered: the page uses none behind text).
function parse(color) {
  const m = color.match(/rgba?\(([^)]+)\)/);
  if (!m) return null;
  const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
  return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
}
function over(top, bottom) {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t, b) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: a };
}
function luminance(c) {
  const lin = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
function background(el) {
  const layers = [];
  for (let e = el; e; e = e.parentElement) {
    const c = parse(getComputedStyle(e).backgroundColor);
    if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
  }
  let bg = { r: 255, g: 255, b: 255, a: 1 }; // the canvas behind everything
  for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
  return bg;
}
function opacity(el) {
  let o = 1;
  for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
  return o;
}
const failures = [];
let checked = 0;
for (const el of document.querySelectorAll('body *')) {
  const own = Array.from(el.childNodes).filter(n => n.nodeType === 3 && n.textContent.trim()).map(n => n.textContent.trim()).join(' ');
  if (!own) continue;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
  if (el.closest('[hidden]') || el.closest('[aria-hidden=true]')) continue;
  const bg = background(el);
  const fg = parse(style.color);
  if (!fg) continue;
  const text = over({ r: fg.r, g: fg.g, b: fg.b, a: fg.a * opacity(el) }, bg);
  const l1 = luminance(text), l2 = luminance(bg);
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  const size = parseFloat(style.fontSize);
  const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
  const minimum = large ? 3 : 4.5;
  checked++;
  if (ratio < minimum) {
    failures.push(`${ratio.toFixed(2)}:1 < ${minimum}:1 for "${own.slice(0, 40)}" <${el.tagName.toLowerCase()}`
      + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '')
      + `> color ${style.color} on rgb(${Math.round(bg.r)}, ${Math.round(bg.g)}, ${Math.round(bg.b)})`);
  }
}
return { checked: checked, failures: Array.from(new Set(failures)) };
