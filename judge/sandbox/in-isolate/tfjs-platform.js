// Sets up TensorFlow.js inside a training run's isolate, after the bundle (judge/sandbox/tfjs-bundle.ts)
// has run and before the harness and any candidate code exist there. The sandbox evaluates this
// function expression with three arguments: the settings as JSON, a copy of the wasm backend's
// binary (undefined for the cpu backend), and a callback that reports to the host that the wasm
// memory limit was reached.
//
// It returns two functions. install() registers a platform, because TensorFlow.js finds neither a
// browser nor Node.js here. It then selects the backend (cpu when wasm cannot start) and defines the
// global `tf`. status() reports the state as JSON. Candidate code never sees either function.
(function createTensorFlowLoader(settingsJson, wasmBytes, reportWasmMemoryExceeded) {
  'use strict';

  const settings = JSON.parse(settingsJson);
  const global = globalThis;
  const apply = Reflect.apply;
  const defineProperty = Reflect.defineProperty;
  const deleteProperty = Reflect.deleteProperty;
  const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const isView = ArrayBuffer.isView;
  const realNow = Date.now;
  const fromCharCode = String.fromCharCode;
  const charCodeAt = String.prototype.charCodeAt;
  const encodeUriComponent = encodeURIComponent;
  const decodeUriComponent = decodeURIComponent;
  const escapeText = escape;
  const unescapeText = unescape;
  const promiseResolve = Promise.resolve.bind(Promise);
  const promiseReject = Promise.reject.bind(Promise);
  const Uint8ArrayConstructor = Uint8Array;
  const DataViewConstructor = DataView;
  const WASM_PAGE_BYTES = 65536;

  const bundle = global.__holdoutTf;
  deleteProperty(global, '__holdoutTf');
  const tf = bundle.tf;

  let wasmMemoryExceeded = false;
  let wasmMemoryBytes = 0;
  let backendName = null;
  let fallbackReason = null;

  function isUtf8(encoding) {
    return encoding === undefined || encoding === 'utf-8' || encoding === 'utf8';
  }

  // tf.io and string tensors encode text through the platform. V8 alone has no TextEncoder, so
  // UTF-8 goes through encodeURIComponent and unescape, which are part of ECMAScript.
  function encode(text, encoding) {
    if (!isUtf8(encoding)) throw new Error('only UTF-8 is supported, not ' + encoding);
    const binary = unescapeText(encodeUriComponent(text));
    const bytes = new Uint8ArrayConstructor(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = apply(charCodeAt, binary, [i]);
    return bytes;
  }

  function decode(bytes, encoding) {
    if (!isUtf8(encoding)) throw new Error('only UTF-8 is supported, not ' + encoding);
    let binary = '';
    for (let i = 0; i < bytes.length; i++) binary += fromCharCode(bytes[i]);
    return decodeUriComponent(escapeText(binary));
  }

  // The same whole-second clock the harness gives candidate code, so tf.util.now() and tf.time()
  // measure nothing finer than Date.now() does.
  function now() {
    const time = realNow();
    return time - (time % 1000);
  }

  // Serves the wasm binary and nothing else: the isolate has no network and no files.
  function fetch(path) {
    if (path !== settings.wasmUrl || wasmBytes === undefined) {
      return promiseReject(new Error('fetch is not available in the judge (requested ' + String(path) + ')'));
    }
    const response = {
      ok: true,
      status: 200,
      arrayBuffer: () => promiseResolve(wasmBytes),
    };
    return promiseResolve(response);
  }

  const platform = {
    fetch,
    now,
    encode,
    decode,
    isTypedArray: (value) => isView(value) && !(value instanceof DataViewConstructor),
    // The isolate has no timers, so a microtask is the nearest thing to "later".
    setTimeoutCustom: (callback) => {
      promiseResolve().then(() => callback());
    },
  };

  /**
   * Bounds the wasm backend's memory and leaves candidate code no way to allocate WebAssembly
   * memory of its own. Wasm memory lies outside the isolate's memory limit (isolated-vm counts only
   * the V8 heap and array buffers), so Memory.prototype.grow refuses to grow past
   * settings.wasmMaxBytes and reports that to the host, which stops the run. The constructors of
   * the WebAssembly classes are removed from their prototypes, so that `memory.constructor` and the
   * like lead nowhere once the harness has deleted the global `WebAssembly`.
   */
  function lockDownWebAssembly() {
    const wasm = global.WebAssembly;
    const memoryPrototype = wasm.Memory.prototype;
    const originalGrow = memoryPrototype.grow;
    const bufferOf = getOwnPropertyDescriptor(memoryPrototype, 'buffer').get;
    const byteLengthOf = getOwnPropertyDescriptor(ArrayBuffer.prototype, 'byteLength').get;
    const maxBytes = settings.wasmMaxBytes;

    function grow(delta) {
      const pages = +delta;
      const currentBytes = apply(byteLengthOf, apply(bufferOf, this, []), []);
      // Invalid deltas (negative, NaN) go on to the original, which rejects or ignores them.
      if (pages > 0 && currentBytes + pages * WASM_PAGE_BYTES > maxBytes) {
        if (!wasmMemoryExceeded) {
          wasmMemoryExceeded = true;
          reportWasmMemoryExceeded();
        }
        throw new RangeError('WebAssembly.Memory.grow(): the memory limit of ' + maxBytes / 1048576 + ' MiB is reached');
      }
      const previousPages = apply(originalGrow, this, [pages]);
      wasmMemoryBytes = apply(byteLengthOf, apply(bufferOf, this, []), []);
      return previousPages;
    }

    defineProperty(memoryPrototype, 'grow', { value: grow, writable: false, enumerable: true, configurable: false });
    defineProperty(wasm.Table.prototype, 'grow', {
      value: function grow() {
        throw new RangeError('WebAssembly.Table.grow() is not available in the judge');
      },
      writable: false,
      enumerable: true,
      configurable: false,
    });
    // Compiles synchronously. With tfjs-backend-wasm's own call of WebAssembly.instantiate, 4 of 7
    // inits in fresh isolates never settled (Node 24.22, isolated-vm 7.0.1). With the synchronous
    // constructors, 16 of 16 finished in 20 to 80 ms.
    const ModuleConstructor = wasm.Module;
    const InstanceConstructor = wasm.Instance;
    wasm.instantiate = function instantiate(bytes, imports) {
      try {
        const module = new ModuleConstructor(bytes);
        return promiseResolve({ module, instance: new InstanceConstructor(module, imports) });
      } catch (error) {
        return promiseReject(error);
      }
    };
    const names = Reflect.ownKeys(wasm);
    for (let i = 0; i < names.length; i++) {
      const value = wasm[names[i]];
      if (typeof value === 'function' && value.prototype && typeof value.prototype === 'object') {
        deleteProperty(value.prototype, 'constructor');
      }
    }
  }

  async function selectBackend() {
    if (settings.backend === 'wasm') {
      try {
        tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
        tf.env().set('WASM_HAS_SIMD_SUPPORT', true);
        // setWasmPaths requires a path for every binary, but only the SIMD one is served.
        bundle.setWasmPaths(
          {
            'tfjs-backend-wasm-simd.wasm': settings.wasmUrl,
            'tfjs-backend-wasm.wasm': 'holdout:///unavailable/tfjs-backend-wasm.wasm',
            'tfjs-backend-wasm-threaded-simd.wasm': 'holdout:///unavailable/tfjs-backend-wasm-threaded-simd.wasm',
          },
          true,
        );
        if (await tf.setBackend('wasm')) return;
        fallbackReason = 'the wasm backend did not initialise';
      } catch (error) {
        fallbackReason = 'the wasm backend failed to initialise: ' + (error && typeof error.message === 'string' ? error.message : String(error));
      }
    }
    if (!(await tf.setBackend('cpu'))) throw new Error('the cpu backend did not initialise');
  }

  function hideGlobal(name) {
    const descriptor = getOwnPropertyDescriptor(global, name);
    if (descriptor && descriptor.configurable) defineProperty(global, name, { enumerable: false });
  }

  async function install() {
    tf.setPlatform('holdout', platform);
    // PROD skips the per-op debug checks and the "install tfjs-node" banners.
    tf.env().set('PROD', true);
    lockDownWebAssembly();
    await selectBackend();
    backendName = tf.getBackend();
    if (backendName === 'wasm') wasmMemoryBytes = tf.backend().wasm.HEAPU8.length;
    deleteProperty(global, 'self');
    // TensorFlow.js keeps its engine and registries in these two globals and reads them on every
    // tensor it creates, so they stay. Non-enumerable, they do not show in Object.keys.
    hideGlobal('_tfengine');
    hideGlobal('_tfGlobals');
    defineProperty(global, 'tf', { value: tf, writable: true, enumerable: false, configurable: true });
    return status();
  }

  // Reads only this closure's variables, because candidate code can replace anything on `tf`.
  function status() {
    return JSON.stringify({ backend: backendName, fallbackReason, wasmMemoryExceeded, wasmMemoryBytes });
  }

  return { install, status };
});
