import { defineProtocolSuite } from './test/protocolSuite.ts';

defineProtocolSuite('pglite');
