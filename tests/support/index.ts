export { startStack, type E2eStack, type E2eStackOptions } from './e2e-stack';
export { EventReader, subjectOf, typeOf, type ReadEvent } from './event-reader';
