// '@bcci/service-kit/testing': integration-test helpers (no Jest import; safe anywhere, meant for test/).
export { startTestService, type StartTestServiceOptions, type TestService } from './start-test-service';
export { EventCollector, type CollectedEvent, type EventCollectorOptions } from './event-collector';
export { EventPublisher } from './event-publisher';
export { samplePdf, samplePng, sampleJpeg, type SamplePdfOptions } from './sample-scans';
export { waitUntil } from './wait-until';
export { RowLockHolder } from './row-lock-holder';
export { launchHeadlessChromium, type HeadlessBrowser } from './headless-chromium';
