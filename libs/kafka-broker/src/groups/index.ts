export { GroupCoordinator, type GroupCoordinatorOptions, type JoinContext } from './group-coordinator';
export { createGroupHandlers } from './group-handlers';
export { systemClock, type GroupClock, type TimerHandle } from './group-clock';
export type { GroupStateName, GroupStateSummary, JoinGroupResult, SyncGroupResult } from './group-types';
