// The judge's own code inside each isolate. The sandbox evaluates this function expression in a
// fresh context before any candidate code exists there, so every built-in it captures below is the
// original. Candidate code can replace globals and prototype methods later, but this file reaches
// them only through the captured references, reads only own properties of values it created, and
// builds text with `+` on strings, which consults no prototype.
//
// The host calls the returned dispatcher with one operation at a time, and each operation returns a
// string. Candidate code only ever runs inside a try block here, so an exception that reaches the host
// comes from the isolate itself: timeout, termination, memory limit, or an error that V8 raises past
// every catch (a synchronous import() in an isolate without a module loader).
(function createHarness(log, settings) {
  'use strict';

  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const defineProperty = Reflect.defineProperty;
  const deleteProperty = Reflect.deleteProperty;
  const getOwnPropertyDescriptor = Reflect.getOwnPropertyDescriptor;
  const getPrototypeOf = Reflect.getPrototypeOf;
  const objectKeys = Object.keys;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const parseJson = JSON.parse;
  const quoteJson = JSON.stringify;
  const SetConstructor = Set;
  const setAdd = Set.prototype.add;
  const setDelete = Set.prototype.delete;
  const setHas = Set.prototype.has;
  const typedArrayLength = getOwnPropertyDescriptor(getPrototypeOf(Uint8Array.prototype), 'length').get;
  const RealDate = Date;
  const realNow = Date.now;
  const dateToString = Date.prototype.toString;
  const global = globalThis;
  const PromiseConstructor = Promise;
  const hasInstance = Function.prototype[Symbol.hasInstance];

  const Float64ArrayConstructor = Float64Array;

  const OUTPUT_MAX_CHARS = settings.outputMaxChars;
  const OUTPUT_MAX_DEPTH = settings.outputMaxDepth;
  const CONSOLE_MAX_CHARS = settings.consoleMaxChars;
  const LOSS_HISTORY_MAX_ENTRIES = settings.lossHistoryMaxEntries;
  const CONSOLE_PREVIEW_CHARS = 2000;
  const MESSAGE_MAX_CHARS = 2000;

  // Thrown (as this exact object) by the writer when the value cannot be sent back. Anything else
  // that escapes the writer was thrown by candidate code: a getter or a proxy trap.
  const REJECTED = { reason: '' };

  function reject(reason) {
    REJECTED.reason = reason;
    throw REJECTED;
  }

  function clip(text, max) {
    return text.length > max ? text.slice(0, max) + '…' : text;
  }

  // A path step as JSON: array indices as numbers, object keys as quoted strings.
  function pathStep(key) {
    return typeof key === 'number' ? '' + key : quoteJson(key);
  }

  function joinPath(path, key) {
    return path === '' ? pathStep(key) : path + ',' + pathStep(key);
  }

  /** The name of a non-finite number, as the wire format and the console spell it. */
  function nonFiniteName(number) {
    if (number !== number) return 'NaN';
    return number > 0 ? 'Infinity' : '-Infinity';
  }

  function nonFiniteNumber(name) {
    if (name === 'NaN') return NaN;
    return name === 'Infinity' ? Infinity : -Infinity;
  }

  /**
   * Writes `value` as JSON. In output mode a non-finite number is written as null and its path is
   * recorded, so the host can restore NaN and ±Infinity exactly. In console mode it is written as
   * the bare word, cycles print as [Circular], and depth and length are clipped instead of rejected.
   */
  function createWriter(consoleMode, maxChars, maxDepth) {
    let text = '';
    let patches = '';
    const ancestors = new SetConstructor();

    function writeNumber(number, path, key) {
      if (number - number === 0) {
        text += '' + number;
        return;
      }
      const name = nonFiniteName(number);
      if (consoleMode) {
        text += name;
        return;
      }
      text += 'null';
      const fullPath = key === undefined ? path : joinPath(path, key);
      patches += (patches === '' ? '' : ',') + '[[' + fullPath + '],"' + name + '"]';
    }

    function writeTypedArray(view, path) {
      let length;
      try {
        length = apply(typedArrayLength, view, []);
      } catch {
        reject('a DataView cannot be returned; return an array or a typed array');
      }
      text += '[';
      for (let i = 0; i < length; i++) {
        if (i > 0) text += ',';
        const item = view[i];
        if (typeof item === 'bigint') {
          if (consoleMode) text += '' + item + 'n';
          else reject('a BigInt64Array cannot be returned; use a Float64Array or an array of numbers');
        } else {
          writeNumber(item, path, i);
        }
        if (text.length > maxChars) return;
      }
      text += ']';
    }

    function writeArray(array, depth, path) {
      const length = array.length;
      if (typeof length !== 'number' || !(length >= 0) || length > maxChars) reject('an array reported an invalid length');
      text += '[';
      for (let i = 0; i < length; i++) {
        if (i > 0) text += ',';
        write(array[i], depth + 1, path, i, true);
        if (text.length > maxChars) return;
      }
      text += ']';
    }

    function writeObject(object, depth, path) {
      const keys = objectKeys(object);
      text += '{';
      let first = true;
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const item = object[key];
        const kind = typeof item;
        if (kind === 'undefined' || kind === 'function' || kind === 'symbol') continue;
        if (!first) text += ',';
        first = false;
        text += quoteJson(key) + ':';
        write(item, depth + 1, path, key, false);
        if (text.length > maxChars) return;
      }
      text += '}';
    }

    function writeContainer(value, depth, path) {
      if (depth >= maxDepth) {
        if (consoleMode) {
          text += '[…]';
          return;
        }
        reject('the value is nested more than ' + maxDepth + ' levels deep');
      }
      if (apply(setHas, ancestors, [value])) {
        if (consoleMode) {
          text += '[Circular]';
          return;
        }
        reject('the value contains a cycle (an object that contains itself)');
      }
      apply(setAdd, ancestors, [value]);
      if (isView(value)) writeTypedArray(value, path);
      else if (isArray(value)) writeArray(value, depth, path);
      else writeObject(value, depth, path);
      apply(setDelete, ancestors, [value]);
    }

    /** Writes one value; `key` is its index or key in the parent, or undefined at the top. */
    function write(value, depth, parentPath, key, inArray) {
      switch (typeof value) {
        case 'number':
          writeNumber(value, parentPath, key);
          break;
        case 'string':
          text += quoteJson(value);
          break;
        case 'boolean':
          text += value ? 'true' : 'false';
          break;
        case 'undefined':
        case 'function':
        case 'symbol':
          // As in JSON: such values become null in arrays and at the top; objects skip them.
          text += inArray || key === undefined ? 'null' : '';
          break;
        case 'bigint':
          if (consoleMode) text += '' + value + 'n';
          else reject('a BigInt cannot be returned; use a number');
          break;
        default:
          if (value === null) text += 'null';
          else writeContainer(value, depth, key === undefined ? parentPath : joinPath(parentPath, key));
      }
      if (text.length > maxChars) {
        if (consoleMode) return;
        reject('the value is larger than ' + maxChars + ' characters as JSON');
      }
    }

    return {
      writeRoot(value) {
        write(value, 0, '', undefined, false);
      },
      text() {
        return text;
      },
      patches() {
        return patches;
      },
    };
  }

  /** Decodes the host's `[value, patches]` encoding, restoring non-finite numbers at their paths. */
  function decode(encoded) {
    const pair = parseJson(encoded);
    let value = pair[0];
    const patches = pair[1];
    for (let i = 0; i < patches.length; i++) {
      const path = patches[i][0];
      const number = nonFiniteNumber(patches[i][1]);
      if (path.length === 0) {
        value = number;
        continue;
      }
      let target = value;
      for (let j = 0; j < path.length - 1; j++) target = target[path[j]];
      target[path[path.length - 1]] = number;
    }
    return value;
  }

  /** Describes a thrown value without trusting it: getters may throw, loop or return non-strings. */
  function describeThrown(thrown) {
    const kind = typeof thrown;
    if (kind === 'string') return clip(thrown, MESSAGE_MAX_CHARS);
    if (kind === 'number' || kind === 'boolean' || kind === 'bigint' || kind === 'undefined') return 'threw ' + kind + ' ' + thrown;
    if (kind === 'symbol') return 'threw a symbol';
    if (thrown === null) return 'threw null';
    let name;
    let message;
    try {
      name = thrown.name;
      message = thrown.message;
    } catch {
      return 'threw an object whose properties could not be read';
    }
    if (typeof message !== 'string') return 'threw a value that is not an Error';
    const label = typeof name === 'string' && name !== '' ? name : 'Error';
    return clip(label + ': ' + message, MESSAGE_MAX_CHARS);
  }

  function status(kind, message) {
    return message === undefined ? '{"kind":"' + kind + '"}' : '{"kind":"' + kind + '","message":' + quoteJson(message) + '}';
  }

  // Console: each call is formatted here and sent to the host as one string, until the budget is spent.
  let consoleChars = 0;
  let consoleClosed = false;

  function formatConsoleArgument(value) {
    if (typeof value === 'string') return value;
    try {
      const writer = createWriter(true, CONSOLE_PREVIEW_CHARS, 4);
      writer.writeRoot(value);
      return clip(writer.text(), CONSOLE_PREVIEW_CHARS);
    } catch {
      return '[value that could not be printed]';
    }
  }

  function emit(prefix, args) {
    if (consoleClosed) return;
    let line = prefix;
    for (let i = 0; i < args.length; i++) line += (i > 0 ? ' ' : '') + formatConsoleArgument(args[i]);
    const remaining = CONSOLE_MAX_CHARS - consoleChars;
    if (line.length + 1 > remaining) {
      consoleClosed = true;
      if (remaining > 1) log(line.slice(0, remaining - 1));
      log('[console output truncated: the limit is ' + CONSOLE_MAX_CHARS + ' characters]');
      return;
    }
    consoleChars += line.length + 1;
    log(line);
  }

  const sandboxConsole = {
    log: (...args) => emit('', args),
    info: (...args) => emit('', args),
    debug: (...args) => emit('', args),
    warn: (...args) => emit('warn: ', args),
    error: (...args) => emit('error: ', args),
  };

  // The clock: whole seconds only, so candidate code gets no timer fine enough to measure itself
  // or anything else.
  function coarseNow() {
    const now = realNow();
    return now - (now % 1000);
  }

  function SandboxDate(...args) {
    if (new.target === undefined) return apply(dateToString, new RealDate(coarseNow()), []);
    return construct(RealDate, args.length === 0 ? [coarseNow()] : args, new.target);
  }
  SandboxDate.prototype = RealDate.prototype;
  SandboxDate.now = coarseNow;
  SandboxDate.parse = RealDate.parse;
  SandboxDate.UTC = RealDate.UTC;
  defineProperty(RealDate.prototype, 'constructor', { value: SandboxDate, writable: true, configurable: true });

  defineProperty(global, 'Date', { value: SandboxDate, writable: true, configurable: true });
  defineProperty(global, 'console', { value: sandboxConsole, writable: true, configurable: true });
  // WebAssembly memory is allocated outside the isolate's memory limit, SharedArrayBuffer is only
  // useful for timers and shared state, and Intl formats the real clock to the millisecond.
  deleteProperty(global, 'WebAssembly');
  deleteProperty(global, 'SharedArrayBuffer');
  deleteProperty(global, 'Intl');

  let args;
  let candidateFunction;
  let result;

  function load(factory, functionName) {
    const module = { exports: {} };
    try {
      factory(module, module.exports);
    } catch (thrown) {
      return status('threw', 'module top-level code: ' + describeThrown(thrown));
    }
    let exported;
    try {
      const exportsObject = module.exports;
      exported = exportsObject === null || exportsObject === undefined ? undefined : exportsObject[functionName];
    } catch (thrown) {
      return status('threw', 'reading the export `' + functionName + '`: ' + describeThrown(thrown));
    }
    if (typeof exported !== 'function') {
      return status('not_a_function', 'the export `' + functionName + '` is ' + (exported === null ? 'null' : typeof exported) + ', not a function');
    }
    candidateFunction = exported;
    return status('ok');
  }

  function settle(value) {
    result = value;
    return status('ok');
  }

  async function settleLater(promise) {
    try {
      return settle(await promise);
    } catch (thrown) {
      return status('threw', describeThrown(thrown));
    }
  }

  function call() {
    let value;
    try {
      value = apply(candidateFunction, undefined, args);
    } catch (thrown) {
      return status('threw', describeThrown(thrown));
    }
    // Only real promises are awaited: any other object with a `then` is returned as data.
    if (apply(hasInstance, PromiseConstructor, [value])) return settleLater(value);
    return settle(value);
  }

  // Training parts: `call` ran train(), whose result is the trained model; `model` checks it and
  // keeps its loss history, and `predict` calls its predict method on the arguments of the last
  // `input`, so that `output` then sends back { predictions, lossHistory }.
  let model;
  let predictFunction;
  let lossHistory = null;

  /** Copies a loss history into a Float64Array (entries that are not numbers become NaN); null when it is no array. */
  function copyLossHistory(value) {
    let length;
    if (isView(value)) {
      try {
        length = apply(typedArrayLength, value, []);
      } catch {
        return null;
      }
    } else if (isArray(value)) {
      length = value.length;
    } else {
      return null;
    }
    if (typeof length !== 'number' || !(length >= 0)) return null;
    const count = length < LOSS_HISTORY_MAX_ENTRIES ? length : LOSS_HISTORY_MAX_ENTRIES;
    const copy = new Float64ArrayConstructor(count);
    for (let i = 0; i < count; i++) {
      const item = value[i];
      copy[i] = typeof item === 'number' ? item : NaN;
    }
    return copy;
  }

  function adoptModel() {
    const value = result;
    result = undefined;
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) {
      return status('invalid_output', 'train() must resolve to an object with a predict(testInput) method, but it resolved to ' + (value === null ? 'null' : typeof value));
    }
    let predict;
    try {
      predict = value.predict;
      lossHistory = copyLossHistory(value.lossHistory);
    } catch (thrown) {
      return status('threw', 'reading the model that train() resolved to: ' + describeThrown(thrown));
    }
    if (typeof predict !== 'function') {
      return status('invalid_output', 'the object that train() resolved to has no predict method (its predict is ' + (predict === null ? 'null' : typeof predict) + ')');
    }
    model = value;
    predictFunction = predict;
    return status('ok');
  }

  function settlePrediction(value) {
    result = { predictions: value, lossHistory };
    return status('ok');
  }

  async function settlePredictionLater(promise) {
    try {
      return settlePrediction(await promise);
    } catch (thrown) {
      return status('threw', describeThrown(thrown));
    }
  }

  function predict() {
    let value;
    try {
      value = apply(predictFunction, model, args);
    } catch (thrown) {
      return status('threw', describeThrown(thrown));
    }
    if (apply(hasInstance, PromiseConstructor, [value])) return settlePredictionLater(value);
    return settlePrediction(value);
  }

  function output() {
    const writer = createWriter(false, OUTPUT_MAX_CHARS, OUTPUT_MAX_DEPTH);
    try {
      writer.writeRoot(result);
    } catch (thrown) {
      if (thrown === REJECTED) return status('invalid_output', 'the returned value cannot be sent back: ' + REJECTED.reason);
      return status('threw', 'while reading the returned value: ' + describeThrown(thrown));
    }
    return status('ok') + '\n[' + writer.text() + ',[' + writer.patches() + ']]';
  }

  return function dispatch(operation, argument, extra) {
    switch (operation) {
      case 'input':
        args = decode(argument);
        return status('ok');
      case 'load':
        return load(argument, extra);
      case 'call':
        return call();
      case 'model':
        return adoptModel();
      case 'predict':
        return predict();
      case 'output':
        return output();
      default:
        return status('unknown_operation');
    }
  };
});
