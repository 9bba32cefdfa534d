// Package performance implements the `performance` global: High
// Resolution Time (https://w3c.github.io/hr-time/: now, timeOrigin,
// toJSON) and the User Timing marks and measures
// (https://w3c.github.io/user-timing/) with Performance Timeline's entry
// accessors (https://w3c.github.io/performance-timeline/: getEntries,
// getEntriesByType, getEntriesByName, PerformanceObserver). Only "mark"
// and "measure" entries exist; nothing is ever dropped.
//
// Times come from webapi/performance/clock, the isolate's time origin
// shared with Event.timeStamp.
package performance
