/**
 * Downloads the stored graph off the main thread: a response body is read by the thread that
 * fetched it, so a fetch from the page stalls while the page builds and draws the first frame.
 */
self.onmessage = async (e: MessageEvent<string>) => {
  try {
    const res = await fetch(e.data, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`GET api/graph: ${res.status} ${res.statusText}`);
    const body = await res.arrayBuffer();
    postMessage({ body, at: performance.timeOrigin + performance.now() }, { transfer: [body] });
  } catch (err) {
    postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
