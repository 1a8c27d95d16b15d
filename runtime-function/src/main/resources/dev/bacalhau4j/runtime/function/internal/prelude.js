// The script API of bacalhau4j functions (docs/functions.md), run before every script.
// It is the only bridge to the host: java_invoke is taken away from the script.
// Every function here is named bacalhau$..., so that errors can drop its frames and point at
// the script's own line (both this prelude and the script are "function.mjs" to QuickJS).
(() => {
  const invoke = globalThis.java_invoke;
  delete globalThis.java_invoke;

  const bacalhau$fail = (code, message, Type) => {
    const e = new (Type || Error)(message);
    if (code) e.code = code;
    const frames = String(e.stack).split('\n').filter((l) => l && !l.includes('bacalhau$'));
    e.stack = frames.length ? frames.join('\n') + '\n' : '';
    const at = frames.length && /:(\d+):(\d+)\)?$/.exec(frames[0]);
    if (at) {
      e.lineNumber = Number(at[1]);
      e.columnNumber = Number(at[2]);
    }
    throw e;
  };
  const bacalhau$call = (name, ...args) => {
    const answer = JSON.parse(invoke('bacalhau', name, JSON.stringify(args)));
    if (answer.error) bacalhau$fail(answer.error.code, answer.error.message);
    return answer.ok;
  };
  const bacalhau$path = (p) => {
    if (typeof p !== 'string') bacalhau$fail('', 'a path must be a string (got ' + typeof p + ')', TypeError);
    return p;
  };
  const bacalhau$toLatin1 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      s += String.fromCharCode.apply(null, bytes.subarray(i, Math.min(i + 8192, bytes.length)));
    }
    return s;
  };
  const bacalhau$fromLatin1 = (s) => {
    const bytes = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
    return bytes;
  };
  const bacalhau$write = (p, data, append) => {
    if (data instanceof ArrayBuffer) data = new Uint8Array(data);
    if (ArrayBuffer.isView(data)) {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      return bacalhau$call('writeFile', bacalhau$path(p), bacalhau$toLatin1(bytes), 'latin1', append);
    }
    return bacalhau$call('writeFile', bacalhau$path(p), String(data), 'utf8', append);
  };
  // Math.random from the job's seed (xorshift128+), not from the clock: different jobs draw
  // different numbers, the same job draws the same ones on every node.
  const seed = bacalhau$call('seed');
  const state = new Uint32Array([seed[0] | 1, seed[1], seed[2], seed[3]]);
  const bacalhau$random32 = () => {
    let s1 = state[0] ^ (state[0] << 11);
    const s0 = state[3];
    state[0] = state[1];
    state[1] = state[2];
    state[2] = s0;
    state[3] = (s0 ^ (s0 >>> 19)) ^ (s1 ^ (s1 >>> 8));
    return state[3] >>> 0;
  };
  const define = (target, name, value) =>
    Object.defineProperty(target, name, { value, enumerable: false, writable: false, configurable: false });

  define(Math, 'random', function bacalhau$random() {
    return ((bacalhau$random32() >>> 5) * 67108864 + (bacalhau$random32() >>> 6)) / 9007199254740992;
  });
  define(globalThis, 'readFile', function bacalhau$readFile(p) {
    return bacalhau$call('readFile', bacalhau$path(p), 'utf8');
  });
  define(globalThis, 'readBytes', function bacalhau$readBytes(p) {
    return bacalhau$fromLatin1(bacalhau$call('readFile', bacalhau$path(p), 'latin1'));
  });
  define(globalThis, 'writeFile', function bacalhau$writeFile(p, data) {
    bacalhau$write(p, data, false);
  });
  define(globalThis, 'appendFile', function bacalhau$appendFile(p, data) {
    bacalhau$write(p, data, true);
  });
  define(globalThis, 'listDir', function bacalhau$listDir(p) {
    return bacalhau$call('listDir', bacalhau$path(p));
  });
  define(globalThis, 'stat', function bacalhau$stat(p) {
    return bacalhau$call('stat', bacalhau$path(p));
  });
  define(globalThis, 'exists', function bacalhau$exists(p) {
    return bacalhau$call('exists', bacalhau$path(p));
  });
  define(globalThis, 'mkdir', function bacalhau$mkdir(p) {
    bacalhau$call('mkdir', bacalhau$path(p));
  });
  define(globalThis, 'exit', function bacalhau$exit(code) {
    bacalhau$call('exit', code === undefined ? 0 : Number(code) | 0);
  });
  define(globalThis, 'args', Object.freeze(bacalhau$call('args')));
  define(globalThis, 'env', Object.freeze(bacalhau$call('env')));
})();
