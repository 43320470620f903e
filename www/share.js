// Share links: the project's files and the walkthrough position, deflated and base64url-encoded
// into the URL's fragment (#share=…), so nothing leaves the browser until the link is sent.

async function pipe(bytes, stream) {
  const out = new Blob([bytes]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes) {
  let text = "";
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const plain = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(plain, (c) => c.charCodeAt(0));
}

/** A link that opens this page with `files` and the walkthrough at `step`. */
export async function shareLink(files, step) {
  const json = new TextEncoder().encode(JSON.stringify({ v: 1, step, files }));
  const packed = await pipe(json, new CompressionStream("deflate-raw"));
  return `${location.origin}${location.pathname}#share=${toBase64Url(packed)}`;
}

/** The `{ step, files }` a share link carries, or null when the URL has none (or a broken one). */
export async function readShareLink() {
  const match = location.hash.match(/^#share=([A-Za-z0-9_-]+)$/);
  if (!match) return null;
  try {
    const json = await pipe(fromBase64Url(match[1]), new DecompressionStream("deflate-raw"));
    const data = JSON.parse(new TextDecoder().decode(json));
    if (data.v !== 1 || typeof data.files !== "object" || !Number.isInteger(data.step)) return null;
    return data;
  } catch {
    return null;
  }
}
