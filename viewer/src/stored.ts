/** The stored graph's JSON (GET api/graph), downloaded by a worker when the browser allows one. */
export function fetchStoredJSON(): Promise<unknown> {
  const url = new URL('api/graph', location.href).href;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./fetch-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return fetchHere(url);
  }
  return new Promise<unknown>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<{ body?: ArrayBuffer; error?: string; at?: number }>) => {
      worker.terminate();
      if (e.data.error !== undefined) return reject(new Error(e.data.error));
      performance.mark('actorgraph:storedDownloaded', { startTime: e.data.at! - performance.timeOrigin });
      performance.mark('actorgraph:storedReceived');
      resolve(JSON.parse(new TextDecoder().decode(e.data.body)));
    };
    // a worker that cannot start leaves the page to fetch it
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      fetchHere(url).then(resolve, reject);
    };
    worker.postMessage(url);
  });
}

async function fetchHere(url: string): Promise<unknown> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET api/graph: ${res.status} ${res.statusText}`);
  return res.json();
}
