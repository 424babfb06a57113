/**
 * What the rest of the platform may use of the demo feature. Nothing else of this folder is imported from
 * outside it (the import-boundaries lint rule).
 */
export { START_DEMO_RECORDS } from './demo-plan.ts';
export { DemoRefusedError, generateDemoData, type DemoSummary } from './generate-demo-data.ts';
