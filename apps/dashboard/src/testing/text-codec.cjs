// jsdom has no TextEncoder/TextDecoder, which reading a job's event stream uses (every browser has them):
// the component tests take Node's.
const { TextDecoder, TextEncoder } = require('node:util');

Object.assign(globalThis, { TextDecoder, TextEncoder });
