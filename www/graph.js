// The revision graph as SVG: base at the top, each revision a node (short id and message) below
// its down_revisions, branches side by side, merges joined; head revisions tagged, and the
// database's current revision marked by a ring that glides to its new place on upgrade/downgrade.
// Text goes in with textContent only.

const SVG = "http://www.w3.org/2000/svg";
const ROW = 62;
const LANE = 190;
const WIDTH = 170;
const HEIGHT = 40;
const TOP = 46;
const LEFT = 12;

function node(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

/** Each revision's children (revisions naming it as a down_revision), in the list's order. */
function childrenOf(revisions) {
  const children = new Map();
  for (const r of revisions) {
    for (const d of r.downRevisions) {
      if (!children.has(d)) children.set(d, []);
      children.get(d).push(r.revision);
    }
  }
  return children;
}

/** Rows (depth from base) and lanes (columns) for revisions given oldest first, and each
 * revision's children. */
export function layout(revisions) {
  const place = new Map();
  const children = childrenOf(revisions);
  let lanes = 0;
  for (const r of revisions) {
    const parents = r.downRevisions.map((d) => place.get(d)).filter(Boolean);
    const row = parents.length ? Math.max(...parents.map((p) => p.row)) + 1 : 0;
    let lane;
    if (parents.length === 0) lane = lanes++;
    else {
      const first = r.downRevisions[0];
      const siblings = children.get(first) ?? [];
      lane = siblings[0] === r.revision || parents.length > 1 ? parents[0].lane : lanes++;
    }
    place.set(r.revision, { row, lane });
  }
  return { place, children, lanes: Math.max(lanes, 1), rows: Math.max(0, ...[...place.values()].map((p) => p.row + 1)) };
}

/**
 * With more than `threshold` revisions, each straight run of four or more plain revisions (one
 * parent, one child, not a head, not current, no branch label, no depends_on either way) is drawn
 * as one node, `{ revision: "…", collapsed: [ids] }`, unless its first id is in `expanded`.
 */
export function collapseChains(revisions, expanded = new Set(), threshold = 50) {
  if (revisions.length <= threshold) return revisions;
  const children = childrenOf(revisions);
  const dependedOn = new Set(revisions.flatMap((r) => r.dependsOn ?? []));
  const plain = (r) =>
    r.downRevisions.length === 1 && (children.get(r.revision) ?? []).length === 1 && !r.isHead && !r.isCurrent &&
    !(r.branchLabels ?? []).length && !(r.dependsOn ?? []).length && !dependedOn.has(r.revision);
  const runOf = new Map(); // revision → its run (an array shared by the run's members)
  for (const r of revisions) {
    if (!plain(r)) continue;
    const run = runOf.get(r.downRevisions[0]) ?? [];
    run.push(r.revision);
    runOf.set(r.revision, run);
  }
  const hidden = new Map(); // revision → the collapsed node standing for it
  const out = [];
  for (const r of revisions) {
    const run = runOf.get(r.revision);
    if (run && run.length >= 4 && !expanded.has(run[0])) {
      if (run[0] !== r.revision) continue;
      const id = `…${run[0]}`;
      for (const member of run) hidden.set(member, id);
      out.push({ revision: id, collapsed: run, downRevisions: r.downRevisions, dependsOn: [], branchLabels: [], message: `${run.length} revisions in a line`, isHead: false, isCurrent: false });
      continue;
    }
    out.push({ ...r, downRevisions: r.downRevisions.map((d) => hidden.get(d) ?? d) });
  }
  return out;
}

/** The revisions between `from` and `to` along the graph's edges (both ends included), or []. */
function pathBetween(revisions, from, to) {
  const next = new Map(revisions.map((r) => [r.revision, []]));
  for (const r of revisions) for (const d of r.downRevisions) if (next.has(d)) next.get(d).push(r.revision), next.get(r.revision).push(d);
  const cameFrom = new Map([[from, null]]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift();
    if (at === to) break;
    for (const n of next.get(at) ?? []) if (!cameFrom.has(n)) cameFrom.set(n, at), queue.push(n);
  }
  if (!cameFrom.has(to)) return [];
  const path = [];
  for (let at = to; at !== null; at = cameFrom.get(at)) path.unshift(at);
  return path;
}

/** The revisions an alembic command moved through, in order, from its "Running upgrade A -> B" /
 * "Running downgrade B -> A" log lines (the side it arrived at; base is left out). The word is the
 * migration function's name, so a decorated one may read "Running wrapper A -> B". */
export function revisionsRun(output) {
  const ids = [];
  for (const [, to] of String(output ?? "").matchAll(/Running [A-Za-z_][A-Za-z0-9_]* [^\n]*?-> ([0-9A-Za-z_]+(?:, [0-9A-Za-z_]+)*)?, /g)) {
    if (to) ids.push(...to.split(", "));
  }
  return ids;
}

function truncate(text, n) {
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

/**
 * Draws `revisions` ([{ revision, downRevisions, dependsOn, branchLabels, message, isHead,
 * isCurrent, path }]) into `svg`; `onOpen(revision)` when a node is clicked, or null for a picture
 * only. Returns the centre of the (first) current revision, or null when the database is at base.
 */
export function drawGraph(svg, revisions, onOpen, zoom = 1, travelled = []) {
  const previous = svg.querySelector(".current-ring");
  const from = previous ? { x: previous.getAttribute("data-x"), y: previous.getAttribute("data-y"), revision: previous.getAttribute("data-revision") } : null;
  svg.replaceChildren();
  const { place, children, lanes, rows } = layout(revisions);
  const width = LEFT * 2 + lanes * LANE;
  const height = TOP + rows * ROW + 10;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", width * zoom);
  svg.setAttribute("height", height * zoom);
  const center = (p) => ({ x: LEFT + p.lane * LANE + WIDTH / 2, y: TOP + p.row * ROW + HEIGHT / 2 });
  const anyCurrent = revisions.some((r) => r.isCurrent);
  // base
  const baseX = LEFT + WIDTH / 2;
  svg.append(node("circle", { cx: baseX, cy: 16, r: 7, class: anyCurrent ? "base" : "base current-base" }));
  svg.append(node("text", { x: baseX + 14, y: 20, class: "base-label" }, anyCurrent || !revisions.length ? "base" : "base (current)"));
  const edges = node("g", { class: "edges" });
  const nodes = node("g", { class: "nodes" });
  svg.append(edges, nodes);
  for (const r of revisions) {
    const p = place.get(r.revision);
    const c = center(p);
    const parents = r.downRevisions.length ? r.downRevisions.map((d) => place.get(d)).filter(Boolean).map(center) : [{ x: baseX, y: 16 }];
    for (const q of parents) {
      const startY = q.y === 16 ? 23 : q.y + HEIGHT / 2;
      edges.append(node("path", { d: `M ${q.x} ${startY} C ${q.x} ${startY + 18}, ${c.x} ${c.y - HEIGHT / 2 - 18}, ${c.x} ${c.y - HEIGHT / 2}`, class: "edge" }));
    }
    // depends_on: a dashed line from the revision depended on, beside the ordinary edges.
    for (const d of r.dependsOn ?? []) {
      const q = place.get(d) && center(place.get(d));
      if (q) edges.append(node("path", { d: `M ${q.x + WIDTH / 2} ${q.y} C ${q.x + WIDTH / 2 + 24} ${q.y}, ${c.x + WIDTH / 2 + 24} ${c.y}, ${c.x + WIDTH / 2} ${c.y}`, class: "edge depends" }));
    }
    const merge = r.downRevisions.length > 1;
    const branchpoint = (children.get(r.revision) ?? []).length > 1;
    const labels = r.branchLabels ?? [];
    const says = [r.isHead && "head", r.isCurrent && "current", merge && "merge point", branchpoint && "branch point", labels.length && `branch labels ${labels.join(", ")}`].filter(Boolean);
    const g = node("g", {
      class: `rev${r.isHead ? " head" : ""}${r.isCurrent ? " current" : ""}${merge ? " merge" : ""}${branchpoint ? " branchpoint" : ""}${r.collapsed ? " collapsed" : ""}`,
      transform: `translate(${c.x - WIDTH / 2}, ${c.y - HEIGHT / 2})`,
      "data-revision": r.revision,
    });
    // Top right: head, or else the kind of point; bottom right: branch labels, or the kind of
    // point when head took the top.
    const kind = merge ? "merge" : branchpoint ? "branch" : "";
    const top = r.isHead ? "head" : kind;
    const bottom = labels.length ? truncate(`@${labels.join(" @")}`, 12) : r.isHead ? kind : "";
    const shown = {
      id: r.collapsed ? `${r.collapsed[0].slice(0, 6)} … ${r.collapsed.at(-1).slice(0, 6)}` : r.revision.slice(0, 12),
      message: truncate(r.message || "(no message)", bottom ? 16 : 24),
    };
    if (onOpen) {
      // The accessible name starts with the text the node shows, then says the rest in words.
      const visible = [shown.id, shown.message, top, bottom].filter(Boolean).join(" ");
      g.setAttribute("tabindex", 0);
      g.setAttribute("role", "button");
      g.setAttribute(
        "aria-label",
        r.collapsed
          ? `${visible}. ${r.collapsed.length} revisions from ${r.collapsed[0]} to ${r.collapsed.at(-1)}, drawn as one. Show them.`
          : `${visible}. Revision ${r.revision}, ${r.message}${says.length ? `, ${says.join(", ")}` : ""}. Open its file.`,
      );
    }
    g.append(node("rect", { width: WIDTH, height: HEIGHT, rx: 7 }));
    // A trailing space (not drawn: SVG collapses it) keeps the words apart for text readers.
    g.append(node("text", { x: 9, y: 16, class: "rev-id" }, `${shown.id} `));
    g.append(node("text", { x: 9, y: 31, class: "rev-message" }, `${shown.message} `));
    if (top) g.append(node("text", { x: WIDTH - 8, y: 16, class: "tag", "text-anchor": "end" }, `${top} `));
    if (bottom) g.append(node("text", { x: WIDTH - 8, y: 31, class: labels.length ? "label" : "tag", "text-anchor": "end" }, `${bottom} `));
    if (onOpen) {
      const open = () => onOpen(r);
      g.addEventListener("click", open);
      g.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), open()));
    }
    nodes.append(g);
  }
  const current = revisions.filter((r) => r.isCurrent).map((r) => ({ ...center(place.get(r.revision)), revision: r.revision }));
  for (const c of current) {
    const ring = node("rect", {
      class: "current-ring",
      x: -WIDTH / 2 - 5,
      y: -HEIGHT / 2 - 5,
      width: WIDTH + 10,
      height: HEIGHT + 10,
      rx: 10,
      "data-x": c.x,
      "data-y": c.y,
      "data-revision": c.revision,
    });
    svg.append(ring);
    // The ring travels the way the command went: through the revisions it ran, in the order it
    // ran them (`travelled`, read from Alembic's "Running upgrade A -> B" lines), else through the
    // graph from the old current revision to the new one, else straight.
    const ran = travelled.includes(c.revision) ? travelled.slice(0, travelled.lastIndexOf(c.revision) + 1) : [];
    const route = ran.length && from && from.revision ? [from.revision, ...ran] : ran.length ? ran : from && from.revision ? pathBetween(revisions, from.revision, c.revision) : [];
    const path = route.map((id) => place.get(id)).filter(Boolean).map(center);
    const stops = path.length > 1 ? path : from ? [{ x: from.x, y: from.y }, c] : [c];
    ring.style.transform = `translate(${c.x}px, ${c.y}px)`;
    if (stops.length > 1 && ring.animate) {
      const keyframes = stops.map((p) => ({ transform: `translate(${p.x}px, ${p.y}px)` }));
      ring.animate(keyframes, { duration: Math.min(1500, 200 + 140 * stops.length), easing: "ease-in-out" });
    }
  }
  return current[0] ?? null;
}
