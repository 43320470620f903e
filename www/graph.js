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

/** Rows (depth from base) and lanes (columns) for revisions given oldest first. */
export function layout(revisions) {
  const place = new Map();
  const children = new Map();
  for (const r of revisions) for (const d of r.downRevisions) children.set(d, [...(children.get(d) ?? []), r.revision]);
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
  return { place, lanes: Math.max(lanes, 1), rows: Math.max(0, ...[...place.values()].map((p) => p.row + 1)) };
}

function truncate(text, n) {
  return text.length > n ? text.slice(0, n - 1) + "…" : text;
}

/**
 * Draws `revisions` ([{ revision, downRevisions, dependsOn, branchLabels, message, isHead,
 * isCurrent, path }]) into `svg`; `onOpen(revision)` when a node is clicked, or null for a picture
 * only. Returns the centre of the (first) current revision, or null when the database is at base.
 */
export function drawGraph(svg, revisions, onOpen) {
  const previous = svg.querySelector(".current-ring");
  const from = previous ? { x: previous.getAttribute("data-x"), y: previous.getAttribute("data-y") } : null;
  svg.replaceChildren();
  const { place, lanes, rows } = layout(revisions);
  const width = LEFT * 2 + lanes * LANE;
  const height = TOP + rows * ROW + 10;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  const center = (p) => ({ x: LEFT + p.lane * LANE + WIDTH / 2, y: TOP + p.row * ROW + HEIGHT / 2 });
  const anyCurrent = revisions.some((r) => r.isCurrent);
  const childCount = new Map();
  for (const r of revisions) for (const d of r.downRevisions) childCount.set(d, (childCount.get(d) ?? 0) + 1);
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
    const branchpoint = (childCount.get(r.revision) ?? 0) > 1;
    const labels = r.branchLabels ?? [];
    const says = [r.isHead && "head", r.isCurrent && "current", merge && "merge point", branchpoint && "branch point", labels.length && `branch labels ${labels.join(", ")}`].filter(Boolean);
    const g = node("g", {
      class: `rev${r.isHead ? " head" : ""}${r.isCurrent ? " current" : ""}${merge ? " merge" : ""}${branchpoint ? " branchpoint" : ""}`,
      transform: `translate(${c.x - WIDTH / 2}, ${c.y - HEIGHT / 2})`,
      "data-revision": r.revision,
    });
    const shown = {
      id: r.revision.slice(0, 12),
      message: truncate(r.message || "(no message)", labels.length ? 14 : 24),
      tags: [r.isHead && "head", merge && "merge", branchpoint && "branch"].filter(Boolean).join(" · "),
      labels: labels.length ? truncate(`@${labels.join(" @")}`, 12) : "",
    };
    if (onOpen) {
      // The accessible name starts with the text the node shows, then says the rest in words.
      const visible = [shown.id, shown.message, shown.tags, shown.labels].filter(Boolean).join(" ");
      g.setAttribute("tabindex", 0);
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", `${visible}. Revision ${r.revision}, ${r.message}${says.length ? `, ${says.join(", ")}` : ""}. Open its file.`);
    }
    g.append(node("rect", { width: WIDTH, height: HEIGHT, rx: 7 }));
    // A trailing space (not drawn: SVG collapses it) keeps the words apart for text readers.
    g.append(node("text", { x: 9, y: 16, class: "rev-id" }, `${shown.id} `));
    g.append(node("text", { x: 9, y: 31, class: "rev-message" }, `${shown.message} `));
    if (shown.tags) g.append(node("text", { x: WIDTH - 8, y: 16, class: "tag", "text-anchor": "end" }, `${shown.tags} `));
    if (shown.labels) g.append(node("text", { x: WIDTH - 8, y: 31, class: "label", "text-anchor": "end" }, `${shown.labels} `));
    if (onOpen) {
      const open = () => onOpen(r);
      g.addEventListener("click", open);
      g.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && (e.preventDefault(), open()));
    }
    nodes.append(g);
  }
  const current = revisions.filter((r) => r.isCurrent).map((r) => center(place.get(r.revision)));
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
    });
    ring.style.transform = `translate(${from ? from.x : c.x}px, ${from ? from.y : c.y}px)`;
    svg.append(ring);
    requestAnimationFrame(() => (ring.style.transform = `translate(${c.x}px, ${c.y}px)`));
  }
  return current[0] ?? null;
}
