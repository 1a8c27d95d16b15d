// The script API of bacalhau4j functions (docs/functions.md), run before every script.
// It is the only bridge to the host: java_invoke is taken away from the script.
(() => {
  const invoke = globalThis.java_invoke;
  delete globalThis.java_invoke;

  const call = (name, ...args) => {
    const answer = JSON.parse(invoke('bacalhau', name, JSON.stringify(args)));
    if (answer.error) {
      const e = new Error(answer.error.message);
      e.code = answer.error.code;
      throw e;
    }
    return answer.ok;
  };
  const path = (p) => {
    if (typeof p !== 'string') throw new TypeError('a path must be a string (got ' + typeof p + ')');
    return p;
  };
  const toLatin1 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(i + 8192, bytes.length)));
    }
    return s;
  };
  const fromLatin1 = (s) => {
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  };
  const write = (p, data, append) => {
    if (typeof data === 'string') return call('writeFile', path(p), data, 'utf8', append);
    if (data instanceof ArrayBuffer) data = new Uint8Array(data);
    if (ArrayBuffer.isView(data)) {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      return call('writeFile', path(p), toLatin1(bytes), 'latin1', append);
    }
    return call('writeFile', path(p), String(data), 'utf8', append);
  };
  const define = (name, value) =>
    Object.defineProperty(globalThis, name, { value, enumerable: false, writable: false, configurable: false });

  define('readFile', (p) => call('readFile', path(p), 'utf8'));
  define('readBytes', (p) => fromLatin1(call('readFile', path(p), 'latin1')));
  define('writeFile', (p, data) => { write(p, data, false); });
  define('appendFile', (p, data) => { write(p, data, true); });
  define('listDir', (p) => call('listDir', path(p)));
  define('stat', (p) => call('stat', path(p)));
  define('exists', (p) => call('exists', path(p)));
  define('mkdir', (p) => { call('mkdir', path(p)); });
  define('exit', (code) => { call('exit', code === undefined ? 0 : Number(code) | 0); });
  define('args', Object.freeze(call('args')));
  define('env', Object.freeze(call('env')));
})();
