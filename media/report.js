// @ts-check
// The Bizlang score report page. It receives JSON from the extension and builds the DOM with
// createElement/textContent only: document text is never parsed as HTML, so a doc containing
// <script> or <img onerror> shows as text. No remote resources; the chart is SVG built here.
(function () {
  'use strict';

  /** @typedef {{offset:number,endOffset:number,line:number,text:string,effect:'gain'|'cost',why:string,rules?:string[]}} Item */
  /** @typedef {{ruleId:string,reason:string,line:number,offset:number,endOffset:number}} Finding */
  /** @typedef {{id:string,label:string,points:number,max:number,ratio:number,detail:string,items:Item[]}} Component */
  /** @typedef {{title:string,score:string,level:string,chart:string,components:string,needsWork:string,counted:string,findings:string,line:string,nothing:string,empty:string,stale:string}} Strings */
  /** @typedef {{doc:{name:string,uri:string,version:number,lang:string},total:number,level:string,levelLabel:string,skipped?:string,components:Component[],findings:Record<string,Finding[]>,ui:Strings}} Model */

  const SVG_NS = 'http://www.w3.org/2000/svg';
  // @ts-ignore acquireVsCodeApi is provided by the webview host.
  const vscode = acquireVsCodeApi();
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));

  /**
   * @param {string} tag
   * @param {string} [className]
   * @param {string | number} [text]
   * @returns {HTMLElement}
   */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  /**
   * @param {string} tag
   * @param {Record<string, string | number>} attrs
   * @param {string} [text]
   * @returns {SVGElement}
   */
  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** @param {unknown} v */
  function isNum(v) {
    return typeof v === 'number' && Number.isFinite(v);
  }

  /** @param {unknown} v @returns {v is Model} */
  function isModel(v) {
    if (!v || typeof v !== 'object') return false;
    const m = /** @type {Record<string, any>} */ (v);
    return (
      isNum(m.total) &&
      typeof m.level === 'string' &&
      Array.isArray(m.components) &&
      m.doc !== null &&
      typeof m.doc === 'object' &&
      typeof m.doc.uri === 'string' &&
      isNum(m.doc.version) &&
      m.ui !== null &&
      typeof m.ui === 'object'
    );
  }

  /** @param {string} template @param {string | number} arg */
  function fmt(template, arg) {
    // A function replacement: '$&' or "$'" in the argument ("$2.3 million") stays literal text.
    return String(template).replace('{0}', () => String(arg));
  }

  /** @param {number} n */
  function points(n) {
    return Math.round(n * 10) / 10;
  }

  /**
   * One horizontal bar per component, as SVG.
   * @param {Component[]} components
   * @param {string} title
   */
  function chart(components, title) {
    const rowH = 34;
    const width = 640;
    const labelW = 260;
    const barW = 280;
    const height = components.length * rowH + 8;
    const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title, id: 'chart-svg', class: 'chart' });
    root.appendChild(svg('title', {}, title));
    components.forEach((c, i) => {
      const y = 4 + i * rowH;
      const ratio = Math.max(0, Math.min(1, isNum(c.ratio) ? c.ratio : 0));
      const g = svg('g', { class: 'row', 'data-id': String(c.id) });
      g.appendChild(svg('text', { x: 0, y: y + 17, class: 'bar-label' }, String(c.label)));
      g.appendChild(svg('rect', { x: labelW, y: y + 6, width: barW, height: 16, rx: 3, class: 'bar-bg' }));
      g.appendChild(
        svg('rect', {
          x: labelW,
          y: y + 6,
          width: Math.round(barW * ratio * 10) / 10,
          height: 16,
          rx: 3,
          class: `bar ${ratio >= 0.7 ? 'good' : ratio >= 0.4 ? 'fair' : 'poor'}`,
        }),
      );
      g.appendChild(svg('text', { x: labelW + barW + 12, y: y + 19, class: 'bar-value' }, `${points(c.points)} / ${c.max}`));
      root.appendChild(g);
    });
    return root;
  }

  /**
   * A clickable row that reveals a range in the editor.
   * @param {Model} m
   * @param {{offset:number,endOffset:number,line:number}} target
   * @param {string} className
   * @returns {HTMLElement}
   */
  function revealButton(m, target, className) {
    const b = el('button', className);
    b.setAttribute('type', 'button');
    b.dataset.offset = String(target.offset);
    b.dataset.endOffset = String(target.endOffset);
    b.dataset.line = String(target.line);
    b.title = fmt(m.ui.line, target.line);
    return b;
  }

  /** @param {Model} m @param {Item} item */
  function itemRow(m, item) {
    const li = el('li');
    const b = revealButton(m, item, `item ${item.effect === 'cost' ? 'cost' : 'gain'}`);
    b.appendChild(el('span', 'sign', item.effect === 'cost' ? '−' : '+'));
    b.appendChild(el('span', 'text', item.text));
    const meta = el('span', 'meta');
    meta.appendChild(el('span', 'why', item.why));
    if (Array.isArray(item.rules)) for (const r of item.rules) meta.appendChild(el('span', 'rule', String(r)));
    if (item.line > 0) meta.appendChild(el('span', 'line', fmt(m.ui.line, item.line)));
    b.appendChild(meta);
    li.appendChild(b);
    return li;
  }

  /** @param {Model} m */
  function render(m) {
    const root = el('div', 'report');
    root.id = 'report';
    root.dataset.uri = m.doc.uri;
    root.dataset.version = String(m.doc.version);
    root.lang = m.doc.lang === 'zh' ? 'zh-CN' : 'en';

    const header = el('header', 'summary');
    const h1 = el('h1', 'doc-name', m.doc.name);
    h1.id = 'doc-name';
    header.appendChild(h1);
    const scoreBox = el('div', 'score');
    scoreBox.appendChild(el('span', 'score-caption', m.ui.score));
    const total = el('span', 'total', m.total);
    total.id = 'total';
    scoreBox.appendChild(total);
    scoreBox.appendChild(el('span', 'out-of', '/ 100'));
    header.appendChild(scoreBox);
    const levelBox = el('div', 'level-box');
    levelBox.appendChild(el('span', 'score-caption', m.ui.level));
    const level = el('span', `level ${m.level === 'L3' ? 'l3' : 'l2'}`, m.level);
    level.id = 'level';
    levelBox.appendChild(level);
    const levelLabel = el('span', 'level-label', m.levelLabel);
    levelLabel.id = 'level-label';
    levelBox.appendChild(levelLabel);
    header.appendChild(levelBox);
    root.appendChild(header);

    if (m.skipped) root.appendChild(el('p', 'skipped', m.skipped));

    const figure = el('figure', 'chart-box');
    figure.id = 'chart';
    figure.appendChild(chart(m.components, m.ui.chart));
    root.appendChild(figure);

    const list = el('div', 'components');
    list.id = 'components';
    for (const c of m.components) {
      const section = el('section', 'component');
      section.dataset.id = String(c.id);
      const h2 = el('h2');
      h2.appendChild(el('span', 'label', c.label));
      h2.appendChild(el('span', 'points', `${points(c.points)} / ${c.max}`));
      section.appendChild(h2);
      section.appendChild(el('p', 'detail', c.detail));

      const findings = (m.findings && m.findings[c.id]) || [];
      if (findings.length) {
        section.appendChild(el('h3', '', m.ui.findings));
        const ul = el('ul', 'findings');
        for (const f of findings) {
          const li = el('li');
          const b = revealButton(m, f, 'finding');
          b.dataset.rule = String(f.ruleId);
          b.appendChild(el('span', 'reason', f.reason));
          const meta = el('span', 'meta');
          meta.appendChild(el('span', 'rule', f.ruleId));
          meta.appendChild(el('span', 'line', fmt(m.ui.line, f.line)));
          b.appendChild(meta);
          li.appendChild(b);
          ul.appendChild(li);
        }
        section.appendChild(ul);
      }

      const items = Array.isArray(c.items) ? c.items : [];
      const costs = items.filter((i) => i.effect === 'cost');
      const gains = items.filter((i) => i.effect !== 'cost');
      if (costs.length) {
        section.appendChild(el('h3', '', m.ui.needsWork));
        const ul = el('ul', 'items');
        for (const item of costs) ul.appendChild(itemRow(m, item));
        section.appendChild(ul);
      } else if (!findings.length) {
        section.appendChild(el('p', 'nothing', m.ui.nothing));
      }
      if (gains.length) {
        const details = el('details', 'counted');
        details.appendChild(el('summary', '', `${m.ui.counted} (${gains.length})`));
        const ul = el('ul', 'items');
        for (const item of gains) ul.appendChild(itemRow(m, item));
        details.appendChild(ul);
        section.appendChild(details);
      }
      list.appendChild(section);
    }
    root.appendChild(list);
    app.replaceChildren(root);
  }

  /** @param {string} text */
  function renderEmpty(text) {
    const p = el('p', 'empty', text);
    p.id = 'empty';
    app.replaceChildren(p);
  }

  /** @type {Model | undefined} */
  let current;

  app.addEventListener('click', (event) => {
    const target = /** @type {Element | null} */ (event.target instanceof Element ? event.target : null);
    const button = target && target.closest('button[data-offset]');
    if (!button || !current) return;
    const b = /** @type {HTMLElement} */ (button);
    const offset = Number(b.dataset.offset);
    const endOffset = Number(b.dataset.endOffset);
    if (!Number.isInteger(offset) || !Number.isInteger(endOffset)) return;
    vscode.postMessage({ type: 'reveal', uri: current.doc.uri, version: current.doc.version, offset, endOffset });
  });

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'update' && isModel(msg.model)) {
      current = msg.model;
      vscode.setState({ model: current });
      render(msg.model);
    } else if (msg.type === 'empty') {
      current = undefined;
      vscode.setState(undefined);
      renderEmpty(typeof msg.text === 'string' ? msg.text : '');
    }
  });

  const saved = vscode.getState();
  if (saved && isModel(saved.model)) {
    current = saved.model;
    render(saved.model);
  }
  vscode.postMessage({ type: 'ready' });
})();
