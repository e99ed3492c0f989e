export { listLanes } from './lanes';
export { timelineDensity } from './density';
export { timelineBrush, timelineEvents, timelineSelection } from './events';
export { timelineHeatmap } from './heatmap';
export { timelineCalendar } from './calendar';
export { timelineTxn } from './txn-detail';
